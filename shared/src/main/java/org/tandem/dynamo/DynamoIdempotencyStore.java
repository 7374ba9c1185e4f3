package org.tandem.dynamo;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.tandem.auth.Principal;
import org.tandem.errors.Conflict;
import org.tandem.http.ApiResponse;
import org.tandem.http.IdempotencyStore;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Idempotency records beside the data they guard (the tenant's data table; the platform table
 * for the operator), claimed with a conditional put, kept for a day by TTL. A claim whose
 * request died is taken over once its lock has lapsed.
 */
public final class DynamoIdempotencyStore implements IdempotencyStore {
  static final Duration LOCK = Duration.ofSeconds(30);
  static final Duration KEEP = Duration.ofHours(24);

  private final DynamoStore store;
  private final ObjectMapper mapper;
  private final Clock clock;

  @Inject
  public DynamoIdempotencyStore(DynamoStore store, ObjectMapper mapper, Clock clock) {
    this.store = store;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public Optional<ApiResponse> claim(Principal principal, String routeKey, String key, String bodyHash) {
    long now = clock.millis();
    Map<String, AttributeValue> item = new HashMap<>(key(principal, routeKey, key));
    item.put("state", AttributeValue.fromS("in_progress"));
    item.put("bodyHash", AttributeValue.fromS(bodyHash));
    item.put("lockedUntil", AttributeValue.fromN(Long.toString(now + LOCK.toMillis())));
    item.put(Tables.EXPIRES_AT, AttributeValue.fromN(Long.toString((now + KEEP.toMillis()) / 1000)));
    try {
      DynamoStore.call(() -> store.client().putItem(b -> b.tableName(table(principal)).item(item)
          .conditionExpression("attribute_not_exists(pk) OR (#s = :progress AND lockedUntil < :now)")
          .expressionAttributeNames(Map.of("#s", "state"))
          .expressionAttributeValues(Map.of(
              ":progress", AttributeValue.fromS("in_progress"),
              ":now", AttributeValue.fromN(Long.toString(now))))));
      return Optional.empty();
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> earlier = store.get(table(principal),
          item.get(Tables.PK).s(), item.get(Tables.SK).s()).orElseThrow(
              () -> new Conflict("a request with this Idempotency-Key is still in progress"));
      if (!bodyHash.equals(earlier.get("bodyHash").s())) {
        throw new Conflict("this Idempotency-Key was used with another body");
      }
      if (!"completed".equals(earlier.get("state").s())) {
        throw new Conflict("a request with this Idempotency-Key is still in progress");
      }
      try {
        return Optional.of(mapper.readValue(gunzip(earlier.get("response").b().asByteArray()), ApiResponse.class));
      } catch (IOException bad) {
        throw new IllegalStateException("stored idempotent response does not read", bad);
      }
    }
  }

  @Override
  public void complete(Principal principal, String routeKey, String key, ApiResponse response) {
    String json;
    try {
      json = mapper.writeValueAsString(response);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    DynamoStore.call(() -> store.client().updateItem(b -> b.tableName(table(principal)).key(key(principal, routeKey, key))
        .updateExpression("SET #s = :done, #r = :response")
        .expressionAttributeNames(Map.of("#s", "state", "#r", "response"))
        .expressionAttributeValues(Map.of(
            ":done", AttributeValue.fromS("completed"),
            ":response", AttributeValue.fromB(SdkBytes.fromByteArray(gzip(json)))))));
  }

  @Override
  public void release(Principal principal, String routeKey, String key) {
    DynamoStore.call(() -> store.client().deleteItem(b -> b.tableName(table(principal)).key(key(principal, routeKey, key))));
  }

  /** Stored answers are gzipped: a cohort run's answer can be larger than an item may be (400 KB). */
  private static byte[] gzip(String json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] bytes) {
    try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return zip.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String table(Principal principal) {
    return principal.isOperator() ? store.tables().platform() : store.tables().data(principal.scope());
  }

  /** Scoped to the calling key: two agencies of one program never share each other's answers. */
  private static Map<String, AttributeValue> key(Principal principal, String routeKey, String key) {
    String owner = principal.isOperator() ? "_operator" : principal.scope().id();
    return DynamoStore.key(owner + "#IDEMPOTENCY", principal.keyId() + "#" + routeKey + "#" + key);
  }
}
