package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.tenancy.ApiKey;
import org.tandem.tenancy.Tenant;
import org.tandem.tenancy.TenantRepository;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Tenants in the platform table, listed through gsi1 under one operator partition. */
public final class DynamoTenantRepository implements TenantRepository {
  private final DynamoStore store;

  @Inject
  public DynamoTenantRepository(DynamoStore store) {
    this.store = store;
  }

  @Override
  public boolean create(Tenant tenant, ApiKey firstKey) {
    String table = store.tables().platform();
    TransactWriteItem putTenant = TransactWriteItem.builder().put(p -> p.tableName(table)
        .item(item(tenant))
        .conditionExpression("attribute_not_exists(pk)")).build();
    TransactWriteItem putKey = TransactWriteItem.builder().put(p -> p.tableName(table)
        .item(DynamoKeyRepository.item(store.codec(), tenant.id(), firstKey))
        .conditionExpression("attribute_not_exists(pk)")).build();
    return store.transact(List.of(putTenant, putKey)) < 0;
  }

  @Override
  public Optional<Tenant> find(String tenantId) {
    return store.get(store.tables().platform(), PlatformKeys.tenantPk(tenantId), PlatformKeys.TENANT, Tenant.class);
  }

  @Override
  public Page<Tenant> list(PageRequest page) {
    return store.page(store.tables().platform(), Tables.GSI1, PlatformKeys.ALL_TENANTS, page, false,
        item -> store.codec().fromItem(item, Tenant.class));
  }

  @Override
  public boolean update(Tenant tenant, long expectedVersion) {
    TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.tables().platform())
        .item(item(tenant))
        .conditionExpression("version = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))))).build();
    return store.transact(List.of(put)) < 0;
  }

  private Map<String, AttributeValue> item(Tenant tenant) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(tenant));
    item.putAll(PlatformKeys.tenantKey(tenant.id()));
    item.put(Tables.GSI1_PK, AttributeValue.fromS(PlatformKeys.ALL_TENANTS));
    item.put(Tables.GSI1_SK, AttributeValue.fromS(tenant.id()));
    return item;
  }
}
