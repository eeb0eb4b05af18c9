package vn.cpms.infra.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import vn.cpms.infra.security.CallerScope;
import vn.cpms.kernel.VietnamTime;
import vn.cpms.kernel.statistics.IndicatorValue;

/**
 * What a statistician may see (STATISTICS.md, suppression, revision 2): no count from 1 to 4 about
 * children or cases of an area, from any endpoint, page or export. Every such count — total, row,
 * numerator or denominator — is hidden, with every rate built on one; in a breakdown where exactly
 * one row is hidden, the next smallest is hidden too (complementary suppression); periods are whole
 * months and {@code asOf} is the end of its Vietnam day, so that two queries a minute or a day
 * apart cannot isolate one case. Contacts (calls, not identified children) and population are not
 * suppressed. Supervisors and admins, who sign the official reports, see exact figures.
 */
@Component
public class SmallCounts {
  /** Counts from 1 to this are hidden. */
  public static final long UP_TO = 4;

  private final CallerScope scope;

  public SmallCounts(CallerScope scope) {
    this.scope = scope;
  }

  /** Whether the signed-in user sees suppressed figures. */
  public boolean applies() {
    return scope.hidesSmallCounts();
  }

  /** Whether the measure's counts are suppressed for the signed-in user. */
  public boolean appliesTo(String measure) {
    return applies() && !measure.startsWith("contacts");
  }

  /** A count a statistician must not see. */
  public static boolean small(Number count) {
    return count != null && count.doubleValue() >= 1 && count.doubleValue() <= UP_TO;
  }

  /** The start of the period: the first day of its month for a statistician. */
  public LocalDate start(LocalDate from) {
    return applies() ? from.withDayOfMonth(1) : from;
  }

  /** The end of the period: the last day of its month for a statistician. */
  public LocalDate end(LocalDate to) {
    return applies() ? to.with(TemporalAdjusters.lastDayOfMonth()) : to;
  }

  /** {@code asOf}: for a statistician, the end of its Vietnam day (the last microsecond). */
  public Instant asOf(Instant asOf) {
    if (!applies()) {
      return asOf;
    }
    LocalDate day = asOf.atZone(VietnamTime.ZONE).toLocalDate();
    return day.plusDays(1).atStartOfDay(VietnamTime.ZONE).toInstant().minus(1, ChronoUnit.MICROS);
  }

  /**
   * The rows of a breakdown to hide, by index: each whose count or denominator is small, and, when
   * that makes exactly one, the next smallest row too, so that the total minus the others does not
   * give it away.
   *
   * @param counts each row's count
   * @param denominators each row's denominator ({@code null} entries, or a {@code null} list, for
   *     none)
   */
  public static Set<Integer> hiddenRows(List<Long> counts, List<Long> denominators) {
    Set<Integer> hidden = new HashSet<>();
    for (int i = 0; i < counts.size(); i++) {
      Long denominator = denominators == null ? null : denominators.get(i);
      if (small(counts.get(i)) || small(denominator)) {
        hidden.add(i);
      }
    }
    if (hidden.size() == 1 && counts.size() > 1) {
      IntStream.range(0, counts.size())
          .filter(i -> !hidden.contains(i))
          .boxed()
          .min(Comparator.comparing((Integer i) -> counts.get(i)).thenComparing(i -> i))
          .ifPresent(hidden::add);
    }
    return hidden;
  }

  /** Indicators whose denominator is itself a count of children or events (not a population). */
  static final Set<String> COUNTED_DENOMINATORS =
      Set.of("special-circumstance-supported", "disaster-affected-supported", "child-marriages");

  /** Whether an indicator's numerator (and so its value and status) is hidden from the user. */
  public boolean hidesNumerator(IndicatorValue i) {
    return applies() && "CASES".equals(i.source()) && small(i.numerator());
  }

  /** Whether an indicator's denominator (and so its value and status) is hidden from the user. */
  public boolean hidesDenominator(IndicatorValue i) {
    return applies()
        && "CASES".equals(i.source())
        && COUNTED_DENOMINATORS.contains(i.measure())
        && small(i.denominator());
  }

  /** {@link #hiddenRows(List, List)} for rows without denominators. */
  public static Set<Integer> hiddenRows(List<Long> counts) {
    return hiddenRows(counts, new ArrayList<>(java.util.Collections.nCopies(counts.size(), null)));
  }
}
