package vn.cpms.infra.web;

import java.util.List;

/** A page of a list in the Spring Data shape: {@code content} and {@code page} metadata. */
public record PageResource<T>(List<T> content, PageMetadata page) {
  public PageResource {
    content = List.copyOf(content);
  }

  /** Page metadata: size, zero-based number, totals. */
  public record PageMetadata(int size, int number, long totalElements, long totalPages) {}

  public static <T> PageResource<T> of(List<T> content, int page, int size, long totalElements) {
    long totalPages = (totalElements + size - 1) / size;
    return new PageResource<>(content, new PageMetadata(size, page, totalElements, totalPages));
  }
}
