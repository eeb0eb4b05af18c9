package vn.cpms.kernel.contacts;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The two-level contact categories, modelled on the Child Helpline International data framework
 * (violence, exploitation, family, mental health, …). Codes are stable; the list lives in {@code
 * contact-categories.properties} (category = its subcategories, in order) and the labels in the
 * message bundles.
 */
public final class ContactCategories {
  private static final Map<String, List<String>> CATEGORIES = load();

  private ContactCategories() {}

  /** Every category with its subcategories, in order. */
  public static Map<String, List<String>> all() {
    return CATEGORIES;
  }

  public static boolean isCategory(String code) {
    return CATEGORIES.containsKey(code);
  }

  public static boolean isSubcategory(String category, String subcategory) {
    return CATEGORIES.getOrDefault(category, List.of()).contains(subcategory);
  }

  private static Map<String, List<String>> load() {
    List<String> lines;
    try (Reader in =
        new InputStreamReader(
            ContactCategories.class.getResourceAsStream("/contact-categories.properties"),
            StandardCharsets.UTF_8)) {
      Properties order = new Properties();
      order.load(in);
      lines = List.copyOf(Arrays.asList(order.getProperty("order").split(",")));
      Map<String, List<String>> categories = new LinkedHashMap<>();
      for (String category : lines) {
        String subs = order.getProperty(category, "");
        categories.put(
            category, subs.isBlank() ? List.of() : List.copyOf(Arrays.asList(subs.split(","))));
      }
      return java.util.Collections.unmodifiableMap(categories);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
