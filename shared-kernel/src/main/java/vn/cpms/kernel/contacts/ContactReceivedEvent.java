package vn.cpms.kernel.contacts;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.Sex;

/**
 * A hotline contact (call, message or visit) was taken.
 *
 * @param callerKey keyed hash of the caller's phone number ({@code null} when none was given): the
 *     same number always gives the same key, the number itself is never stored
 * @param summary free text, personal data
 */
@Revision("1")
public record ContactReceivedEvent(
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
    @vn.cpms.kernel.privacy.PersonalData String summary,
    String callerKey)
    implements ContactEvent {}
