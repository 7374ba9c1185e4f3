package org.tandem.dynamo;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Counter items that reports read, moved in the same transaction as the write that changes them. */
public final class Counters {
  /** The item counting participants by kind and status: attributes such as {@code mentee_ready}. */
  public static final String PARTICIPANTS = "participants";

  private Counters() {}

  /** A transaction item adding each delta to its counter (counters start at zero). */
  public static TransactWriteItem add(String table, TenantScope tenant, String counterItem, Map<String, Long> deltas) {
    Map<String, String> names = new HashMap<>();
    Map<String, AttributeValue> values = new HashMap<>();
    StringJoiner expression = new StringJoiner(", ", "ADD ", "");
    int i = 0;
    for (Map.Entry<String, Long> delta : deltas.entrySet()) {
      names.put("#c" + i, delta.getKey());
      values.put(":c" + i, AttributeValue.fromN(Long.toString(delta.getValue())));
      expression.add("#c" + i + " :c" + i);
      i++;
    }
    return TransactWriteItem.builder().update(u -> u.tableName(table)
        .key(DynamoStore.key(DataKeys.counters(tenant), counterItem))
        .updateExpression(expression.toString())
        .expressionAttributeNames(names)
        .expressionAttributeValues(values)).build();
  }

  /** The counter name for participants of a kind in a status, e.g. {@code mentee_ready}. */
  public static String participant(String kind, String status) {
    return kind + "_" + status;
  }
}
