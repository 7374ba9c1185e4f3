package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.program.ProgramRepository;
import org.tandem.program.ProgramSettings;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** A program's settings: one item in the tenant's data table. */
public final class DynamoProgramRepository implements ProgramRepository {
  private static final String SETTINGS = "SETTINGS";

  private final DynamoStore store;

  @Inject
  public DynamoProgramRepository(DynamoStore store) {
    this.store = store;
  }

  @Override
  public Optional<ProgramSettings> find(TenantScope tenant) {
    return store.get(store.tables().data(tenant), DataKeys.program(tenant), SETTINGS, ProgramSettings.class);
  }

  @Override
  public boolean save(TenantScope tenant, ProgramSettings settings, long expectedVersion) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(settings));
    item.putAll(DynamoStore.key(DataKeys.program(tenant), SETTINGS));
    TransactWriteItem put = TransactWriteItem.builder().put(p -> {
      p.tableName(store.tables().data(tenant)).item(item);
      if (expectedVersion == 0) {
        p.conditionExpression("attribute_not_exists(pk)");
      } else {
        p.conditionExpression("version = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))));
      }
    }).build();
    return store.transact(List.of(put)) < 0;
  }
}
