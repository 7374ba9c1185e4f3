package org.tandem.relationships;

import java.util.List;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.tenancy.TenantScope;

/** A mentee's employment outcomes, one per match and checkpoint. */
public interface OutcomeRepository {
  Optional<Outcome> find(TenantScope tenant, String menteeId, String matchId, Checkpoint checkpoint);

  /** By match, then checkpoint in time order. */
  Page<Outcome> list(TenantScope tenant, String menteeId, PageRequest page);

  List<Outcome> all(TenantScope tenant, String menteeId);

  /**
   * Records an outcome, or replaces {@code previous} if it did not change meanwhile; settles its
   * follow-up and moves the counters, all at once. False if it lost a race.
   */
  boolean record(TenantScope tenant, Outcome previous, Outcome next);

  /** Replaces outcomes with their erased selves (no counter moves). */
  void erase(TenantScope tenant, List<Outcome> before, List<Outcome> after);
}
