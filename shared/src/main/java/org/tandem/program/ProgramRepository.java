package org.tandem.program;

import java.util.Optional;
import org.tandem.tenancy.TenantScope;

/** A program's settings: one record per tenant. */
public interface ProgramRepository {
  Optional<ProgramSettings> find(TenantScope tenant);

  /** Writes the settings if the stored version is still {@code expectedVersion} (0: none stored); false otherwise. */
  boolean save(TenantScope tenant, ProgramSettings settings, long expectedVersion);
}
