package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tandem.local.ApiClient;
import org.tandem.support.TestTandem;

class SmokeTest {
  private final TestTandem tandem = TestTandem.get();

  @Test
  void aCoordinatorTakesInAMenteeAndReadsItBack() {
    TestTandem.Program program = tandem.onboard("smoke", "pool");
    String id = tandem.createMentee(program, "Ana");
    ApiClient.Response read = tandem.api().call("GET", "/v1/mentees/" + id, program.coordinator(), null);
    assertEquals(200, read.status(), read.text());
    assertEquals("applied", read.json().get("status").asText());
    assertEquals("\"1\"", read.header("etag"));
  }
}
