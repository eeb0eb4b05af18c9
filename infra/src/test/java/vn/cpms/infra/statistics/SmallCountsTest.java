package vn.cpms.infra.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallCountsTest {
  @Test
  void counts_from_1_to_4_are_small_zero_and_5_are_not() {
    assertThat(SmallCounts.small(0)).isFalse();
    assertThat(SmallCounts.small(1)).isTrue();
    assertThat(SmallCounts.small(4)).isTrue();
    assertThat(SmallCounts.small(5)).isFalse();
    assertThat(SmallCounts.small(null)).isFalse();
  }

  @Test
  void one_small_row_hides_the_next_smallest_so_the_total_does_not_give_it_away() {
    // rows 7, 3, 9: only 3 is small; 7, the next smallest, is hidden too
    assertThat(SmallCounts.hiddenRows(List.of(7L, 3L, 9L))).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void two_small_rows_protect_each_other() {
    assertThat(SmallCounts.hiddenRows(List.of(2L, 3L, 9L))).containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void nothing_small_hides_nothing() {
    assertThat(SmallCounts.hiddenRows(List.of(5L, 0L, 9L))).isEmpty();
  }

  @Test
  void a_small_denominator_hides_its_row_too() {
    assertThat(SmallCounts.hiddenRows(List.of(0L, 6L, 8L), Arrays.asList(3L, 10L, 12L)))
        .as("0 of 3, and the complement 6 of 10")
        .containsExactlyInAnyOrder(0, 1);
  }

  @Test
  void a_single_small_row_has_no_complement_to_hide() {
    assertThat(SmallCounts.hiddenRows(List.of(2L))).containsExactly(0);
  }
}
