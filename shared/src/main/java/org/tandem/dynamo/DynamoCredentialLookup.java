package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.auth.CredentialLookup;
import org.tandem.tenancy.ApiKey;
import org.tandem.tenancy.Tenant;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/** The key and its tenant in one strongly consistent BatchGetItem on the platform table. */
public final class DynamoCredentialLookup implements CredentialLookup {
  private final DynamoStore store;

  @Inject
  public DynamoCredentialLookup(DynamoStore store) {
    this.store = store;
  }

  @Override
  public Optional<Credential> find(String tenantId, String keyId) {
    String table = store.tables().platform();
    Map<String, AttributeValue> tenantKey = PlatformKeys.tenantKey(tenantId);
    Map<String, AttributeValue> apiKeyKey = PlatformKeys.apiKeyKey(tenantId, keyId);
    KeysAndAttributes keys = KeysAndAttributes.builder()
        .keys(tenantKey, apiKeyKey)
        .consistentRead(true)
        .build();
    Map<String, KeysAndAttributes> request = Map.of(table, keys);
    Tenant tenant = null;
    ApiKey key = null;
    for (int attempt = 0; attempt < 5 && !request.isEmpty(); attempt++) {
      Map<String, KeysAndAttributes> pending = request;
      BatchGetItemResponse response = DynamoStore.call(() -> store.client().batchGetItem(b -> b.requestItems(pending)));
      for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
        if (PlatformKeys.TENANT.equals(item.get(Tables.SK).s())) {
          tenant = store.codec().fromItem(item, Tenant.class);
        } else {
          key = store.codec().fromItem(item, ApiKey.class);
        }
      }
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    return tenant != null && key != null ? Optional.of(new Credential(tenant, key)) : Optional.empty();
  }
}
