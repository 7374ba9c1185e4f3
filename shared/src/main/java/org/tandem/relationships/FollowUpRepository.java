package org.tandem.relationships;

import java.time.LocalDate;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.tenancy.TenantScope;

/**
 * A tenant's follow-ups, kept by the writes that make and settle them (activation, check-ins,
 * closure, outcomes) and listed by due date from an index, never by a pass over the data.
 */
public interface FollowUpRepository {
  /** Open follow-ups due before {@code before}, soonest first. */
  Page<FollowUp> dueBefore(TenantScope tenant, LocalDate before, PageRequest page);

  /**
   * Makes every scheduled follow-up whose day has come ({@code dueDate <= today}) due, counting
   * each once; answers how many it made due.
   */
  int materialise(TenantScope tenant, LocalDate today);
}
