package org.tandem.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.tandem.errors.ApiError;
import org.tandem.errors.ValidationFailed;
import org.tandem.http.JsonProblems;

/** The strict mapper, and the problems it reports, named as the client wrote the fields. */
class JsonTest {
  private static final ObjectMapper MAPPER = Json.strictMapper();

  record Sample(String name, Integer count, Boolean active, Double ratio, List<Item> items,
      Map<String, Integer> weights, Instant at, LocalDate on) {}

  record Item(String code, int quantity) {
    Item {
      Objects.requireNonNull(code, "code == null");
    }
  }

  private static Sample read(String json) throws JsonProcessingException {
    return MAPPER.readValue(json.replace('\'', '"'), Sample.class);
  }

  /** The one problem a document has, as the API would report it. */
  private static ApiError.Problem problem(String json) {
    JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> read(json), json);
    ValidationFailed validation = JsonProblems.toValidation(e);
    assertEquals(1, validation.details().size(), validation.details().toString());
    return validation.details().get(0);
  }

  private static void assertProblem(String field, String problem, String json) {
    assertEquals(new ApiError.Problem(field, problem), problem(json));
  }

  @Test
  void aWellFormedDocumentReads() throws JsonProcessingException {
    Sample sample = read("{'name': 'Ana', 'count': 3, 'active': true, 'ratio': 8,"
        + " 'items': [{'code': 'a', 'quantity': 1}], 'weights': {'occupation': 40},"
        + " 'at': '2026-01-02T03:04:05Z', 'on': '2026-01-02'}");
    assertEquals(new Sample("Ana", 3, true, 8.0, List.of(new Item("a", 1)), Map.of("occupation", 40),
        Instant.parse("2026-01-02T03:04:05Z"), LocalDate.of(2026, 1, 2)), sample);
    assertEquals(new Sample(null, null, null, null, null, null, null, null), read("{}"));
  }

  record Times(Instant at, LocalDate on) {}

  @Test
  void timesAreWrittenAsIsoText() throws JsonProcessingException {
    assertEquals("{\"at\":\"2026-01-02T03:04:05Z\",\"on\":\"2026-01-02\"}",
        MAPPER.writeValueAsString(new Times(Instant.parse("2026-01-02T03:04:05Z"), LocalDate.of(2026, 1, 2))));
    assertEquals("{\"at\":null,\"on\":null}", MAPPER.writeValueAsString(new Times(null, null)),
        "nulls are written, not left out");
  }

  @Test
  void unknownFieldsAreRefusedByName() {
    assertProblem("colour", "is not a known field", "{'colour': 'teal'}");
    assertProblem("items[1].colour", "is not a known field",
        "{'items': [{'code': 'a', 'quantity': 1}, {'code': 'b', 'quantity': 2, 'colour': 'teal'}]}");
  }

  @Test
  void aStringIsNoNumberAndANumberIsNoString() {
    assertProblem("count", "must be a whole number", "{'count': '8'}");
    assertProblem("items[0].quantity", "must be a whole number", "{'items': [{'code': 'a', 'quantity': '8'}]}");
    assertProblem("count", "must be a whole number", "{'count': 8.5}");
    assertProblem("count", "must be a whole number", "{'count': true}");
    assertProblem("count", "must be a whole number", "{'count': ''}");
    assertProblem("name", "must be a string", "{'name': 8}");
    assertProblem("name", "must be a string", "{'name': true}");
    assertProblem("name", "must be a string", "{'name': {}}");
    assertProblem("active", "must be true or false", "{'active': 'true'}");
    assertProblem("active", "must be true or false", "{'active': 1}");
    assertProblem("ratio", "must be a number", "{'ratio': '0.5'}");
    assertProblem("items[0].quantity", "must be a whole number", "{'items': [{'code': 'a', 'quantity': '1'}]}");
    assertProblem("weights.occupation", "must be a whole number", "{'weights': {'occupation': '40'}}");
  }

  @Test
  void nullOrNothingIsNoPrimitive() {
    assertProblem("items[0].quantity", "must be a whole number", "{'items': [{'code': 'a', 'quantity': null}]}");
    assertProblem("items[0].quantity", "must be a whole number", "{'items': [{'code': 'a'}]}");
  }

  @Test
  void theShapeOfContainersIsChecked() {
    assertProblem("items", "must be an array", "{'items': {'code': 'a'}}");
    assertProblem("items[0]", "must be an object", "{'items': ['a']}");
    assertProblem("weights", "must be an object", "{'weights': [40]}");
  }

  @Test
  void aRecordsOwnCheckNamesTheMissingPart() {
    assertProblem("items[0].code", "is required", "{'items': [{'quantity': 1}]}");
    assertProblem("items[0].code", "is required", "{'items': [{'code': null, 'quantity': 1}]}");
  }

  @Test
  void trailingTokensAreRefused() {
    ApiError.Problem problem = problem("{'name': 'a'} {'name': 'b'}");
    assertEquals("body", problem.field());
    assertTrue(problem.problem().startsWith("is not valid JSON at line 1, column "), problem.problem());
    assertTrue(problem.problem().contains("Trailing token"), problem.problem());
    assertEquals("body", problem("{'name': 'a'} x").field());
  }

  @Test
  void duplicateKeysAreRefused() {
    ApiError.Problem problem = problem("{'name': 'a', 'name': 'b'}");
    assertEquals("body", problem.field());
    assertTrue(problem.problem().startsWith("is not valid JSON at line 1, column "), problem.problem());
    assertTrue(problem.problem().endsWith("Duplicate field 'name'"), problem.problem());
    // Inside a record the parser's complaint arrives wrapped: the place is still named.
    assertEquals("items[0]", problem("{'items': [{'code': 'a', 'code': 'b', 'quantity': 1}]}").field());
  }

  @Test
  void duplicateKeysAreRefusedInTreesToo() {
    JsonProcessingException e = assertThrows(JsonProcessingException.class,
        () -> MAPPER.readTree("{\"status\": \"ready\", \"status\": \"withdrawn\"}"));
    assertEquals("body", JsonProblems.toValidation(e).details().get(0).field());
  }

  @Test
  void malformedJsonIsNamedAsTheBody() {
    for (String malformed : List.of("{'name': ", "{name: 'a'}", "{'name': 'a',}", "{/* note */ 'name': 'a'}",
        "{'name': 'a' 'count': 1}", "{'name': 'a'")) {
      ApiError.Problem problem = problem(malformed);
      assertEquals("body", problem.field(), malformed);
      assertTrue(problem.problem().startsWith("is not valid JSON at line 1, column "), problem.problem());
      assertTrue(!problem.problem().contains("\n"), problem.problem());
    }
  }

  @Test
  void aBadTimeIsNamedByItsField() {
    assertEquals("at", problem("{'at': 'yesterday'}").field());
    assertEquals("on", problem("{'on': '2026-02-30'}").field());
    assertEquals("at", problem("{'at': 5}").field());
  }
}
