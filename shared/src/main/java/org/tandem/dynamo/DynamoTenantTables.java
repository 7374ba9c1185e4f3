package org.tandem.dynamo;

import org.tandem.tenancy.TenantTables;

/** A silo tenant's table, created with the same keys and protection as the pooled one. */
public final class DynamoTenantTables implements TenantTables {
  private final TableBootstrap bootstrap;
  private final Tables tables;
  private final boolean protect;

  /** @param protect deletion protection and point-in-time recovery (on in AWS) */
  public DynamoTenantTables(TableBootstrap bootstrap, Tables tables, boolean protect) {
    this.bootstrap = bootstrap;
    this.tables = tables;
    this.protect = protect;
  }

  @Override
  public void createSilo(String tenantId) {
    bootstrap.ensureTable(tables.siloTable(tenantId), protect);
  }
}
