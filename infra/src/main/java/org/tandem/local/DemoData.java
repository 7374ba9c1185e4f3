package org.tandem.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Seeds the demo programs through the API itself, as an operator, an admin, a coordinator and a
 * partner agency would: onboarding, settings, keys, intake, screening, orientation, referrals.
 * A program that exists already is left as it is.
 */
public final class DemoData {
  private final ApiClient api;
  private final ObjectMapper mapper;

  public DemoData(ApiClient api, ObjectMapper mapper) {
    this.api = api;
    this.mapper = mapper;
  }

  public static JsonNode programs(ObjectMapper mapper) {
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/programs.json")) {
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException("demo/programs.json does not read", e);
    }
  }

  /** Seeds every demo program not there yet, recording keys and ids in {@code state}. */
  public void seed(LocalState state, String operatorKey) {
    for (JsonNode program : programs(mapper).get("tenants")) {
      String tenantId = program.at("/tenant/id").asText();
      if (api.call("GET", "/v1/tenants/" + tenantId, operatorKey, null).status() == 200) {
        continue;
      }
      seedProgram(program, state.tenant(tenantId), operatorKey);
    }
  }

  private void seedProgram(JsonNode program, ObjectNode record, String operatorKey) {
    JsonNode onboarded = expect(201, api.call("POST", "/v1/tenants", operatorKey, program.get("tenant")));
    String admin = onboarded.at("/adminKey/key").asText();
    record.removeAll();
    record.put("name", program.at("/tenant/name").asText());
    record.put("adminKey", admin);
    expect(200, api.call("PUT", "/v1/program", admin, program.get("program")));
    record.put("coordinatorKey", expect(201, api.call("POST", "/v1/keys", admin,
        Map.of("role", "coordinator", "label", "Program coordinator"))).get("key").asText());
    String partner = expect(201, api.call("POST", "/v1/keys", admin,
        Map.of("role", "partner", "label", program.get("partner").asText()))).get("key").asText();
    record.put("partnerKey", partner);

    ArrayNode mentors = record.putArray("mentors");
    for (JsonNode body : program.get("mentors")) {
      String id = expect(201, api.call("POST", "/v1/mentors", admin, body)).get("id").asText();
      mentors.add(id);
      if (api.call("POST", "/v1/mentors/" + id + "/screening", admin, null).json().get("eligible").asBoolean()) {
        expect(200, api.call("PATCH", "/v1/mentors/" + id, admin, Map.of("status", "ready")));
      }
    }
    ArrayNode mentees = record.putArray("mentees");
    for (JsonNode body : program.get("mentees")) {
      String id = expect(201, api.call("POST", "/v1/mentees", admin, body)).get("id").asText();
      mentees.add(id);
      if (api.call("POST", "/v1/mentees/" + id + "/screening", admin, null).json().get("eligible").asBoolean()) {
        expect(200, api.call("PATCH", "/v1/mentees/" + id, admin, Map.of("status", "ready")));
      }
    }
    ArrayNode referrals = record.putArray("referrals");
    for (JsonNode body : program.get("referrals")) {
      JsonNode referral = expect(201, api.call("POST", "/v1/referrals", partner, body));
      referrals.add(referral.get("id").asText());
      mentees.add(referral.get("menteeId").asText());
    }
  }

  private static JsonNode expect(int status, ApiClient.Response response) {
    if (response.status() != status) {
      throw new IllegalStateException("demo seeding expected " + status + " but got " + response.status() + ": "
          + response.text());
    }
    return response.json();
  }
}
