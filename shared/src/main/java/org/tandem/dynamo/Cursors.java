package org.tandem.dynamo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.tandem.errors.ValidationFailed;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque page cursors: a query's last evaluated key, base64url-encoded. A cursor is only taken
 * back for the same partition it came from, so it can neither cross tenants nor lists.
 */
public final class Cursors {
  private static final char SEP = '\u001f';

  private Cursors() {}

  /** The cursor for the next page, or null when there is none. */
  public static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
    if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, AttributeValue> entry : new TreeMap<>(lastEvaluatedKey).entrySet()) {
      if (entry.getValue().s() == null) {
        throw new IllegalArgumentException("cursor keys are strings: " + entry.getKey());
      }
      out.append(entry.getKey()).append(SEP).append(entry.getValue().s()).append(SEP);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The exclusive start key a cursor stands for, checked against the partition being read.
   *
   * @param partition the partition attribute's name and the value the query reads
   */
  public static Map<String, AttributeValue> decode(String cursor, String partitionAttribute, String partitionValue) {
    if (cursor == null) {
      return null;
    }
    Map<String, AttributeValue> key = new HashMap<>();
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = text.split(String.valueOf(SEP), -1);
      if (parts.length % 2 != 1 || !parts[parts.length - 1].isEmpty()) {
        throw invalid();
      }
      for (int i = 0; i + 1 < parts.length; i += 2) {
        key.put(parts[i], AttributeValue.fromS(parts[i + 1]));
      }
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    AttributeValue partition = key.get(partitionAttribute);
    if (partition == null || !partitionValue.equals(partition.s())
        || !key.keySet().equals(keyAttributes(partitionAttribute))) {
      throw invalid();
    }
    return key;
  }

  /**
   * The attributes of a last evaluated key: the table's keys, and the index's too when an index
   * ({@code gsiNpk}) is read. DynamoDB refuses a start key of another shape (a 500, not a 400),
   * and an index cursor may carry the very partition value a table list reads, so the shape
   * tells them apart.
   */
  private static Set<String> keyAttributes(String partitionAttribute) {
    if (Tables.PK.equals(partitionAttribute)) {
      return Set.of(Tables.PK, Tables.SK);
    }
    String sortAttribute = partitionAttribute.substring(0, partitionAttribute.length() - 2) + "sk";
    return Set.of(Tables.PK, Tables.SK, partitionAttribute, sortAttribute);
  }

  private static ValidationFailed invalid() {
    return ValidationFailed.of("cursor", "is not a cursor this list gave out");
  }
}
