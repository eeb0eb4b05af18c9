package vn.cpms.kernel.contacts;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.children.Sex;

/**
 * Records a hotline contact ({@code POST /api/v1/contacts}); idempotent by {@code contactId}.
 *
 * @param callerKey keyed hash of the caller's phone number, never the number
 */
public record ReceiveContactCommand(
    @TargetAggregateIdentifier ContactId contactId,
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
    String callerKey) {}
