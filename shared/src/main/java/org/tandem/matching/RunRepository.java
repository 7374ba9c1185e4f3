package org.tandem.matching;

import java.util.Optional;
import org.tandem.tenancy.TenantScope;

/** Stored cohort runs, read back whole. */
public interface RunRepository {
  void save(TenantScope tenant, MatchingRun run);

  Optional<MatchingRun> find(TenantScope tenant, String runId);
}
