package vn.cpms.infra.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class ReadModelGateTest {
  static GapAwareTrackingToken at(long index, Long... gaps) {
    return GapAwareTrackingToken.newInstance(index, new TreeSet<>(List.of(gaps)));
  }

  @Test
  void a_segment_past_the_position_has_processed_it() {
    assertThat(ReadModelGate.covers(at(12), 12)).isTrue();
    assertThat(ReadModelGate.covers(at(20), 12)).isTrue();
    assertThat(ReadModelGate.covers(at(11), 12)).isFalse();
    assertThat(ReadModelGate.covers(null, 0)).as("a segment that never started").isFalse();
  }

  @Test
  void the_position_held_as_a_gap_is_waited_for_not_skipped() {
    assertThat(ReadModelGate.covers(at(20, 12L), 12))
        .as("the client's event was not yet committed when the processor passed it")
        .isFalse();
  }

  @Test
  void gaps_of_other_transactions_below_the_position_do_not_hold_the_read_back() {
    assertThat(ReadModelGate.covers(at(20, 5L, 9L), 12)).isTrue();
  }

  @Test
  void a_rebuild_counts_only_as_far_as_its_replay_has_come() {
    TrackingToken replaying = ReplayToken.createReplayToken(at(100), at(10));
    assertThat(ReadModelGate.covers(replaying, 50)).isFalse();
    assertThat(ReadModelGate.covers(replaying, 10)).isTrue();
  }

  /** A status of the segment with this id and mask (0/0 the whole space, 0/1 and 1/1 halves). */
  static EventTrackerStatus status(int id, int mask) {
    Segment segment =
        switch (mask) {
          case 0 -> Segment.ROOT_SEGMENT;
          case 1 -> Segment.ROOT_SEGMENT.split()[id];
          default -> Segment.ROOT_SEGMENT.split()[id % 2].split()[id / 2];
        };
    assertThat(segment.getSegmentId()).isEqualTo(id);
    assertThat(segment.getMask()).isEqualTo(mask);
    EventTrackerStatus status = Mockito.mock(EventTrackerStatus.class);
    Mockito.when(status.getSegment()).thenReturn(segment);
    return status;
  }

  @Test
  void only_segments_making_up_the_whole_space_are_enough_to_decide_locally() {
    assertThat(ReadModelGate.coversEverySegment(List.of(status(0, 1), status(1, 1)))).isTrue();
    assertThat(ReadModelGate.coversEverySegment(List.of(status(0, 1))))
        .as("the other half is claimed by another node")
        .isFalse();
    assertThat(ReadModelGate.coversEverySegment(List.of(status(0, 3), status(2, 3), status(1, 1))))
        .isTrue();
    assertThat(ReadModelGate.coversEverySegment(List.of(status(0, 0)))).isTrue();
    assertThat(ReadModelGate.coversEverySegment(List.of())).isFalse();
  }
}
