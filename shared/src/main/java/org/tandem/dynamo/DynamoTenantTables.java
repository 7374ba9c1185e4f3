package org.tandem.dynamo;

import java.time.Duration;
import org.tandem.tenancy.TenantTables;

/** A silo tenant's table, created with the same keys and protection as the pooled one. */
public final class DynamoTenantTables implements TenantTables {
  private final TableBootstrap bootstrap;
  private final Tables tables;
  private final boolean protect;

  /** @param protect deletion protection, point-in-time recovery and KMS encryption (on in AWS) */
  public DynamoTenantTables(TableBootstrap bootstrap, Tables tables, boolean protect) {
    this.bootstrap = bootstrap;
    this.tables = tables;
    this.protect = protect;
  }

  @Override
  public boolean createSilo(String tenantId, Duration wait) {
    String name = tables.siloTable(tenantId);
    bootstrap.start(name, protect);
    if (!bootstrap.awaitActive(name, wait)) {
      return false;
    }
    bootstrap.configure(name, protect);
    return true;
  }

  @Override
  public boolean finishSilo(String tenantId) {
    String name = tables.siloTable(tenantId);
    if (!bootstrap.awaitActive(name, Duration.ZERO)) {
      return false;
    }
    bootstrap.configure(name, protect);
    return true;
  }
}
