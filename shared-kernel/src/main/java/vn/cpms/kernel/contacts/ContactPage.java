package vn.cpms.kernel.contacts;

import java.util.List;

/** One page of contacts. */
public record ContactPage(List<ContactView> items, int page, int size, long totalElements) {
  public ContactPage {
    items = List.copyOf(items);
  }
}
