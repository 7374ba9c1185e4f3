package org.tandem.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.tenancy.Isolation;
import org.tandem.tenancy.TenantScope;

class TallyTest {
  private static final TenantScope TENANT = new TenantScope("criec", Isolation.POOL);

  @Test
  void changesToOneItemMergeIntoOneUpdateAndCancelledChangesAreNotWritten() {
    Tally tally = Tally.start()
        .month(LocalDate.of(2026, 11, 2), "matches_closed", 1)
        .month(LocalDate.of(2026, 11, 30), "outcomes_exit", 1)
        .move(Counters.MATCHES, "match_active", "match_closed")
        .add(Counters.GOALS, "goal_open", 1)
        .add(Counters.GOALS, "goal_open", -1);
    assertEquals(Map.of("month#2026-11", Map.of("matches_closed", 1L, "outcomes_exit", 1L),
        "matches", Map.of("match_active", -1L, "match_closed", 1L),
        "goals", Map.of("goal_open", 0L)), tally.deltas());
    assertEquals(2, tally.items("tandem-data", TENANT).size(), "one update per item that still changes");
  }

  @Test
  void monthsAreKeyedByTheDayThingsHappenedOn() {
    assertEquals("month#2026-12", Counters.month(LocalDate.of(2026, 12, 31)));
    assertEquals("employment_days_0", Counters.employmentDays(-3));
    assertEquals("employment_days_1095", Counters.employmentDays(4000));
  }
}
