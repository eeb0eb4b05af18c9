package vn.cpms.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cpms.infra.security.Role;
import vn.cpms.infra.web.CodeService;
import vn.cpms.kernel.area.AreaLevel;
import vn.cpms.kernel.cases.AbuseForm;
import vn.cpms.kernel.cases.CaseStatus;
import vn.cpms.kernel.cases.Channel;
import vn.cpms.kernel.cases.ClosureReason;
import vn.cpms.kernel.cases.InterventionType;
import vn.cpms.kernel.cases.RiskLevel;
import vn.cpms.kernel.children.IncidentType;
import vn.cpms.kernel.children.InjuryCause;
import vn.cpms.kernel.children.Sex;
import vn.cpms.kernel.children.SpecialCircumstance;

/** The code lists served by the API are exactly the codes the commands accept, in order. */
class CodesTest {
  static final Map<String, List<String>> LISTS = CodeService.load();

  static Stream<Arguments> enumLists() {
    return Stream.of(
        Arguments.of("channel", Channel.class),
        Arguments.of("abuse-form", AbuseForm.class),
        Arguments.of("incident-type", IncidentType.class),
        Arguments.of("injury-cause", InjuryCause.class),
        Arguments.of("special-circumstance", SpecialCircumstance.class),
        Arguments.of("risk-level", RiskLevel.class),
        Arguments.of("intervention-type", InterventionType.class),
        Arguments.of("closure-reason", ClosureReason.class),
        Arguments.of("sex", Sex.class),
        Arguments.of("case-status", CaseStatus.class),
        Arguments.of("area-level", AreaLevel.class),
        Arguments.of("role", Role.class),
        Arguments.of("caller-type", vn.cpms.kernel.contacts.CallerType.class),
        Arguments.of("contact-outcome", vn.cpms.kernel.contacts.ContactOutcome.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumLists")
  void a_code_list_matches_its_enum(String list, Class<? extends Enum<?>> type) {
    assertThat(LISTS.get(list))
        .containsExactlyElementsOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
  }

  @org.junit.jupiter.api.Test
  void ethnicity_has_unknown_and_the_54_official_groups() {
    assertThat(LISTS.get("ethnicity")).hasSize(55).startsWith("00", "01").endsWith("54");
  }
}
