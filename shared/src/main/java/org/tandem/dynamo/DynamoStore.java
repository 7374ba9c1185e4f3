package org.tandem.dynamo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tandem.errors.Backoff;
import org.tandem.errors.Unavailable;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** The few ways Tandem touches DynamoDB: get by key, query one partition a page at a time, transact. */
public final class DynamoStore {
  private static final int TRANSACTION_ATTEMPTS = 4;

  private final DynamoDbClient client;
  private final ItemCodec codec;
  private final Tables tables;

  public DynamoStore(DynamoDbClient client, ItemCodec codec, Tables tables) {
    this.client = client;
    this.codec = codec;
    this.tables = tables;
  }

  public DynamoDbClient client() {
    return client;
  }

  public ItemCodec codec() {
    return codec;
  }

  public Tables tables() {
    return tables;
  }

  public static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of(Tables.PK, AttributeValue.fromS(pk), Tables.SK, AttributeValue.fromS(sk));
  }

  /** The item at a key, strongly consistent: a read after a write sees the write. */
  public Optional<Map<String, AttributeValue>> get(String table, String pk, String sk) {
    GetItemResponse response = call(() -> client.getItem(b -> b.tableName(table).key(key(pk, sk)).consistentRead(true)));
    return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
  }

  public <T> Optional<T> get(String table, String pk, String sk, Class<T> type) {
    return get(table, pk, sk).map(item -> codec.fromItem(item, type));
  }

  /**
   * One page of one partition, of the table ({@code index} null) or of an index ({@code gsiN},
   * partitioned on {@code gsiNpk}). The cursor is checked to come from this very partition.
   */
  public <T> Page<T> page(String table, String index, String partitionValue, PageRequest page, boolean newestFirst,
      Function<Map<String, AttributeValue>, T> read) {
    String partitionAttribute = index == null ? Tables.PK : index + "pk";
    QueryRequest.Builder request = QueryRequest.builder()
        .tableName(table)
        .keyConditionExpression("#p = :p")
        .expressionAttributeNames(Map.of("#p", partitionAttribute))
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partitionValue)))
        .scanIndexForward(!newestFirst)
        .limit(page.limit())
        .exclusiveStartKey(Cursors.decode(page.cursor(), partitionAttribute, partitionValue));
    if (index != null) {
      request.indexName(index);
    }
    QueryResponse response = call(() -> client.query(request.build()));
    List<T> items = new ArrayList<>(response.count());
    for (Map<String, AttributeValue> item : response.items()) {
      items.add(read.apply(item));
    }
    // DynamoDB returns a last key whenever the page is full, even if nothing follows; a full
    // page therefore gives a cursor, and the page after it may be empty.
    return new Page<>(items, Cursors.encode(response.lastEvaluatedKey()));
  }

  /**
   * Every item of one partition of an index, in pages of DynamoDB's own size (1 MB) rather than
   * an API page's, for reads that need the whole partition (matching reads every ready mentor).
   */
  public <T> List<T> all(String table, String index, String partitionValue,
      Function<Map<String, AttributeValue>, T> read) {
    String partitionAttribute = index == null ? Tables.PK : index + "pk";
    List<T> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      QueryRequest.Builder request = QueryRequest.builder()
          .tableName(table)
          .keyConditionExpression("#p = :p")
          .expressionAttributeNames(Map.of("#p", partitionAttribute))
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partitionValue)))
          .exclusiveStartKey(start);
      if (index != null) {
        request.indexName(index);
      }
      QueryResponse response = call(() -> client.query(request.build()));
      response.items().forEach(item -> out.add(read.apply(item)));
      start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
          ? response.lastEvaluatedKey()
          : null;
    } while (start != null);
    return out;
  }

  /**
   * Writes all or nothing. On a failed condition, returns the index of the first item whose
   * condition failed; otherwise -1.
   */
  public int transact(List<TransactWriteItem> items) {
    for (int attempt = 1; ; attempt++) {
      try {
        call(() -> client.transactWriteItems(b -> b.transactItems(items)));
        return -1;
      } catch (TransactionCanceledException e) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size(); i++) {
          if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
            return i;
          }
        }
        // Another transaction held one of the items (a shared counter, most often): the write
        // is all or nothing, so trying it again is safe.
        boolean collided = reasons.stream().anyMatch(
            reason -> "TransactionConflict".equals(reason.code()) || "ThrottlingError".equals(reason.code()));
        if (!collided) {
          throw e;
        }
        if (attempt >= TRANSACTION_ATTEMPTS) {
          throw new Unavailable("the write collided with others; try again");
        }
        Backoff.pause(attempt);
      }
    }
  }

  /** Runs a call, answering throttling with {@link Unavailable} (503) rather than a 500. */
  public static <T> T call(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
      throw new Unavailable("the database is busy; try again shortly");
    }
  }
}
