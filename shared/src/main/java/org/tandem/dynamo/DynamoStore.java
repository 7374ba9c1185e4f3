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
   * A query of one partition of the table ({@code index} null) or of an index ({@code gsiN},
   * partitioned on {@code gsiNpk}, sorted on {@code gsiNsk}), all of it or, with {@code from}
   * and {@code to}, only the sort keys between them (both inclusive).
   */
  private static QueryRequest.Builder query(String table, String index, String partitionValue, String from,
      String to) {
    String partitionAttribute = index == null ? Tables.PK : index + "pk";
    QueryRequest.Builder request = QueryRequest.builder().tableName(table);
    if (from == null) {
      request.keyConditionExpression("#p = :p")
          .expressionAttributeNames(Map.of("#p", partitionAttribute))
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partitionValue)));
    } else {
      request.keyConditionExpression("#p = :p AND #s BETWEEN :from AND :to")
          .expressionAttributeNames(Map.of("#p", partitionAttribute, "#s", index == null ? Tables.SK : index + "sk"))
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partitionValue),
              ":from", AttributeValue.fromS(from), ":to", AttributeValue.fromS(to)));
    }
    if (index != null) {
      request.indexName(index);
    }
    return request;
  }

  /**
   * One page of one partition, of the table or of an index. The cursor is checked to come from
   * this very partition.
   */
  public <T> Page<T> page(String table, String index, String partitionValue, PageRequest page, boolean newestFirst,
      Function<Map<String, AttributeValue>, T> read) {
    String partitionAttribute = index == null ? Tables.PK : index + "pk";
    return page(query(table, index, partitionValue, null, null),
        Cursors.decode(page.cursor(), partitionAttribute, partitionValue), page, newestFirst, read);
  }

  /**
   * One page of the part of a partition whose sort key lies between {@code from} and {@code to}
   * (both inclusive), in either order: follow-ups due by a day, events within a range of dates.
   * The cursor is checked to come from this partition and to lie within the range, which
   * DynamoDB would otherwise refuse with a 500.
   */
  public <T> Page<T> pageInRange(String table, String index, String partitionValue, String from, String to,
      PageRequest page, boolean newestFirst, Function<Map<String, AttributeValue>, T> read) {
    String partitionAttribute = index == null ? Tables.PK : index + "pk";
    String sortAttribute = index == null ? Tables.SK : index + "sk";
    Map<String, AttributeValue> start = Cursors.decode(page.cursor(), partitionAttribute, partitionValue);
    if (start != null) {
      String at = start.get(sortAttribute).s();
      if (at.compareTo(from) < 0 || at.compareTo(to) > 0) {
        throw org.tandem.errors.ValidationFailed.of("cursor", "is not a cursor this list gave out");
      }
    }
    return page(query(table, index, partitionValue, from, to), start, page, newestFirst, read);
  }

  private <T> Page<T> page(QueryRequest.Builder request, Map<String, AttributeValue> start, PageRequest page,
      boolean newestFirst, Function<Map<String, AttributeValue>, T> read) {
    request.scanIndexForward(!newestFirst).limit(page.limit()).exclusiveStartKey(start);
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
    return all(query(table, index, partitionValue, null, null), read);
  }

  /** Every item of one partition whose sort key lies between {@code from} and {@code to}, a megabyte at a time. */
  public <T> List<T> allBetween(String table, String index, String partitionValue, String from, String to,
      Function<Map<String, AttributeValue>, T> read) {
    return all(query(table, index, partitionValue, from, to), read);
  }

  private <T> List<T> all(QueryRequest.Builder request, Function<Map<String, AttributeValue>, T> read) {
    List<T> out = new ArrayList<>();
    Map<String, AttributeValue> start = null;
    do {
      request.exclusiveStartKey(start);
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
