package org.tandem.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import org.tandem.local.ApiClient;

/** Assertions on the API's error answers. */
public final class ApiAssertions {
  private ApiAssertions() {}

  /** An error answer; {@code message} null to leave the message unchecked. */
  public static void assertError(ApiClient.Response response, int status, String code, String message) {
    assertEquals(status, response.status(), response.text());
    assertNotNull(response.json(), response.text());
    assertEquals(code, response.json().at("/error/code").asText(), response.text());
    if (message != null) {
      assertEquals(message, response.json().at("/error/message").asText());
    }
  }

  /** A 400 whose details name {@code field}; {@code problem} null to leave it unchecked. */
  public static void assertProblem(ApiClient.Response response, String field, String problem) {
    assertError(response, 400, "validation_failed", null);
    for (JsonNode detail : response.json().at("/error/details")) {
      if (detail.get("field").asText().equals(field)) {
        if (problem != null) {
          assertEquals(problem, detail.get("problem").asText(), response.text());
        }
        return;
      }
    }
    throw new AssertionError("no problem named " + field + " in " + response.text());
  }
}
