package org.tandem.dynamo;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Records to DynamoDB items and back, through Jackson's tree: each field becomes a native
 * attribute (S, N, BOOL, NULL, L, M), so items stay readable with the AWS CLI and fields can be
 * named in conditions.
 */
public final class ItemCodec {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> KEY_ATTRIBUTES =
      Set.of(Tables.PK, Tables.SK, Tables.GSI1_PK, Tables.GSI1_SK, Tables.EXPIRES_AT);

  private final ObjectMapper mapper;

  public ItemCodec(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The record's fields as attributes; the caller adds the keys. */
  public Map<String, AttributeValue> toItem(Object value) {
    JsonNode tree = mapper.valueToTree(value);
    if (!tree.isObject()) {
      throw new IllegalArgumentException("not an object: " + value.getClass().getName());
    }
    Map<String, AttributeValue> item = new HashMap<>();
    tree.fields().forEachRemaining(field -> item.put(field.getKey(), toAttribute(field.getValue())));
    return item;
  }

  /** The record an item holds, its key attributes ignored. */
  public <T> T fromItem(Map<String, AttributeValue> item, Class<T> type) {
    ObjectNode tree = NODES.objectNode();
    item.forEach((name, attribute) -> {
      if (!KEY_ATTRIBUTES.contains(name)) {
        tree.set(name, toNode(attribute));
      }
    });
    try {
      // Stored items may hold attributes a newer version wrote: reading them is lenient.
      return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(tree);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("stored item does not read as " + type.getSimpleName(), e);
    }
  }

  public static AttributeValue toAttribute(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return AttributeValue.fromNul(true);
    }
    if (node.isTextual()) {
      return AttributeValue.fromS(node.textValue());
    }
    if (node.isNumber()) {
      return AttributeValue.fromN(node.decimalValue().toPlainString());
    }
    if (node.isBoolean()) {
      return AttributeValue.fromBool(node.booleanValue());
    }
    if (node.isArray()) {
      List<AttributeValue> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(toAttribute(element)));
      return AttributeValue.fromL(list);
    }
    if (node.isObject()) {
      Map<String, AttributeValue> map = new HashMap<>();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        map.put(field.getKey(), toAttribute(field.getValue()));
      }
      return AttributeValue.fromM(map);
    }
    throw new IllegalArgumentException("no attribute for " + node.getNodeType());
  }

  public static JsonNode toNode(AttributeValue attribute) {
    return switch (attribute.type()) {
      case S -> NODES.textNode(attribute.s());
      case N -> number(attribute.n());
      case BOOL -> NODES.booleanNode(attribute.bool());
      case NUL -> NODES.nullNode();
      case L -> {
        ArrayNode array = NODES.arrayNode();
        attribute.l().forEach(element -> array.add(toNode(element)));
        yield array;
      }
      case M -> {
        ObjectNode object = NODES.objectNode();
        attribute.m().forEach((name, value) -> object.set(name, toNode(value)));
        yield object;
      }
      case SS -> {
        ArrayNode array = NODES.arrayNode();
        attribute.ss().forEach(array::add);
        yield array;
      }
      default -> throw new IllegalArgumentException("unsupported attribute type " + attribute.type());
    };
  }

  private static JsonNode number(String text) {
    BigDecimal value = new BigDecimal(text);
    if (value.scale() <= 0) {
      try {
        return NODES.numberNode(value.longValueExact());
      } catch (ArithmeticException e) {
        return NODES.numberNode(value);
      }
    }
    return NODES.numberNode(value.doubleValue());
  }
}
