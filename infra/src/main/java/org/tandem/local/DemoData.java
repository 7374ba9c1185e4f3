package org.tandem.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.tandem.auth.ApiKeys;

/**
 * Seeds the demo programs through the API itself, as an operator, an admin, a coordinator and a
 * partner agency would: onboarding, settings, keys, intake, screening, orientation, referrals,
 * then each program's matching history (a cohort run, matches proposed, accepted, closed). A
 * program that exists already is left as it is. The keys and ids it records are what the samples
 * in {@code events/} name as placeholders.
 */
public final class DemoData {
  /** The program the samples in {@code events/} speak for. */
  static final String SAMPLES_TENANT = "criec";

  /**
   * A mentor who has applied but is not screened yet, so the mentor screening sample has someone
   * to screen; every other demo mentor is screened and ready.
   */
  private static final Map<String, Object> MENTOR_APPLICANT = Map.ofEntries(
      Map.entry("firstName", "Daniel"), Map.entry("lastName", "Fischer"),
      Map.entry("email", "daniel.fischer@example.org"), Map.entry("languages", List.of("en", "de")),
      Map.entry("preferredLanguage", "en"), Map.entry("city", "Calgary"), Map.entry("province", "AB"),
      Map.entry("nocCode", "21301"), Map.entry("naicsCode", "333"), Map.entry("yearsCanadianExperience", 7),
      Map.entry("employer", "Bow Valley Manufacturing"), Map.entry("jobTitle", "Senior Mechanical Engineer"),
      Map.entry("corporatePartner", false), Map.entry("capacity", 1), Map.entry("availability", List.of("weekends")),
      Map.entry("expertise", "Mechanical design in manufacturing, EIT to P.Eng."), Map.entry("consentGiven", true));

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
        recordIds(state.tenant(tenantId), tenantId);
        continue;
      }
      seedProgram(program, state.tenant(tenantId), operatorKey);
    }
  }

  private void seedProgram(JsonNode program, ObjectNode record, String operatorKey) {
    JsonNode onboarded = expect(201, api.call("POST", "/v1/tenants", operatorKey, program.get("tenant")));
    String admin = onboarded.at("/adminKey/key").asText();
    String tenantId = program.at("/tenant/id").asText();
    record.removeAll();
    record.put("name", program.at("/tenant/name").asText());
    record.put("adminKey", admin);
    expect(200, api.call("PUT", "/v1/program", admin, program.get("program")));
    record.put("coordinatorKey", expect(201, api.call("POST", "/v1/keys", admin,
        Map.of("role", "coordinator", "label", "Program coordinator"))).get("key").asText());
    String partner = expect(201, api.call("POST", "/v1/keys", admin,
        Map.of("role", "partner", "label", program.get("partner").asText()))).get("key").asText();
    record.put("partnerKey", partner);
    if (tenantId.equals(SAMPLES_TENANT)) {
      // A key whose holder leaves: the one the key revocation sample revokes.
      record.put("assistantKey", expect(201, api.call("POST", "/v1/keys", admin,
          Map.of("role", "coordinator", "label", "Summer intake assistant"))).get("key").asText());
    }
    recordIds(record, tenantId);

    ArrayNode mentors = record.putArray("mentors");
    for (JsonNode body : program.get("mentors")) {
      String id = expect(201, api.call("POST", "/v1/mentors", admin, body)).get("id").asText();
      mentors.add(id);
      if (api.call("POST", "/v1/mentors/" + id + "/screening", admin, null).json().get("eligible").asBoolean()) {
        expect(200, api.call("PATCH", "/v1/mentors/" + id, admin, Map.of("status", "ready")));
      }
    }
    if (tenantId.equals(SAMPLES_TENANT)) {
      record.putArray("mentorApplicants")
          .add(expect(201, api.call("POST", "/v1/mentors", admin, MENTOR_APPLICANT)).get("id").asText());
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
    seedMatching(program.path("matching"), record, record.get("coordinatorKey").asText());
    seedRelationships(program.path("relationships"), record, record.get("coordinatorKey").asText());
  }

  /**
   * A program's matching history, step by step as its coordinator made it: {@code {"run": <body>}}
   * starts a cohort run (recorded under {@code runs}); {@code {"match": <name>, "mentee": i,
   * "mentor": j, "format": ..., "accept": [parties], "closure": <body>}} proposes a match between
   * the recorded mentee {@code i} and mentor {@code j}, naming the last run when that run proposed
   * the pair, records the parties' acceptances and closes it if told to, and records its id
   * under {@code matches.<name>}.
   */
  public void seedMatching(JsonNode steps, ObjectNode record, String coordinator) {
    ObjectNode matches = record.putObject("matches");
    ArrayNode runs = record.putArray("runs");
    JsonNode lastRun = null;
    for (JsonNode step : steps) {
      if (step.has("run")) {
        lastRun = expect(201, api.call("POST", "/v1/matching/runs", coordinator, step.get("run")));
        runs.add(lastRun.get("id").asText());
        continue;
      }
      String menteeId = record.get("mentees").get(step.get("mentee").asInt()).asText();
      String mentorId = record.get("mentors").get(step.get("mentor").asInt()).asText();
      ObjectNode proposal = mapper.createObjectNode()
          .put("menteeId", menteeId).put("mentorId", mentorId).put("format", step.get("format").asText());
      if (lastRun != null && proposed(lastRun, menteeId, mentorId)) {
        proposal.put("runId", lastRun.get("id").asText());
      }
      String matchId = expect(201, api.call("POST", "/v1/matches", coordinator, proposal)).get("id").asText();
      for (JsonNode party : step.path("accept")) {
        expect(200, api.call("POST", "/v1/matches/" + matchId + "/decisions", coordinator,
            Map.of("party", party.asText(), "decision", "accept")));
      }
      if (step.has("closure")) {
        expect(200, api.call("POST", "/v1/matches/" + matchId + "/closure", coordinator, step.get("closure")));
      }
      matches.put(step.get("match").asText(), matchId);
    }
  }

  /**
   * What followed the matches, step by step: {@code {"match": <name>, "goal": <body>, "change":
   * <body>}} sets a goal on the recorded match (recorded under {@code goals}) and changes it if
   * told to; {@code {"match": <name>, "meeting" | "checkin": <body>}} records a meeting or a
   * check-in, dated today unless the body says; {@code {"mentee": i, "outcome": <body>}} records
   * an outcome of the recorded mentee {@code i}; {@code {"event": <body>, "attendees": [{"mentee"
   * | "mentor": i}]}} holds an event, today unless the body says, and records who attended (under
   * {@code events}).
   */
  public void seedRelationships(JsonNode steps, ObjectNode record, String coordinator) {
    ArrayNode goals = record.putArray("goals");
    ArrayNode events = record.putArray("events");
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    for (JsonNode step : steps) {
      if (step.has("event")) {
        ObjectNode body = step.get("event").deepCopy();
        if (!body.has("date")) {
          body.put("date", today);
        }
        String eventId = expect(201, api.call("POST", "/v1/events", coordinator, body)).get("id").asText();
        ArrayNode attendees = mapper.createArrayNode();
        for (JsonNode who : step.path("attendees")) {
          String kind = who.has("mentee") ? "mentees" : "mentors";
          attendees.addObject().put("participantId",
              record.get(kind).get(who.path(kind.substring(0, kind.length() - 1)).asInt()).asText());
        }
        if (!attendees.isEmpty()) {
          expect(200, api.call("POST", "/v1/events/" + eventId + "/attendance", coordinator,
              mapper.createObjectNode().set("attendees", attendees)));
        }
        events.add(eventId);
        continue;
      }
      if (step.has("outcome")) {
        String menteeId = record.get("mentees").get(step.get("mentee").asInt()).asText();
        expect(201, api.call("POST", "/v1/mentees/" + menteeId + "/outcomes", coordinator, step.get("outcome")));
        continue;
      }
      String matchId = record.path("matches").path(step.get("match").asText()).asText();
      String base = "/v1/matches/" + matchId;
      if (step.has("goal")) {
        String goalId = expect(201, api.call("POST", base + "/goals", coordinator, step.get("goal"))).get("id").asText();
        if (step.has("change")) {
          expect(200, api.call("PATCH", base + "/goals/" + goalId, coordinator, step.get("change")));
        }
        goals.add(goalId);
      } else {
        String kind = step.has("meeting") ? "meeting" : "checkin";
        ObjectNode body = step.get(kind).deepCopy();
        if (!body.has("date")) {
          body.put("date", today);
        }
        expect(201, api.call("POST", base + "/" + kind + "s", coordinator, body));
      }
    }
  }

  private static boolean proposed(JsonNode run, String menteeId, String mentorId) {
    for (JsonNode pair : run.path("proposals")) {
      if (pair.path("menteeId").asText().equals(menteeId) && pair.path("mentorId").asText().equals(mentorId)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records what follows from the keys: the tenant's id and each key's id ({@code adminKeyId},
   * ...), which the samples' paths and authorizer contexts name. Also fills in a state seeded
   * before these were recorded.
   */
  private static void recordIds(ObjectNode record, String tenantId) {
    record.put("id", tenantId);
    for (String key : List.of("adminKey", "coordinatorKey", "partnerKey", "assistantKey")) {
      if (record.hasNonNull(key)) {
        ApiKeys.parse(record.get(key).asText()).ifPresent(parsed -> record.put(key + "Id", parsed.keyId()));
      }
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
