package vn.cpms.infra.ui;

import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.cpms.infra.web.CodeService;

/**
 * Code lists and labels for the templates ({@code @uiCodes.options('channel')}), the same as {@code
 * GET /api/v1/codes/{list}}, in the user's language.
 */
@Component("uiCodes")
public class UiCodes {
  /** The measures of STATISTICS.md, in its order. */
  public static final List<String> MEASURES =
      List.of(
          "cases-reported",
          "abused-children",
          "special-circumstance-children",
          "special-circumstance-supported",
          "injured-children",
          "injury-deaths",
          "child-marriages",
          "child-labourers",
          "disaster-affected-children",
          "disaster-affected-supported",
          "contacts",
          "contacts-escalated",
          "cases-closed",
          "cases-open",
          "initial-assessments-on-time",
          "plans-on-time");

  /** The dimensions a measure can be broken down by (API.md, statistics). */
  public static final List<String> DIMENSIONS =
      List.of(
          "sex",
          "ageGroup",
          "form",
          "ethnicity",
          "disability",
          "area",
          "month",
          "injuryCause",
          "group",
          "channel",
          "category");

  private final CodeService codes;
  private final MessageSource messages;

  public UiCodes(CodeService codes, MessageSource messages) {
    this.codes = codes;
    this.messages = messages;
  }

  public List<CodeService.CodeResource> options(String list) {
    return codes.list(list);
  }

  /** The short number of the case with this id, the reference a worker or a caller reads out. */
  public String caseNumber(java.util.UUID caseId) {
    return vn.cpms.kernel.cases.CaseId.number(caseId);
  }

  public String label(String list, Object code) {
    if (code == null) {
      return "";
    }
    String key = "code." + list + "." + code;
    return messages.getMessage(key, null, code.toString(), LocaleContextHolder.getLocale());
  }

  /** The label of a contact's category and subcategory. */
  public String category(String category, String subcategory) {
    String label = label("contact-category", category);
    return subcategory == null
        ? label
        : label + " — " + label("contact-category", category + "." + subcategory);
  }

  /** A word of the web UI in the user's language. */
  public String ui(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }

  public List<String> measures() {
    return MEASURES;
  }

  public List<String> dimensions() {
    return DIMENSIONS;
  }
}
