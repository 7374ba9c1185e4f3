package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.tenancy.ApiKey;
import org.tandem.tenancy.KeyRepository;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Keys in the platform table, one partition per tenant, so the authorizer reads one item. */
public final class DynamoKeyRepository implements KeyRepository {
  private final DynamoStore store;

  @Inject
  public DynamoKeyRepository(DynamoStore store) {
    this.store = store;
  }

  static Map<String, AttributeValue> item(ItemCodec codec, String tenantId, ApiKey key) {
    Map<String, AttributeValue> item = new HashMap<>(codec.toItem(key));
    item.putAll(PlatformKeys.apiKeyKey(tenantId, key.keyId()));
    return item;
  }

  @Override
  public void create(TenantScope tenant, ApiKey key) {
    store.client().putItem(p -> p.tableName(store.tables().platform())
        .item(item(store.codec(), tenant.id(), key))
        .conditionExpression("attribute_not_exists(pk)"));
  }

  @Override
  public Optional<ApiKey> find(TenantScope tenant, String keyId) {
    return store.get(store.tables().platform(), PlatformKeys.keysPk(tenant.id()), keyId, ApiKey.class);
  }

  @Override
  public Page<ApiKey> list(TenantScope tenant, PageRequest page) {
    return store.page(store.tables().platform(), null, PlatformKeys.keysPk(tenant.id()), page, false,
        item -> store.codec().fromItem(item, ApiKey.class));
  }

  @Override
  public List<ApiKey> active(TenantScope tenant) {
    return store.all(store.tables().platform(), null, PlatformKeys.keysPk(tenant.id()),
            item -> store.codec().fromItem(item, ApiKey.class)).stream()
        .filter(ApiKey::isActive)
        .toList();
  }


  @Override
  public boolean update(TenantScope tenant, ApiKey key, long expectedVersion) {
    TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.tables().platform())
        .item(item(store.codec(), tenant.id(), key))
        .conditionExpression("version = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))))).build();
    return store.transact(List.of(put)) < 0;
  }
}
