package org.tandem.dynamo;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Where tenants and keys sit in the platform table: the one place their key shapes are written. */
public final class PlatformKeys {
  /** The sort key of a tenant's own record. */
  public static final String TENANT = "TENANT";
  /** The index partition listing every tenant, for the operator. */
  public static final String ALL_TENANTS = "TENANTS";

  private PlatformKeys() {}

  public static String tenantPk(String tenantId) {
    return tenantId + "#TENANT";
  }

  public static String keysPk(String tenantId) {
    return tenantId + "#KEY";
  }

  public static Map<String, AttributeValue> tenantKey(String tenantId) {
    return DynamoStore.key(tenantPk(tenantId), TENANT);
  }

  public static Map<String, AttributeValue> apiKeyKey(String tenantId, String keyId) {
    return DynamoStore.key(keysPk(tenantId), keyId);
  }
}
