package vn.cpms.infra.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words of a report and of the statistics pages in the reader's language (Vietnamese unless the
 * request asks for English): headers, units, statuses, measures and each breakdown's groups by
 * their labels instead of their codes, dates as {@code dd/MM/yyyy}.
 */
@Component
public class ReportLabels {
  /** The code list that names the groups of a breakdown's dimension. */
  public static final Map<String, String> DIMENSION_CODES =
      Map.of(
          "sex", "sex",
          "ageGroup", "age-group",
          "form", "abuse-form",
          "channel", "channel",
          "category", "contact-category",
          "injuryCause", "injury-cause",
          "group", "special-circumstance",
          "ethnicity", "ethnicity",
          "disability", "yes-no");

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final MessageSource messages;
  private final Locale fixed;
  private final boolean coded;

  @org.springframework.beans.factory.annotation.Autowired
  public ReportLabels(MessageSource messages) {
    this(messages, null, false);
  }

  private ReportLabels(MessageSource messages, Locale fixed, boolean coded) {
    this.messages = messages;
    this.fixed = fixed;
    this.coded = coded;
  }

  /**
   * The words of the contract's CSV ({@code format=csv} without a table), which programs read:
   * Vietnamese headers whatever the request's language, and codes instead of labels for units,
   * sources, windows, measures and groups, ISO dates — as it always was.
   */
  public ReportLabels coded() {
    return new ReportLabels(messages, vn.cpms.infra.web.WebConfiguration.VIETNAMESE, true);
  }

  /** Whether these words are the contract's codes. */
  public boolean isCoded() {
    return coded;
  }

  /** The reader's language. */
  public Locale language() {
    return fixed != null ? fixed : LocaleContextHolder.getLocale();
  }

  /** A message of the bundles, in the reader's language. */
  public String text(String key, Object... args) {
    return messages.getMessage(key, args, key, language());
  }

  /** A code's label in its list ({@code unit}, {@code sex}, …), or the code when it has none. */
  public String code(String list, Object code) {
    if (code == null) {
      return null;
    }
    if (coded) {
      return code.toString();
    }
    return messages.getMessage("code." + list + "." + code, null, code.toString(), language());
  }

  /** The label of a group of a breakdown by {@code dimension}. */
  public String group(String dimension, Object value) {
    String list = DIMENSION_CODES.get(dimension);
    if (value == null) {
      return null;
    }
    if (list == null || coded) {
      return value.toString();
    }
    if (list.equals("contact-category") && value.toString().contains(".")) {
      String[] parts = value.toString().split("\\.", 2);
      return code(list, parts[0]) + " — " + code(list, value);
    }
    return code(list, value);
  }

  /** A measure's name ({@code abused-children} → "Số trẻ em bị xâm hại"). */
  public String measure(String measure) {
    return code("measure", measure);
  }

  /** A dimension's name ({@code ageGroup} → "Nhóm tuổi"). */
  public String dimension(String dimension) {
    return code("dimension", dimension);
  }

  /** An indicator's unit ({@code PER_100000_CHILDREN} → "trẻ/100.000 trẻ em"). */
  public String unit(String unit) {
    return unit == null ? null : code("unit", unit);
  }

  /** A date as {@code dd/MM/yyyy} ({@code yyyy-MM-dd} in the contract's CSV). */
  public String date(LocalDate date) {
    return date == null ? null : coded ? date.toString() : DATE.format(date);
  }

  /** A report window's name. */
  public String window(Enum<?> window) {
    return coded ? window.name() : text("report.window." + window.name());
  }
}
