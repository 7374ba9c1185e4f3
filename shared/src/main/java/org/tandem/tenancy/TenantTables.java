package org.tandem.tenancy;

/** Makes a silo tenant's own tables at onboarding. */
public interface TenantTables {
  void createSilo(String tenantId);
}
