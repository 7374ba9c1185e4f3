package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.relationships.FollowUp;
import org.tandem.relationships.FollowUpRepository;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Follow-ups in the tenant's data table: {@code <tenant>#FOLLOWUP} by id; gsi1 holds every open
 * one under {@code <tenant>#FOLLOWUP#open} sorted by due date, and gsi2, sparse, only the
 * scheduled ones, so the daily run reads just what has come due since it last ran.
 */
public final class DynamoFollowUpRepository implements FollowUpRepository {
  static final String OPEN = "open";

  private final DynamoStore store;
  private final Clock clock;

  @Inject
  public DynamoFollowUpRepository(DynamoStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  private static String sortKey(FollowUp followUp) {
    return followUp.dueDate() + "#" + followUp.id();
  }

  /** The transaction item that writes a follow-up, replacing the one with its id. */
  TransactWriteItem put(String table, TenantScope tenant, FollowUp followUp) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(followUp));
    item.putAll(DynamoStore.key(DataKeys.followUps(tenant), followUp.id()));
    item.put(Tables.GSI1_PK, AttributeValue.fromS(DataKeys.followUpsIn(tenant, OPEN)));
    item.put(Tables.GSI1_SK, AttributeValue.fromS(sortKey(followUp)));
    if (followUp.status().equals(FollowUp.SCHEDULED)) {
      item.put(Tables.GSI2_PK, AttributeValue.fromS(DataKeys.followUpsIn(tenant, FollowUp.SCHEDULED)));
      item.put(Tables.GSI2_SK, AttributeValue.fromS(sortKey(followUp)));
    }
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)).build();
  }

  /** The transaction item that settles (removes) a follow-up, whether or not it is there. */
  static TransactWriteItem settle(String table, TenantScope tenant, String followUpId) {
    return TransactWriteItem.builder().delete(d -> d.tableName(table)
        .key(DynamoStore.key(DataKeys.followUps(tenant), followUpId))).build();
  }

  @Override
  public Page<FollowUp> dueBefore(TenantScope tenant, LocalDate before, PageRequest page) {
    // Sort keys are "<date>#<id>": everything under the day before `before`, to its last id.
    String to = before.minusDays(1) + "#~";
    return store.pageInRange(store.tables().data(tenant), Tables.GSI1, DataKeys.followUpsIn(tenant, OPEN), "0", to,
        page, false, item -> store.codec().fromItem(item, FollowUp.class));
  }

  @Override
  public int materialise(TenantScope tenant, LocalDate today) {
    String table = store.tables().data(tenant);
    List<FollowUp> come = store.allBetween(table, Tables.GSI2, DataKeys.followUpsIn(tenant, FollowUp.SCHEDULED),
        "0", today + "#~", item -> store.codec().fromItem(item, FollowUp.class));
    int made = 0;
    for (FollowUp followUp : come) {
      TransactWriteItem due = TransactWriteItem.builder().update(u -> u.tableName(table)
          .key(DynamoStore.key(DataKeys.followUps(tenant), followUp.id()))
          .updateExpression("SET #s = :due, dueSince = :today, updatedAt = :now REMOVE gsi2pk, gsi2sk")
          // A check-in recorded meanwhile moved the date on: that follow-up is not due yet.
          .conditionExpression("#s = :scheduled AND dueDate = :date")
          .expressionAttributeNames(Map.of("#s", "status"))
          .expressionAttributeValues(Map.of(
              ":due", AttributeValue.fromS(FollowUp.DUE),
              ":scheduled", AttributeValue.fromS(FollowUp.SCHEDULED),
              ":today", AttributeValue.fromS(today.toString()),
              ":date", AttributeValue.fromS(followUp.dueDate().toString()),
              ":now", AttributeValue.fromS(clock.instant().toString())))).build();
      List<TransactWriteItem> items = new java.util.ArrayList<>(2);
      items.add(due);
      items.addAll(Tally.start().month(followUp.dueDate(), Counters.followUpsDue(followUp.kind()), 1)
          .items(table, tenant));
      if (store.transact(items) < 0) {
        made++;
      }
    }
    return made;
  }
}
