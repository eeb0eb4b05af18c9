package vn.cpms.infra.statistics;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.cpms.infra.web.MalformedRequestException;

/**
 * Spreadsheets in and out: CSV (UTF-8, with or without a byte-order mark, comma-separated, RFC 4180
 * quotes) or XLSX (its first sheet), a header row naming the columns. An XLSX file is recognised by
 * its content (a ZIP archive), whatever its declared type.
 */
public final class Sheets {
  /** At most this many data rows in one import. */
  public static final int MAX_ROWS = 50_000;

  private Sheets() {}

  /** A data row: its number as a spreadsheet program shows it (the header is row 1). */
  public record Line(int number, Map<String, String> cells) {
    /** The cell of {@code column}, stripped; {@code null} when absent or blank. */
    public String get(String column) {
      String value = cells.get(column);
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  public static boolean isXlsx(byte[] body) {
    return body.length > 3 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
  }

  /** The data rows of a CSV or XLSX file; a file without a header row is malformed. */
  public static List<Line> read(byte[] body) {
    List<List<String>> rows = isXlsx(body) ? xlsxRows(body) : csvRows(body);
    if (rows.isEmpty()) {
      throw new MalformedRequestException("sheet");
    }
    List<String> header = rows.get(0).stream().map(h -> h.strip()).toList();
    List<Line> lines = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        cells.put(header.get(c), c < row.size() ? row.get(c) : "");
      }
      lines.add(new Line(r + 1, cells));
      if (lines.size() > MAX_ROWS) {
        throw new MalformedRequestException("sheet");
      }
    }
    return lines;
  }

  static List<List<String>> csvRows(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(ch);
      }
    }
    if (quoted) {
      throw new MalformedRequestException("sheet");
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }

  static List<List<String>> xlsxRows(byte[] body) {
    DataFormatter format = new DataFormatter(Locale.ROOT);
    try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(body))) {
      Sheet sheet = book.getSheetAt(0);
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        List<String> cells = new ArrayList<>();
        if (row != null) {
          for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(text(row.getCell(c), format));
          }
        }
        rows.add(cells);
      }
      return rows;
    } catch (IOException | RuntimeException e) {
      throw new MalformedRequestException("sheet");
    }
  }

  private static String text(Cell cell, DataFormatter format) {
    if (cell == null) {
      return "";
    }
    if (cell.getCellType() == CellType.NUMERIC) {
      double d = cell.getNumericCellValue();
      return d == Math.rint(d) && Math.abs(d) < 1e15
          ? Long.toString((long) d)
          : java.math.BigDecimal.valueOf(d).toPlainString();
    }
    return format.formatCellValue(cell);
  }

  /** A CSV file (UTF-8 with a byte-order mark, so that spreadsheet programs read Vietnamese). */
  public static byte[] csv(List<String> headers, List<List<Object>> rows) {
    StringBuilder out = new StringBuilder("\uFEFF");
    out.append(csvLine(new ArrayList<>(headers)));
    for (List<Object> row : rows) {
      out.append(csvLine(row));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String csvLine(List<?> cells) {
    List<String> quoted = new ArrayList<>();
    for (Object cell : cells) {
      String text = cell == null ? "" : cell.toString();
      if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
        text = "\"" + text.replace("\"", "\"\"") + "\"";
      }
      quoted.add(text);
    }
    return String.join(",", quoted) + "\r\n";
  }

  /** An XLSX file with one sheet; text columns stay text (codes such as {@code 06652}). */
  public static byte[] xlsx(String title, List<String> headers, List<List<Object>> rows) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(title);
      Row header = sheet.createRow(0);
      for (int c = 0; c < headers.size(); c++) {
        header.createCell(c).setCellValue(headers.get(c));
      }
      for (int r = 0; r < rows.size(); r++) {
        Row row = sheet.createRow(r + 1);
        for (int c = 0; c < rows.get(r).size(); c++) {
          Object value = rows.get(r).get(c);
          if (value instanceof Number n) {
            row.createCell(c).setCellValue(n.doubleValue());
          } else if (value != null) {
            row.createCell(c).setCellValue(value.toString());
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
