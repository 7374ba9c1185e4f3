package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.relationships.Checkpoint;
import org.tandem.relationships.FollowUp;
import org.tandem.relationships.Outcome;
import org.tandem.relationships.OutcomeRepository;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Outcomes under {@code <tenant>#MENTEE#<menteeId>#OUTCOME}, sorted {@code <matchId>#<months>}.
 * A marker per match ({@code <tenant>#EMPLOYMENT}) remembers the first employment reported, so
 * the histogram of days from match start to employment counts each match once, and a
 * correction of that outcome moves its count instead of adding another.
 */
public final class DynamoOutcomeRepository implements OutcomeRepository {
  private static final String CHECKPOINT = "checkpoint";
  private static final Map<String, String> NAMES = Map.of("#cp", CHECKPOINT, "#days", "days");

  private final DynamoStore store;

  @Inject
  public DynamoOutcomeRepository(DynamoStore store) {
    this.store = store;
  }

  private static String sortKey(String matchId, Checkpoint checkpoint) {
    return matchId + "#" + String.format("%02d", checkpoint.months());
  }

  @Override
  public Optional<Outcome> find(TenantScope tenant, String menteeId, String matchId, Checkpoint checkpoint) {
    return store.get(store.tables().data(tenant), DataKeys.outcomesOf(tenant, menteeId),
        sortKey(matchId, checkpoint), Outcome.class);
  }

  @Override
  public Page<Outcome> list(TenantScope tenant, String menteeId, PageRequest page) {
    return store.page(store.tables().data(tenant), null, DataKeys.outcomesOf(tenant, menteeId), page, false,
        item -> store.codec().fromItem(item, Outcome.class));
  }

  @Override
  public List<Outcome> all(TenantScope tenant, String menteeId) {
    return store.all(store.tables().data(tenant), null, DataKeys.outcomesOf(tenant, menteeId),
        item -> store.codec().fromItem(item, Outcome.class));
  }

  @Override
  public boolean record(TenantScope tenant, Outcome previous, Outcome next) {
    String table = store.tables().data(tenant);
    Tally tally = Tally.start();
    List<TransactWriteItem> items = new ArrayList<>(recordItems(table, tenant, previous, next, tally));
    items.addAll(tally.items(table, tenant));
    return store.transact(items) < 0;
  }

  @Override
  public void erase(TenantScope tenant, List<Outcome> before, List<Outcome> after) {
    String table = store.tables().data(tenant);
    for (int i = 0; i < after.size(); i++) {
      Outcome erased = after.get(i);
      store.transact(List.of(put(table, tenant, erased, before.get(i).version())));
    }
  }

  private TransactWriteItem put(String table, TenantScope tenant, Outcome outcome, Long expectedVersion) {
    Checkpoint checkpoint = Checkpoint.fromWire(outcome.checkpoint()).orElseThrow();
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(outcome));
    item.putAll(DynamoStore.key(DataKeys.outcomesOf(tenant, outcome.menteeId()),
        sortKey(outcome.matchId(), checkpoint)));
    return TransactWriteItem.builder().put(p -> {
      p.tableName(table).item(item);
      if (expectedVersion == null) {
        p.conditionExpression("attribute_not_exists(pk)");
      } else {
        p.conditionExpression("version = :v")
            .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(expectedVersion))));
      }
    }).build();
  }

  /**
   * The items that record {@code next} (replacing {@code previous} when not null), settle its
   * follow-up and keep the employment marker; the counter changes go into {@code tally}, for the
   * caller to write with its own (a closure records the exit outcome in its transaction).
   */
  List<TransactWriteItem> recordItems(String table, TenantScope tenant, Outcome previous, Outcome next,
      Tally tally) {
    Checkpoint checkpoint = Checkpoint.fromWire(next.checkpoint()).orElseThrow();
    List<TransactWriteItem> items = new ArrayList<>();
    items.add(put(table, tenant, next, previous == null ? null : previous.version()));
    items.add(DynamoFollowUpRepository.settle(table, tenant, FollowUp.outcomeId(next.matchId(), checkpoint)));
    LocalDate month = next.checkpointDate();
    if (previous == null) {
      tally.month(month, Counters.outcomes(next.checkpoint()), 1);
    } else {
      tally.month(month, Counters.outcomes(previous.checkpoint(), previous.status()), -1);
    }
    tally.month(month, Counters.outcomes(next.checkpoint(), next.status()), 1);
    items.addAll(employmentMark(table, tenant, next, tally));
    return items;
  }

  /** Keeps the first employment of the match counted once, and moves it when that outcome is corrected. */
  private List<TransactWriteItem> employmentMark(String table, TenantScope tenant, Outcome next, Tally tally) {
    Map<String, AttributeValue> key = DynamoStore.key(DataKeys.employments(tenant), next.matchId());
    Optional<Map<String, AttributeValue>> mark = store.get(table, DataKeys.employments(tenant), next.matchId());
    boolean counts = next.employed() && next.dateEmployed() != null && next.daysToEmployment() != null;
    if (mark.isPresent() && !mark.get().get(CHECKPOINT).s().equals(next.checkpoint())) {
      return List.of();
    }
    List<TransactWriteItem> items = new ArrayList<>(1);
    Map<String, AttributeValue> values = new HashMap<>();
    String condition;
    if (mark.isPresent()) {
      long days = Long.parseLong(mark.get().get("days").n());
      LocalDate employed = LocalDate.parse(mark.get().get("dateEmployed").s());
      tally.month(employed, Counters.EMPLOYMENTS, -1).month(employed, Counters.employmentDays(days), -1);
      condition = "#cp = :c AND #days = :d AND dateEmployed = :e";
      values.putAll(Map.of(":c", mark.get().get(CHECKPOINT), ":d", mark.get().get("days"),
          ":e", mark.get().get("dateEmployed")));
    } else {
      condition = "attribute_not_exists(pk)";
    }
    if (counts) {
      tally.month(next.dateEmployed(), Counters.EMPLOYMENTS, 1)
          .month(next.dateEmployed(), Counters.employmentDays(next.daysToEmployment()), 1);
      Map<String, AttributeValue> item = new HashMap<>(key);
      item.put(CHECKPOINT, AttributeValue.fromS(next.checkpoint()));
      item.put("days", AttributeValue.fromN(Integer.toString(next.daysToEmployment())));
      item.put("dateEmployed", AttributeValue.fromS(next.dateEmployed().toString()));
      items.add(TransactWriteItem.builder().put(p -> {
        p.tableName(table).item(item).conditionExpression(condition);
        if (!values.isEmpty()) {
          p.expressionAttributeValues(values).expressionAttributeNames(NAMES);
        }
      }).build());
    } else if (mark.isPresent()) {
      items.add(TransactWriteItem.builder().delete(d -> d.tableName(table).key(key).conditionExpression(condition)
          .expressionAttributeValues(values).expressionAttributeNames(NAMES)).build());
    }
    return items;
  }
}
