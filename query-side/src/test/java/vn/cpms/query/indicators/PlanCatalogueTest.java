package vn.cpms.query.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.cpms.kernel.statistics.Plan;

/** The catalogue is the seed plans' own text: every quote is in its seed, targets as written. */
class PlanCatalogueTest {
  static final PlanCatalogue CATALOGUE = new PlanCatalogue();

  /** {@code docs/plans} of this repository: the five plan texts the catalogue is written from. */
  static Path seeds() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("docs").resolve("plans");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("docs/plans not found above " + Path.of("").toAbsolutePath());
  }

  static Stream<Arguments> quotes() {
    return CATALOGUE.plans().stream()
        .flatMap(
            plan ->
                Stream.concat(
                    plan.indicators().stream()
                        .map(
                            i ->
                                Arguments.of(
                                    plan.seedFile(), plan.id() + " " + i.code(), i.seedQuote())),
                    plan.reportDeadlines().stream()
                        .map(
                            d ->
                                Arguments.of(
                                    plan.seedFile(),
                                    plan.id() + " " + d.report(),
                                    d.seedQuote()))));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("quotes")
  void every_quote_is_verbatim_in_its_seed_plan(String seedFile, String what, String quote)
      throws IOException {
    String seed = Files.readString(seeds().resolve(seedFile), StandardCharsets.UTF_8);
    assertThat(seed).contains(quote);
  }

  @Test
  void the_five_seed_plans_are_in_the_catalogue() {
    assertThat(CATALOGUE.plans().stream().map(Plan::id))
        .containsExactly(
            "luong-minh-2026-2030",
            "quang-ninh-2021-2030",
            "son-tay-2025",
            "van-quan-2024",
            "quang-nam-2024");
  }

  static Plan.Indicator indicator(String plan, String code) {
    return CATALOGUE.plan(plan).orElseThrow().indicators().stream()
        .filter(i -> i.code().equals(code))
        .findFirst()
        .orElseThrow();
  }

  static List<String> targets(Plan.Indicator indicator) {
    return indicator.targets().stream().map(t -> t.year() + ":" + t.value()).toList();
  }

  @Test
  void quang_ninh_targets_are_those_of_plan_52() {
    // Chỉ tiêu 9: abused children below 4.5 % by 2025 and below 4 % by 2030.
    Plan.Indicator abused = indicator("quang-ninh-2021-2030", "CT9");
    assertThat(targets(abused)).containsExactly("2025:4.5", "2030:4.0");
    assertThat(abused.direction()).isEqualTo("BELOW");
    assertThat(abused.measure()).isEqualTo("abused-children");
    // Chỉ tiêu 11: injuries 550 → 500 per 100,000; injury deaths 14 → 12 per 100,000.
    assertThat(targets(indicator("quang-ninh-2021-2030", "CT11a")))
        .containsExactly("2025:550.0", "2030:500.0");
    assertThat(targets(indicator("quang-ninh-2021-2030", "CT11b")))
        .containsExactly("2025:14.0", "2030:12.0");
    assertThat(targets(indicator("quang-ninh-2021-2030", "CT10")))
        .containsExactly("2025:4.0", "2030:3.5");
  }

  @Test
  void luong_minh_targets_2030() {
    assertThat(targets(indicator("luong-minh-2026-2030", "CT9"))).containsExactly("2030:4.0");
    Plan.Indicator marriages = indicator("luong-minh-2026-2030", "CT13");
    assertThat(marriages.direction()).isEqualTo("REDUCTION_PERCENT_PER_YEAR");
    assertThat(marriages.targets().get(0).value()).isEqualTo(3.0);
    assertThat(marriages.targets().get(0).valueTo()).isEqualTo(5.0);
  }

  @Test
  void every_indicator_fed_by_cases_names_a_known_measure() {
    List<String> measures =
        List.of(
            "abused-children",
            "special-circumstance-children",
            "special-circumstance-supported",
            "child-labourers",
            "injured-children",
            "injury-deaths",
            "disaster-affected-supported",
            "child-marriages");
    CATALOGUE.plans().stream()
        .flatMap(p -> p.indicators().stream())
        .forEach(
            i -> {
              if (i.measure() != null) {
                assertThat(measures).contains(i.measure());
                assertThat(i.source()).isEqualTo("CASES");
              } else {
                assertThat(i.source()).isEqualTo("FIGURES");
              }
            });
  }
}
