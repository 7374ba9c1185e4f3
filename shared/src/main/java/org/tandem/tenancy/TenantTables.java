package org.tandem.tenancy;

import java.time.Duration;

/** Makes a silo tenant's own tables at onboarding. */
public interface TenantTables {
  /**
   * Starts creating the tenant's table and waits for it up to {@code wait}; true if it is ready
   * in that time, false if AWS is still creating it.
   */
  boolean createSilo(String tenantId, Duration wait);

  /** Finishes a silo table that was still being created: true once it is ready. */
  boolean finishSilo(String tenantId);
}
