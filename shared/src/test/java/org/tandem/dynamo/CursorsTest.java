package org.tandem.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.errors.ApiError;
import org.tandem.errors.ValidationFailed;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CursorsTest {
  private static final String MENTEES = "criec#MENTEE";
  private static final Map<String, AttributeValue> TABLE_KEY = Map.of(
      "pk", AttributeValue.fromS(MENTEES),
      "sk", AttributeValue.fromS("mte_01jd3kq8vz7w5m2n4p6r8t0abc"));
  private static final Map<String, AttributeValue> INDEX_KEY = Map.of(
      "pk", AttributeValue.fromS(MENTEES),
      "sk", AttributeValue.fromS("mte_01jd3kq8vz7w5m2n4p6r8t0abc"),
      "gsi1pk", AttributeValue.fromS("criec#MENTEE#ready"),
      "gsi1sk", AttributeValue.fromS("mte_01jd3kq8vz7w5m2n4p6r8t0abc"));

  private static void assertRefused(String cursor, String attribute, String partition) {
    ValidationFailed refused = assertThrows(ValidationFailed.class, () -> Cursors.decode(cursor, attribute, partition));
    assertEquals(List.of(new ApiError.Problem("cursor", "is not a cursor this list gave out")), refused.details());
    assertEquals("validation_failed", refused.code());
  }

  private static String encoded(String text) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aCursorReadsBackAsTheKeyItCameFrom() {
    String table = Cursors.encode(TABLE_KEY);
    assertEquals(TABLE_KEY, Cursors.decode(table, "pk", MENTEES));
    String index = Cursors.encode(INDEX_KEY);
    assertEquals(INDEX_KEY, Cursors.decode(index, "gsi1pk", "criec#MENTEE#ready"));
  }

  @Test
  void aCursorIsOpaqueAndUrlSafe() {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("café-program#MENTEE"),
        "sk", AttributeValue.fromS("?&=/+ é"));
    String cursor = Cursors.encode(key);
    assertTrue(cursor.matches("[A-Za-z0-9_-]+"), cursor);
    assertEquals(key, Cursors.decode(cursor, "pk", "café-program#MENTEE"));
    assertEquals(Cursors.encode(INDEX_KEY), Cursors.encode(new java.util.HashMap<>(INDEX_KEY)),
        "the same key makes the same cursor");
  }

  @Test
  void noKeyMeansNoCursor() {
    assertNull(Cursors.encode(null));
    assertNull(Cursors.encode(Map.of()));
    assertNull(Cursors.decode(null, "pk", MENTEES));
  }

  @Test
  void aCursorForAnotherPartitionIsRefused() {
    String cursor = Cursors.encode(TABLE_KEY);
    assertRefused(cursor, "pk", "other#MENTEE");
    assertRefused(cursor, "pk", "criec#MENTOR");
    assertRefused(cursor, "pk", "criec#MENTEE#");
    assertRefused(Cursors.encode(INDEX_KEY), "gsi1pk", "criec#MENTEE#applied");
  }

  @Test
  void aTableCursorIsNoIndexCursorAndTheReverse() {
    assertRefused(Cursors.encode(TABLE_KEY), "gsi1pk", "criec#MENTEE#ready");
    // The index cursor names the table's partition too, but a table query cannot start from it.
    assertRefused(Cursors.encode(INDEX_KEY), "pk", MENTEES);
  }

  @Test
  void garbageIsRefused() {
    for (String garbage : List.of("", "!!!", "====", "abc", "a", encoded("pk"), encoded("pk\u001f" + MENTEES),
        encoded("pk\u001f" + MENTEES + "\u001fsk"), encoded("pk\u001f" + MENTEES + "\u001fsk\u001fx\u001fjunk"),
        encoded("pk\u001f" + MENTEES + "\u001f"), encoded("sk\u001fx\u001f"),
        encoded("pk\u001f" + MENTEES + "\u001fsk\u001fx\u001fextra\u001fy\u001f"))) {
      assertRefused(garbage, "pk", MENTEES);
    }
  }

  @Test
  void onlyStringKeysMakeCursors() {
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> Cursors.encode(Map.of("pk", AttributeValue.fromS(MENTEES), "sk", AttributeValue.fromN("3"))));
    assertEquals("cursor keys are strings: sk", refused.getMessage());
  }
}
