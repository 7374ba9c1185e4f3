package org.tandem.dynamo;

import org.tandem.tenancy.Isolation;
import org.tandem.tenancy.TenantScope;

/**
 * Table names, resolved per tenant. Pooled tenants share the data table; a silo tenant has its
 * own with the same keys, so no code path differs but the name.
 */
public final class Tables {
  /** Partition and sort key, and the first secondary index, of every table. */
  public static final String PK = "pk";
  public static final String SK = "sk";
  public static final String GSI1 = "gsi1";
  public static final String GSI1_PK = "gsi1pk";
  public static final String GSI1_SK = "gsi1sk";
  /** A second and third index, for entities listed by two owners (a match: by mentor, by mentee). */
  public static final String GSI2 = "gsi2";
  public static final String GSI2_PK = "gsi2pk";
  public static final String GSI2_SK = "gsi2sk";
  public static final String GSI3 = "gsi3";
  public static final String GSI3_PK = "gsi3pk";
  public static final String GSI3_SK = "gsi3sk";
  /** Epoch seconds after which DynamoDB's TTL deletes the item. */
  public static final String EXPIRES_AT = "expiresAt";

  private final String platform;
  private final String data;

  public Tables(DynamoConfig config) {
    this.platform = config.platformTable();
    this.data = config.dataTable();
  }

  /** Tenants, keys and the operator's own records. */
  public String platform() {
    return platform;
  }

  /** The table that holds a tenant's program data. */
  public String data(TenantScope tenant) {
    return tenant.isolation() == Isolation.SILO ? siloTable(tenant.id()) : data;
  }

  public String pooledData() {
    return data;
  }

  public String siloTable(String tenantId) {
    return data + "-" + tenantId;
  }
}
