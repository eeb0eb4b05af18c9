package vn.cpms.command.reports;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import vn.cpms.kernel.Violations;
import vn.cpms.kernel.reports.ReportSubmittedEvent;
import vn.cpms.kernel.reports.SubmitReportCommand;

/**
 * The filing of one plan's report for a period and area: each submission a new version, kept with
 * its file. Answers the version submitted.
 */
@Aggregate
public class ReportFiling {
  /** A report file is a few kilobytes; anything near this is not one. */
  static final int MAX_BYTES = 5 * 1024 * 1024;

  @AggregateIdentifier private String submissionId;
  private int versions;

  protected ReportFiling() {
    // for Axon: state is rebuilt from events
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public int handle(SubmitReportCommand command) {
    Violations v = Violations.collect();
    if (command.content() == null || command.content().length == 0) {
      v.add("content", "required");
    } else if (command.content().length > MAX_BYTES) {
      v.add("content", "too-long", MAX_BYTES);
    }
    v.throwIfAny();
    int version = versions + 1;
    apply(
        new ReportSubmittedEvent(
            command.planId(),
            command.period(),
            command.areaCode(),
            version,
            command.window(),
            command.from(),
            command.to(),
            command.asOf(),
            command.fileName(),
            command.mediaType(),
            command.content(),
            sha256(command.content())));
    return version;
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @EventSourcingHandler
  void on(ReportSubmittedEvent event) {
    this.submissionId = "report:" + event.planId() + ":" + event.period() + ":" + event.areaCode();
    this.versions = event.version();
  }
}
