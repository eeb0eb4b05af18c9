package vn.cpms.kernel.contacts;

import java.time.Instant;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.CaseId;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.Sex;

/** A contact as the hotline's list shows it (never the caller's number). */
public record ContactView(
    ContactId contactId,
    Instant receivedAt,
    Channel channel,
    CallerType callerType,
    String category,
    String subcategory,
    AreaCode areaCode,
    Integer durationSeconds,
    Sex childSex,
    Integer childAgeYears,
    String summary,
    ContactOutcome outcome,
    CaseId caseId) {}
