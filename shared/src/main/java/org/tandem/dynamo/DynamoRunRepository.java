package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.matching.MatchingRun;
import org.tandem.matching.RunRepository;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A run in its own partition ({@code <tenant>#RUN#<runId>}): a head item, and its proposals in
 * chunks so a run of thousands of pairs stays under DynamoDB's 400 KB per item. Written in one
 * transaction, read in one query.
 */
public final class DynamoRunRepository implements RunRepository {
  private static final int CHUNK = 400;
  private static final String HEAD = "HEAD";

  private final DynamoStore store;

  @Inject
  public DynamoRunRepository(DynamoStore store) {
    this.store = store;
  }

  /** A chunk of a run's proposals or unmatched mentees. */
  record Chunk(List<MatchingRun.Proposal> proposals, List<MatchingRun.Unmatched> unmatched) {}

  @Override
  public void save(TenantScope tenant, MatchingRun run) {
    String table = store.tables().data(tenant);
    String pk = DataKeys.collection(tenant, "RUN#" + run.id());
    List<TransactWriteItem> items = new ArrayList<>();
    MatchingRun head = new MatchingRun(run.id(), run.menteesConsidered(), run.mentorsConsidered(), run.totalScore(),
        run.solveMillis(), List.of(), List.of(), run.createdBy(), run.createdAt(), run.updatedAt(), run.version());
    items.add(put(table, pk, HEAD, store.codec().toItem(head)));
    for (int from = 0, n = 0; from < Math.max(run.proposals().size(), run.unmatched().size()); from += CHUNK, n++) {
      Chunk chunk = new Chunk(slice(run.proposals(), from), slice(run.unmatched(), from));
      items.add(put(table, pk, String.format("CHUNK#%05d", n), store.codec().toItem(chunk)));
    }
    if (items.size() > 100) {
      throw new IllegalArgumentException("a run of " + run.proposals().size() + " proposals is too large to store");
    }
    if (store.transact(items) >= 0) {
      throw new IllegalStateException("id collision on " + run.id());
    }
  }

  @Override
  public Optional<MatchingRun> find(TenantScope tenant, String runId) {
    List<Map<String, AttributeValue>> items = store.all(store.tables().data(tenant), null,
        DataKeys.collection(tenant, "RUN#" + runId), item -> item);
    MatchingRun head = null;
    List<MatchingRun.Proposal> proposals = new ArrayList<>();
    List<MatchingRun.Unmatched> unmatched = new ArrayList<>();
    for (Map<String, AttributeValue> item : items) {
      if (HEAD.equals(item.get(Tables.SK).s())) {
        head = store.codec().fromItem(item, MatchingRun.class);
      } else {
        Chunk chunk = store.codec().fromItem(item, Chunk.class);
        proposals.addAll(chunk.proposals());
        unmatched.addAll(chunk.unmatched());
      }
    }
    if (head == null) {
      return Optional.empty();
    }
    return Optional.of(new MatchingRun(head.id(), head.menteesConsidered(), head.mentorsConsidered(),
        head.totalScore(), head.solveMillis(), proposals, unmatched, head.createdBy(), head.createdAt(),
        head.updatedAt(), head.version()));
  }

  private static <T> List<T> slice(List<T> list, int from) {
    return from >= list.size() ? List.of() : list.subList(from, Math.min(list.size(), from + CHUNK));
  }

  private static TransactWriteItem put(String table, String pk, String sk, Map<String, AttributeValue> fields) {
    Map<String, AttributeValue> item = new HashMap<>(fields);
    item.putAll(DynamoStore.key(pk, sk));
    return TransactWriteItem.builder().put(p -> p.tableName(table).item(item)
        .conditionExpression("attribute_not_exists(pk)")).build();
  }
}
