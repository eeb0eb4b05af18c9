package vn.cpms.infra.statistics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A report's sections written as a file. XLSX: one sheet per section, a bold header row, figures as
 * numbers. CSV: UTF-8 with a byte-order mark (so that spreadsheet programs read Vietnamese
 * correctly) in one of two dialects:
 *
 * <ul>
 *   <li>{@link Dialect#CONTRACT}: every section one after the other, comma-separated, decimals with
 *       a point — the file API.md's clients read;
 *   <li>{@link Dialect#VIETNAMESE}: one table, separated by semicolons with decimal commas, as
 *       Excel set to Vietnamese opens a CSV (its list separator is {@code ;} because {@code ,} is
 *       its decimal mark); {@link Dialect#ENGLISH}: one table, comma and point.
 * </ul>
 */
final class ReportFiles {
  private ReportFiles() {}

  /** A section of the report: a title, headers and rows of cells. */
  record Section(String title, List<String> headers, List<List<Object>> rows) {}

  /** How a CSV separates its cells and writes a decimal. */
  enum Dialect {
    CONTRACT(',', '.'),
    VIETNAMESE(';', ','),
    ENGLISH(',', '.');

    final char separator;
    final char decimal;

    Dialect(char separator, char decimal) {
      this.separator = separator;
      this.decimal = decimal;
    }

    /** The dialect Excel expects in the language of the request. */
    static Dialect of(java.util.Locale language) {
      return "en".equals(language.getLanguage()) ? ENGLISH : VIETNAMESE;
    }
  }

  static byte[] csv(List<Section> sections, Dialect dialect) {
    StringBuilder out = new StringBuilder("\uFEFF");
    for (Section section : sections) {
      if (dialect == Dialect.CONTRACT) {
        out.append(line(List.of(section.title()), dialect));
      }
      out.append(line(new ArrayList<>(section.headers()), dialect));
      for (List<Object> row : section.rows()) {
        out.append(line(row, dialect));
      }
      if (dialect == Dialect.CONTRACT) {
        out.append("\r\n");
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String line(List<?> cells, Dialect dialect) {
    List<String> quoted = new ArrayList<>();
    for (Object cell : cells) {
      String text = cell == null ? "" : format(cell, dialect);
      if (text.indexOf(dialect.separator) >= 0
          || text.contains("\"")
          || text.contains("\n")
          || text.contains("\r")) {
        text = "\"" + text.replace("\"", "\"\"") + "\"";
      }
      quoted.add(text);
    }
    return String.join(String.valueOf(dialect.separator), quoted) + "\r\n";
  }

  private static String format(Object cell, Dialect dialect) {
    if (cell instanceof Number n) {
      String plain =
          n instanceof Double d && d == Math.rint(d) && !d.isInfinite()
              ? String.valueOf(d.longValue())
              : n instanceof BigDecimal b ? b.toPlainString() : n.toString();
      return plain.replace('.', dialect.decimal);
    }
    return cell.toString();
  }

  static byte[] xlsx(List<Section> sections) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      CellStyle bold = book.createCellStyle();
      Font font = book.createFont();
      font.setBold(true);
      bold.setFont(font);
      for (Section section : sections) {
        Sheet sheet = book.createSheet(section.title());
        Row header = sheet.createRow(0);
        for (int c = 0; c < section.headers().size(); c++) {
          var cell = header.createCell(c);
          cell.setCellValue(section.headers().get(c));
          cell.setCellStyle(bold);
        }
        for (int r = 0; r < section.rows().size(); r++) {
          Row row = sheet.createRow(r + 1);
          List<Object> cells = section.rows().get(r);
          for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            if (value instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else if (value != null) {
              row.createCell(c).setCellValue(value.toString());
            }
          }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < section.headers().size(); c++) {
          sheet.setColumnWidth(c, Math.min(255, widest(section, c) + 2) * 256);
        }
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  /** The column's widest text, in characters, capped so that long titles wrap in Excel. */
  private static int widest(Section section, int column) {
    int widest = section.headers().get(column).length();
    for (List<Object> row : section.rows()) {
      Object value = column < row.size() ? row.get(column) : null;
      widest = Math.max(widest, value == null ? 0 : Math.min(80, value.toString().length()));
    }
    return widest;
  }
}
