package vn.cpms.kernel.area;

/** Administrative levels; districts are optional (the 2025 two-level government has none). */
public enum AreaLevel {
  /** Province or centrally-run city (tỉnh, thành phố), 2-digit code. */
  PROVINCE(2),
  /** District (huyện, quận, thị xã), 3-digit code. */
  DISTRICT(3),
  /** Commune, ward or township (xã, phường, thị trấn), 5-digit code. */
  COMMUNE(5);

  private final int codeLength;

  AreaLevel(int codeLength) {
    this.codeLength = codeLength;
  }

  public int codeLength() {
    return codeLength;
  }
}
