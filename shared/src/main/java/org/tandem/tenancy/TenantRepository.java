package org.tandem.tenancy;

import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;

/** The platform's register of tenants. */
public interface TenantRepository {
  /** Stores a new tenant with its first key, both or neither; false if the id is taken. */
  boolean create(Tenant tenant, ApiKey firstKey);

  Optional<Tenant> find(String tenantId);

  Page<Tenant> list(PageRequest page);

  /** Replaces the tenant if it is still at {@code expectedVersion}; false if it moved on. */
  boolean update(Tenant tenant, long expectedVersion);
}
