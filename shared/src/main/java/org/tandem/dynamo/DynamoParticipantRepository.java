package org.tandem.dynamo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.participants.Participant;
import org.tandem.participants.ParticipantRepository;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Mentees or mentors in the tenant's data table: one partition per kind ({@code <tenant>#MENTEE}),
 * ids as sort keys (newest last), and gsi1 partitioned by status for the {@code ?status=} lists.
 */
public final class DynamoParticipantRepository<T extends Participant> implements ParticipantRepository<T> {
  private final DynamoStore store;
  private final Class<T> type;
  private final String kind;

  public DynamoParticipantRepository(DynamoStore store, Class<T> type, String kind) {
    this.store = store;
    this.type = type;
    this.kind = kind;
  }

  private String counterKind() {
    return kind.toLowerCase(Locale.ROOT);
  }

  Map<String, AttributeValue> item(TenantScope tenant, T participant) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(participant));
    item.putAll(DynamoStore.key(DataKeys.collection(tenant, kind), participant.id()));
    item.put(Tables.GSI1_PK, AttributeValue.fromS(DataKeys.byStatus(tenant, kind, participant.statusName())));
    item.put(Tables.GSI1_SK, AttributeValue.fromS(participant.id()));
    return item;
  }

  /** The transaction items that create a participant and count it. */
  List<TransactWriteItem> createItems(TenantScope tenant, T participant) {
    String table = store.tables().data(tenant);
    TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(table)
        .item(item(tenant, participant))
        .conditionExpression("attribute_not_exists(pk)")).build();
    TransactWriteItem count = Counters.add(table, tenant, Counters.PARTICIPANTS,
        Map.of(Counters.participant(counterKind(), participant.statusName()), 1L));
    return List.of(put, count);
  }

  @Override
  public void create(TenantScope tenant, T participant) {
    if (store.transact(createItems(tenant, participant)) >= 0) {
      throw new IllegalStateException("id collision on " + participant.id());
    }
  }

  @Override
  public Optional<T> find(TenantScope tenant, String id) {
    return store.get(store.tables().data(tenant), DataKeys.collection(tenant, kind), id, type);
  }

  @Override
  public List<T> findAll(TenantScope tenant, Collection<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    if (ids.size() > 100) {
      throw new IllegalArgumentException("at most 100 ids at once");
    }
    String table = store.tables().data(tenant);
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String id : new LinkedHashSet<>(ids)) {
      keys.add(DynamoStore.key(DataKeys.collection(tenant, kind), id));
    }
    Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
    List<T> found = new ArrayList<>();
    for (int attempt = 0; attempt < 8 && !request.isEmpty(); attempt++) {
      Map<String, KeysAndAttributes> pending = request;
      BatchGetItemResponse response = DynamoStore.call(() -> store.client().batchGetItem(b -> b.requestItems(pending)));
      response.responses().getOrDefault(table, List.of())
          .forEach(item -> found.add(store.codec().fromItem(item, type)));
      request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
    }
    if (!request.isEmpty()) {
      throw new org.tandem.errors.Unavailable("the database is busy; try again shortly");
    }
    return found;
  }

  @Override
  public Page<T> list(TenantScope tenant, String status, PageRequest page) {
    String table = store.tables().data(tenant);
    return status == null
        ? store.page(table, null, DataKeys.collection(tenant, kind), page, true,
            item -> store.codec().fromItem(item, type))
        : store.page(table, Tables.GSI1, DataKeys.byStatus(tenant, kind, status), page, true,
            item -> store.codec().fromItem(item, type));
  }

  @Override
  public List<T> listAll(TenantScope tenant, String status) {
    return store.all(store.tables().data(tenant), Tables.GSI1, DataKeys.byStatus(tenant, kind, status),
        item -> store.codec().fromItem(item, type));
  }

  @Override
  public boolean update(TenantScope tenant, T previous, T next) {
    return store.transact(updateItems(tenant, previous, next)) < 0;
  }

  /** The transaction items that replace a participant and move its status counters. */
  List<TransactWriteItem> updateItems(TenantScope tenant, T previous, T next) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>(2);
    items.add(TransactWriteItem.builder().put(p -> p.tableName(table)
        .item(item(tenant, next))
        .conditionExpression("version = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(previous.version()))))).build());
    if (!previous.statusName().equals(next.statusName())) {
      items.add(Counters.add(table, tenant, Counters.PARTICIPANTS, Map.of(
          Counters.participant(counterKind(), previous.statusName()), -1L,
          Counters.participant(counterKind(), next.statusName()), 1L)));
    }
    return items;
  }
}
