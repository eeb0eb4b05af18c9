package vn.cpms.kernel.registers;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What {@link FindRegistersQuery} answers. */
public record Registers(List<ChildFriendly> childFriendly, List<FundEntry> fund) {
  public Registers {
    childFriendly = List.copyOf(childFriendly);
    fund = List.copyOf(fund);
  }

  /** A commune's status for a year. */
  public record ChildFriendly(
      String communeCode,
      int year,
      boolean childFriendly,
      String decisionNumber,
      LocalDate decidedOn) {}

  /** An entry of a fund. */
  public record FundEntry(
      UUID id,
      String areaCode,
      FundEntryKind kind,
      long amountVnd,
      LocalDate on,
      String source,
      String purpose) {}
}
