package vn.cpms.kernel.children;

import java.time.LocalDate;
import vn.cpms.kernel.area.AreaCode;

/** A search hit at intake: enough to recognise the child, nothing more. */
public record ChildSummary(
    ChildId childId, String fullName, LocalDate birthDate, Sex sex, AreaCode areaCode) {}
