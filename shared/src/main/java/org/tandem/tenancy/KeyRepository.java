package org.tandem.tenancy;

import java.util.List;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;

/** A tenant's API keys, stored as hashes. */
public interface KeyRepository {
  void create(TenantScope tenant, ApiKey key);

  Optional<ApiKey> find(TenantScope tenant, String keyId);

  Page<ApiKey> list(TenantScope tenant, PageRequest page);

  /** The tenant's keys that still work; a program has a handful. */
  List<ApiKey> active(TenantScope tenant);

  /** Replaces the key if it is still at {@code expectedVersion}; false if it moved on. */
  boolean update(TenantScope tenant, ApiKey key, long expectedVersion);
}
