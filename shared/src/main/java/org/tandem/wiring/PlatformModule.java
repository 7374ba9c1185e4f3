package org.tandem.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.tandem.dynamo.DynamoProgramRepository;
import org.tandem.dynamo.DynamoStore;
import org.tandem.dynamo.DynamoTenantRepository;
import org.tandem.dynamo.DynamoTenantTables;
import org.tandem.dynamo.TableBootstrap;
import org.tandem.program.ProgramRepository;
import org.tandem.tenancy.TenantRepository;
import org.tandem.tenancy.TenantTables;

/** Tenants, their tables and program settings. */
@Module
public abstract class PlatformModule {
  private PlatformModule() {}

  @Binds
  abstract TenantRepository tenants(DynamoTenantRepository tenants);

  @Binds
  abstract ProgramRepository programs(DynamoProgramRepository programs);

  @Provides
  @Singleton
  static TenantTables tenantTables(DynamoStore store, TandemConfig config) {
    return new DynamoTenantTables(new TableBootstrap(store.client()), store.tables(), config.protectTables());
  }
}
