package vn.cpms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 17: a projection write that PostgreSQL refuses is logged and parked with its SQL state
 * only, never with the row's values (a child's name, address, phone).
 */
@ExtendWith(OutputCaptureExtension.class)
class RefusedWriteIT extends ApplicationIT {
  static final String NAME = "Synthetic Refused Nameforlog";
  static final String PHONE = "0900000777";

  @Test
  void a_refused_write_is_logged_and_parked_without_the_childs_data(CapturedOutput output) {
    jdbc.execute(
        "alter table child_view add constraint refused_write_it"
            + " check (full_name is distinct from '"
            + NAME
            + "') not valid");
    UUID child = UUID.randomUUID();
    try {
      ApiClient.Response created =
          admin()
              .post("/api/v1/children", ChildApiIT.child(child, NAME).replace("0900000002", PHONE));
      assertThat(created.status()).as(created.toString()).isEqualTo(201);
      String cause =
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      jdbc
                          .queryForList(
                              "select causemessage from deadletterentry"
                                  + " where sequenceidentifier = ?",
                              String.class,
                              child.toString())
                          .stream()
                          .findFirst()
                          .orElse(null),
                  found -> found != null);
      assertThat(cause).contains("SQLState 23514").doesNotContain(NAME).doesNotContain(PHONE);
      assertThat(output.getAll()).doesNotContain(NAME).doesNotContain("Nameforlog");
      assertThat(output.getAll()).doesNotContain(PHONE);
    } finally {
      jdbc.execute("alter table child_view drop constraint refused_write_it");
      // the parked event goes through now, so the read model is whole for the tests after
      var processor = processing.sequencedDeadLetterProcessor("children").orElseThrow();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                processor.processAny();
                return jdbc.queryForObject(
                        "select count(*) from deadletterentry where sequenceidentifier = ?",
                        Long.class,
                        child.toString())
                    == 0;
              });
    }
  }
}
