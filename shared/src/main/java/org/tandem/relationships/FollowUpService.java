package org.tandem.relationships;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.tandem.errors.ValidationFailed;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.tenancy.TenantScope;

/** What coordinators owe their matches, by due date. */
public final class FollowUpService {
  private final FollowUpRepository followUps;
  private final Clock clock;

  @Inject
  public FollowUpService(FollowUpRepository followUps, Clock clock) {
    this.followUps = followUps;
    this.clock = clock;
  }

  /** Follow-ups due before {@code before} (a date; tomorrow when left out, so: due by today), soonest first. */
  public Page<FollowUp> due(TenantScope tenant, Optional<String> before, PageRequest page) {
    LocalDate by;
    try {
      by = before.map(LocalDate::parse).orElse(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1));
    } catch (DateTimeParseException e) {
      throw ValidationFailed.of("before", "must be a date such as 2026-12-01");
    }
    return followUps.dueBefore(tenant, by, page);
  }

  /** Makes what came due by {@code today} due; the daily run calls it for each program. */
  public int materialise(TenantScope tenant, LocalDate today) {
    return followUps.materialise(tenant, today);
  }
}
