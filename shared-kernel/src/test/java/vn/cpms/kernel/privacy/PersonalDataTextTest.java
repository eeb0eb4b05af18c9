package vn.cpms.kernel.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.cases.Reporter;
import vn.cpms.kernel.children.ChildRegistration;
import vn.cpms.kernel.children.Ethnicity;
import vn.cpms.kernel.children.Guardian;
import vn.cpms.kernel.children.Sex;

/** A value holding personal data, printed into a log line or an error, shows none of it. */
class PersonalDataTextTest {
  @Test
  void a_registration_printed_shows_no_name_birth_date_address_or_guardian() {
    String text =
        new ChildRegistration(
                "Synthetic Name",
                LocalDate.of(2014, 3, 9),
                null,
                Sex.FEMALE,
                Ethnicity.of("01"),
                false,
                AreaCode.of("06652"),
                "Synthetic Address",
                new Guardian("Synthetic Guardian", "MOTHER", "0900000009"))
            .toString();
    assertThat(text)
        .doesNotContain("Synthetic", "2014-03-09", "0900000009")
        .contains("06652", "FEMALE");
  }

  @Test
  void a_reporter_or_guardian_printed_shows_only_the_relation() {
    assertThat(new Reporter("Synthetic Reporter", "TEACHER", "0900000008").toString())
        .doesNotContain("Synthetic", "0900000008")
        .contains("TEACHER");
    assertThat(new Guardian("Synthetic Guardian", "FATHER", "0900000007").toString())
        .doesNotContain("Synthetic", "0900000007")
        .contains("FATHER");
  }
}
