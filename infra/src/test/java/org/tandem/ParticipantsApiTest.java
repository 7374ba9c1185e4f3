package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.ApiAssertions.assertError;
import static org.tandem.support.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.local.ApiClient;
import org.tandem.support.TestTandem;

/** Intake, lists, updates, status steps, screening, referrals, export and erasure. */
class ParticipantsApiTest {
  private static final TestTandem tandem = TestTandem.get();
  /** A program with the default settings, for tests that look only at their own participants. */
  private static TestTandem.Program program;
  /** Another tenant, which must see none of {@link #program}'s participants. */
  private static TestTandem.Program stranger;

  @BeforeAll
  static void onboard() {
    program = tandem.onboard("participants", "pool");
    stranger = tandem.onboard("stranger", "pool");
  }

  // ---------------------------------------------------------------- intake

  @Test
  void aMenteeIntakeAnswers201AppliedAtVersionOne() {
    ApiClient.Response created = call("POST", "/v1/mentees", program.coordinator(), TestTandem.menteeIntake("Ana"));

    assertEquals(201, created.status(), created.text());
    JsonNode mentee = created.json();
    String id = mentee.get("id").asText();
    assertTrue(id.matches("mte_[0-9a-hjkmnp-tv-z]{26}"), id);
    assertEquals("/v1/mentees/" + id, created.header("location"));
    assertEquals("\"1\"", created.header("etag"));
    assertEquals("applied", mentee.get("status").asText());
    assertEquals(1, mentee.get("version").asLong());
    assertEquals("Ana", mentee.get("firstName").asText());
    assertEquals("ana@example.org", mentee.get("email").asText());
    assertEquals(8, mentee.get("clbLevel").asInt());
    assertEquals("21300", mentee.get("nocCode").asText());
    assertTrue(mentee.get("consentGiven").asBoolean());
    assertTrue(mentee.get("consentedAt").isTextual());
    assertTrue(mentee.get("referralId").isNull());
    assertTrue(mentee.get("screening").isNull());
    assertTrue(mentee.get("erasedAt").isNull());
    assertEquals(mentee.get("createdAt"), mentee.get("updatedAt"));

    ApiClient.Response read = call("GET", "/v1/mentees/" + id, program.admin(), null);
    assertEquals(200, read.status(), read.text());
    assertEquals(mentee, read.json());
    assertEquals("\"1\"", read.header("etag"));
  }

  @Test
  void aMentorIntakeAnswers201AppliedAtVersionOne() {
    ApiClient.Response created = call("POST", "/v1/mentors", program.coordinator(), TestTandem.mentorIntake("Ben"));

    assertEquals(201, created.status(), created.text());
    JsonNode mentor = created.json();
    String id = mentor.get("id").asText();
    assertTrue(id.matches("mtr_[0-9a-hjkmnp-tv-z]{26}"), id);
    assertEquals("/v1/mentors/" + id, created.header("location"));
    assertEquals("\"1\"", created.header("etag"));
    assertEquals("applied", mentor.get("status").asText());
    assertEquals(1, mentor.get("version").asLong());
    assertEquals(2, mentor.get("capacity").asInt());
    assertEquals(0, mentor.get("activeMentees").asInt());
    assertEquals(12, mentor.get("yearsCanadianExperience").asInt());
    assertEquals("Lakeshore Engineering", mentor.get("employer").asText());

    ApiClient.Response read = call("GET", "/v1/mentors/" + id, program.coordinator(), null);
    assertEquals(200, read.status(), read.text());
    assertEquals(mentor, read.json());
  }

  @Test
  void intakeWithoutConsentIsRefusedNamingConsentGiven() {
    TestTandem.Program fresh = tandem.onboard("consent", "pool");
    String consent = "must be true: intake needs the person's consent";
    Map<String, Object> refused = TestTandem.menteeIntake("Nope");
    refused.put("consentGiven", false);
    assertProblem(call("POST", "/v1/mentees", fresh.coordinator(), refused), "consentGiven", consent);
    refused.remove("consentGiven");
    assertProblem(call("POST", "/v1/mentees", fresh.coordinator(), refused), "consentGiven", consent);
    Map<String, Object> mentor = TestTandem.mentorIntake("Nope");
    mentor.put("consentGiven", false);
    assertProblem(call("POST", "/v1/mentors", fresh.coordinator(), mentor), "consentGiven", consent);
    Map<String, Object> referred = TestTandem.menteeIntake("Nope");
    referred.put("consentGiven", false);
    assertProblem(call("POST", "/v1/referrals", fresh.partner(), Map.of("mentee", referred)),
        "mentee.consentGiven", consent);

    assertEquals(0, call("GET", "/v1/mentees", fresh.coordinator(), null).json().get("items").size());
    assertEquals(0, call("GET", "/v1/mentors", fresh.coordinator(), null).json().get("items").size());
    assertEquals(0, call("GET", "/v1/referrals", fresh.coordinator(), null).json().get("items").size());
    assertEquals(Map.of(), tandem.participantCounters(fresh, "pool"));
  }

  @Test
  void intakeNamesEveryBadField() {
    Map<String, Object> bad = TestTandem.menteeIntake("Bad");
    bad.put("clbLevel", 13);
    bad.put("nocCode", "2130");
    bad.put("naicsCode", "5");
    bad.put("province", "XX");
    bad.put("immigrationStatus", "tourist");
    bad.put("email", "not-an-email");
    bad.put("preferredLanguage", "ro");
    ApiClient.Response refused = call("POST", "/v1/mentees", program.coordinator(), bad);
    assertProblem(refused, "clbLevel", "must be between 1 and 12");
    assertProblem(refused, "nocCode", "must be a NOC 2021 unit group of 5 digits");
    assertProblem(refused, "naicsCode", "must be a NAICS code of 2 to 6 digits");
    assertProblem(refused, "province", "must be one of AB, BC, MB, NB, NL, NS, NT, NU, ON, PE, QC, SK, YT");
    assertProblem(refused, "immigrationStatus", "must be one of permanent_resident, convention_refugee, "
        + "protected_person, approved_for_immigration, temporary_resident, citizen");
    assertProblem(refused, "email", "must be an email address");
    assertProblem(refused, "preferredLanguage", "must be one of en, fr");
    assertEquals(7, refused.json().at("/error/details").size(), refused.text());

    Map<String, Object> typed = TestTandem.menteeIntake("Typed");
    typed.put("clbLevel", "8");
    assertProblem(call("POST", "/v1/mentees", program.coordinator(), typed), "clbLevel", "must be a whole number");
    Map<String, Object> unknown = TestTandem.menteeIntake("Unknown");
    unknown.put("status", "ready");
    assertProblem(call("POST", "/v1/mentees", program.coordinator(), unknown), "status", "is not a known field");
    Map<String, Object> mentor = TestTandem.mentorIntake("Over");
    mentor.put("capacity", 11);
    assertProblem(call("POST", "/v1/mentors", program.coordinator(), mentor), "capacity", "must be between 1 and 10");
  }

  @Test
  void onlyStaffHandleParticipants() {
    String menteeId = tandem.createMentee(program, "Guarded");
    for (String role : List.of("partner", "operator")) {
      String key = program.key(role);
      assertEquals(403, call("POST", "/v1/mentees", key, TestTandem.menteeIntake("X")).status(), role);
      assertEquals(403, call("GET", "/v1/mentees", key, null).status(), role);
      assertEquals(403, call("GET", "/v1/mentees/" + menteeId, key, null).status(), role);
      assertEquals(403, call("PATCH", "/v1/mentees/" + menteeId, key, Map.of("city", "X")).status(), role);
      assertEquals(403, call("POST", "/v1/mentees/" + menteeId + "/screening", key, null).status(), role);
      assertEquals(403, call("POST", "/v1/mentors", key, TestTandem.mentorIntake("X")).status(), role);
      assertEquals(403, call("GET", "/v1/participants/" + menteeId + "/export", key, null).status(), role);
    }
    assertError(call("GET", "/v1/participants/" + menteeId + "/export", program.coordinator(), null), 403,
        "forbidden", "the coordinator role may not GET /v1/participants/{participantId}/export");
    assertEquals(403, call("DELETE", "/v1/participants/" + menteeId, program.coordinator(), null).status());
    assertEquals(1, call("GET", "/v1/mentees/" + menteeId, program.coordinator(), null).json().get("version").asLong());
  }

  @Test
  void anotherTenantSeesNoneOfTheParticipants() {
    String menteeId = tandem.createMentee(program, "Private");
    String mentorId = tandem.createMentor(program, "Private");
    String notFound = "mentee " + menteeId + " not found";
    assertError(call("GET", "/v1/mentees/" + menteeId, stranger.coordinator(), null), 404, "not_found", notFound);
    assertError(call("PATCH", "/v1/mentees/" + menteeId, stranger.coordinator(), Map.of("city", "Elsewhere")), 404,
        "not_found", notFound);
    assertEquals(404, call("POST", "/v1/mentees/" + menteeId + "/screening", stranger.coordinator(), null).status());
    assertEquals(404, call("GET", "/v1/mentors/" + mentorId, stranger.coordinator(), null).status());
    assertEquals(404, call("POST", "/v1/mentors/" + mentorId + "/screening", stranger.admin(), null).status());
    assertEquals(404, call("GET", "/v1/participants/" + menteeId + "/export", stranger.admin(), null).status());
    assertEquals(404, call("DELETE", "/v1/participants/" + mentorId, stranger.admin(), null).status());
    for (String list : List.of("/v1/mentees?limit=100", "/v1/mentors?limit=100", "/v1/referrals?limit=100")) {
      JsonNode items = call("GET", list, stranger.admin(), null).json().get("items");
      items.forEach(item -> assertFalse(item.toString().contains(menteeId) || item.toString().contains(mentorId)));
    }
    ApiClient.Response mine = call("GET", "/v1/mentees/" + menteeId, program.coordinator(), null);
    assertEquals("Private", mine.json().get("firstName").asText());
    assertEquals(1, mine.json().get("version").asLong());
  }

  // ---------------------------------------------------------------- lists

  @Test
  void listingMenteesPagesNewestFirstAndFiltersByStatus() {
    TestTandem.Program lists = tandem.onboard("lists", "pool");
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      created.add(tandem.createMentee(lists, "Listed" + i));
    }
    List<String> withdrawn = new ArrayList<>();
    for (int i : new int[] {3, 11, 17, 29}) {
      assertEquals(200, call("PATCH", "/v1/mentees/" + created.get(i), lists.coordinator(),
          Map.of("status", "withdrawn")).status());
      withdrawn.add(created.get(i));
    }

    List<String> newestFirst = new ArrayList<>(created);
    java.util.Collections.reverse(newestFirst);
    PageWalk all = walk("/v1/mentees", 7, lists.coordinator());
    assertEquals(newestFirst, all.ids);
    assertEquals(List.of(7, 7, 7, 7, 2), all.pageSizes);

    List<String> withdrawnNewestFirst = new ArrayList<>(withdrawn);
    java.util.Collections.reverse(withdrawnNewestFirst);
    PageWalk byStatus = walk("/v1/mentees?status=withdrawn", 3, lists.coordinator());
    assertEquals(withdrawnNewestFirst, byStatus.ids);
    assertEquals(List.of(3, 1), byStatus.pageSizes);

    List<String> applied = new ArrayList<>(newestFirst);
    applied.removeAll(withdrawn);
    assertEquals(applied, walk("/v1/mentees?status=applied", 7, lists.coordinator()).ids);

    ApiClient.Response none = call("GET", "/v1/mentees?status=ready", lists.coordinator(), null);
    assertEquals(200, none.status());
    assertEquals(0, none.json().get("items").size());
    assertTrue(none.json().get("nextCursor").isNull());
    assertProblem(call("GET", "/v1/mentees?status=asleep", lists.coordinator(), null), "status",
        "must be one of referred, applied, eligible, ineligible, ready, matched, completed, withdrawn");
    assertProblem(call("GET", "/v1/mentors?status=withdrawn", lists.coordinator(), null), "status",
        "must be one of applied, eligible, ineligible, ready, inactive");
    assertEquals(25, call("GET", "/v1/mentees", lists.coordinator(), null).json().get("items").size());
  }

  @Test
  void aListCursorIsOnlyTakenBackByTheListThatGaveIt() {
    TestTandem.Program cursors = tandem.onboard("cursors", "pool");
    for (int i = 0; i < 3; i++) {
      tandem.createMentee(cursors, "Cursor" + i);
      tandem.createMentor(cursors, "Cursor" + i);
    }
    String plain = cursor("/v1/mentees?limit=1", cursors.coordinator());
    String byStatus = cursor("/v1/mentees?status=applied&limit=1", cursors.coordinator());
    String mentors = cursor("/v1/mentors?limit=1", cursors.coordinator());
    String own = "is not a cursor this list gave out";

    // Each cursor works where it came from.
    assertEquals(200, call("GET", "/v1/mentees?limit=1&cursor=" + plain, cursors.coordinator(), null).status());
    assertEquals(200, call("GET", "/v1/mentees?status=applied&limit=1&cursor=" + byStatus, cursors.coordinator(),
        null).status());
    // And nowhere else: not in another list, not with another filter, not in another tenant.
    assertProblem(call("GET", "/v1/mentors?cursor=" + plain, cursors.coordinator(), null), "cursor", own);
    assertProblem(call("GET", "/v1/mentees?cursor=" + mentors, cursors.coordinator(), null), "cursor", own);
    assertProblem(call("GET", "/v1/mentees?status=applied&cursor=" + plain, cursors.coordinator(), null),
        "cursor", own);
    assertProblem(call("GET", "/v1/mentees?status=withdrawn&cursor=" + byStatus, cursors.coordinator(), null),
        "cursor", own);
    assertProblem(call("GET", "/v1/mentees?cursor=" + byStatus, cursors.coordinator(), null), "cursor", own);
    assertProblem(call("GET", "/v1/mentees?cursor=" + plain, stranger.coordinator(), null), "cursor", own);
    assertProblem(call("GET", "/v1/mentees?cursor=%2F%2F%2F", cursors.coordinator(), null), "cursor",
        "is not a cursor this API gave out");
  }

  // ---------------------------------------------------------------- updates

  @Test
  void patchingFieldsHonoursIfMatch() {
    String id = tandem.createMentee(program, "Patchy");
    ApiClient.Response patched = call("PATCH", "/v1/mentees/" + id, program.coordinator(),
        Map.of("city", "Ottawa", "careerGoals", "Structural engineer", "keywords", List.of("bridges")),
        Map.of("if-match", "\"1\""));

    assertEquals(200, patched.status(), patched.text());
    assertEquals("\"2\"", patched.header("etag"));
    JsonNode mentee = patched.json();
    assertEquals(2, mentee.get("version").asLong());
    assertEquals("Ottawa", mentee.get("city").asText());
    assertEquals("Structural engineer", mentee.get("careerGoals").asText());
    assertEquals("[\"bridges\"]", mentee.get("keywords").toString());
    assertEquals("Patchy", mentee.get("firstName").asText());
    assertEquals("applied", mentee.get("status").asText());
    assertEquals(8, mentee.get("clbLevel").asInt());

    ApiClient.Response stale = call("PATCH", "/v1/mentees/" + id, program.coordinator(), Map.of("city", "Hull"),
        Map.of("if-match", "\"1\""));
    assertError(stale, 412, "precondition_failed", "mentee " + id + " is at version 2, not 1");
    ApiClient.Response read = call("GET", "/v1/mentees/" + id, program.coordinator(), null);
    assertEquals(mentee, read.json());
    assertEquals("\"2\"", read.header("etag"));

    ApiClient.Response unconditional = call("PATCH", "/v1/mentees/" + id, program.admin(), Map.of("clbLevel", 9));
    assertEquals(200, unconditional.status(), unconditional.text());
    assertEquals(3, unconditional.json().get("version").asLong());
    assertEquals("Ottawa", unconditional.json().get("city").asText());

    String mentorId = tandem.createMentor(program, "Patchy");
    ApiClient.Response mentor = call("PATCH", "/v1/mentors/" + mentorId, program.coordinator(),
        Map.of("capacity", 3, "jobTitle", "Senior engineer"), Map.of("if-match", "\"1\""));
    assertEquals(200, mentor.status(), mentor.text());
    assertEquals(3, mentor.json().get("capacity").asInt());
    assertEquals("Senior engineer", mentor.json().get("jobTitle").asText());
    assertEquals("\"2\"", mentor.header("etag"));
    assertEquals(412, call("PATCH", "/v1/mentors/" + mentorId, program.coordinator(), Map.of("capacity", 4),
        Map.of("if-match", "\"1\"")).status());
  }

  @Test
  void patchingUnknownOrServerOwnedFieldsIsRefused() {
    String id = tandem.createMentee(program, "Fixed");
    String changeable = "is not a field that can be changed";
    for (String field : List.of("id", "version", "createdAt", "updatedAt", "screening", "referralId", "erasedAt",
        "consentedAt", "nickname")) {
      assertProblem(call("PATCH", "/v1/mentees/" + id, program.coordinator(), Map.of(field, "x")), field, changeable);
    }
    ApiClient.Response both = call("PATCH", "/v1/mentees/" + id, program.coordinator(),
        Map.of("id", "mte_other", "version", 9));
    assertEquals(2, both.json().at("/error/details").size(), both.text());

    assertProblem(call("PATCH", "/v1/mentees/" + id, program.coordinator(), Map.of()), "body",
        "must change at least one field");
    assertProblem(call("PATCH", "/v1/mentees/" + id, program.coordinator(), "[]"), "body", "must be a JSON object");
    assertProblem(call("PATCH", "/v1/mentees/" + id, program.coordinator(), Map.of("clbLevel", 13)), "clbLevel",
        "must be between 1 and 12");
    assertProblem(call("PATCH", "/v1/mentees/" + id, program.coordinator(), Map.of("clbLevel", "8")), "clbLevel",
        "must be a whole number");
    assertProblem(call("PATCH", "/v1/mentees/" + id, program.coordinator(), Map.of("email", "nope")), "email",
        "must be an email address");
    Map<String, Object> nulled = new LinkedHashMap<>();
    nulled.put("firstName", null);
    assertProblem(call("PATCH", "/v1/mentees/" + id, program.coordinator(), nulled), "firstName", "is required");
    assertProblem(call("PATCH", "/v1/mentees/" + id, program.coordinator(), Map.of("status", 5)), "status",
        "must be one of referred, applied, eligible, ineligible, ready, matched, completed, withdrawn");

    String mentorId = tandem.createMentor(program, "Fixed");
    assertProblem(call("PATCH", "/v1/mentors/" + mentorId, program.coordinator(), Map.of("activeMentees", 0)),
        "activeMentees", changeable);
    assertProblem(call("PATCH", "/v1/mentors/" + mentorId, program.coordinator(), Map.of("capacity", 0)),
        "capacity", "must be between 1 and 10");

    assertEquals(1, call("GET", "/v1/mentees/" + id, program.coordinator(), null).json().get("version").asLong());
    assertEquals(1, call("GET", "/v1/mentors/" + mentorId, program.coordinator(), null).json().get("version").asLong());
    assertProblem(call("PATCH", "/v1/mentees/not-an-id", program.coordinator(), Map.of("city", "X")), "menteeId",
        "is not a mentee id");
    String unknown = "mte_" + "0".repeat(26);
    assertError(call("PATCH", "/v1/mentees/" + unknown, program.coordinator(), Map.of("city", "X")), 404,
        "not_found", "mentee " + unknown + " not found");
  }

  // ---------------------------------------------------------------- status steps

  @Test
  void aMenteeMovesAlongTheAllowedStepsOnly() {
    String referred = refer(program.partner(), TestTandem.menteeIntake("Stepper")).get("menteeId").asText();
    assertRefused(referred, "mentee", "referred", "ready", "eligible", "ineligible", "matched", "completed");
    assertMoved("mentees", referred, "applied");
    assertRefused(referred, "mentee", "applied", "referred", "eligible", "ineligible", "ready", "matched",
        "completed");
    screen("mentees", referred, "eligible");
    assertRefused(referred, "mentee", "eligible", "referred", "applied", "ineligible", "matched", "completed");
    assertMoved("mentees", referred, "ready");
    assertRefused(referred, "mentee", "ready", "referred", "applied", "eligible", "ineligible", "matched",
        "completed");
    assertMoved("mentees", referred, "withdrawn");
    assertRefused(referred, "mentee", "withdrawn", "referred", "applied", "eligible", "ineligible", "ready",
        "matched", "completed");

    // Any open status may end in withdrawal.
    String ineligible = tandem.createMentee(program, "Outsider");
    assertEquals(200, call("PATCH", "/v1/mentees/" + ineligible, program.coordinator(),
        Map.of("immigrationStatus", "temporary_resident")).status());
    screen("mentees", ineligible, "ineligible");
    assertRefused(ineligible, "mentee", "ineligible", "ready", "eligible");
    assertMoved("mentees", ineligible, "withdrawn");
    assertMoved("mentees", tandem.createMentee(program, "Leaver"), "withdrawn");
    assertMoved("mentees", refer(program.partner(), TestTandem.menteeIntake("Gone")).get("menteeId").asText(),
        "withdrawn");
  }

  @Test
  void aMentorMovesAlongTheAllowedStepsOnly() {
    String id = tandem.createMentor(program, "Stepper");
    assertRefused(id, "mentor", "applied", "eligible", "ineligible", "ready", "inactive");
    screen("mentors", id, "eligible");
    assertRefused(id, "mentor", "eligible", "applied", "ineligible", "inactive");
    assertMoved("mentors", id, "ready");
    assertRefused(id, "mentor", "ready", "applied", "eligible", "ineligible");
    assertMoved("mentors", id, "inactive");
    assertRefused(id, "mentor", "inactive", "applied", "eligible", "ineligible");
    assertMoved("mentors", id, "ready");
    assertProblem(call("PATCH", "/v1/mentors/" + id, program.coordinator(), Map.of("status", "withdrawn")), "status",
        "must be one of applied, eligible, ineligible, ready, inactive");
  }

  @Test
  void aStatusStepAndFieldChangesGoTogetherOrNotAtAll() {
    String id = tandem.createMentee(program, "Together");
    ApiClient.Response refused = call("PATCH", "/v1/mentees/" + id, program.coordinator(),
        Map.of("status", "ready", "city", "Kingston"));
    assertEquals(409, refused.status());
    JsonNode read = call("GET", "/v1/mentees/" + id, program.coordinator(), null).json();
    assertEquals("Toronto", read.get("city").asText());
    assertEquals(1, read.get("version").asLong());

    ApiClient.Response both = call("PATCH", "/v1/mentees/" + id, program.coordinator(),
        Map.of("status", "withdrawn", "notes", "Found work on her own"));
    assertEquals(200, both.status(), both.text());
    assertEquals("withdrawn", both.json().get("status").asText());
    assertEquals("Found work on her own", both.json().get("notes").asText());
    assertEquals(2, both.json().get("version").asLong());
  }

  // ---------------------------------------------------------------- screening

  @Test
  void screeningAppliesTheProgramsRulesAndAnswersEveryFailedRule() {
    TestTandem.Program screened = tandem.onboard("screening", "pool");
    ApiClient.Response rules = call("PUT", "/v1/program", screened.admin(), json("{\"menteeEligibility\": ["
        + "{\"field\": \"clbLevel\", \"op\": \"gte\", \"value\": 5},"
        + "{\"field\": \"immigrationStatus\", \"op\": \"in\", \"value\": [\"permanent_resident\", \"convention_refugee\"]},"
        + "{\"field\": \"province\", \"op\": \"in\", \"value\": [\"ON\"]},"
        + "{\"field\": \"internationallyEducated\", \"op\": \"eq\", \"value\": true},"
        + "{\"field\": \"jobSearchWorkshopCompleted\", \"op\": \"eq\", \"value\": true}],"
        + "\"mentorEligibility\": [{\"field\": \"yearsCanadianExperience\", \"op\": \"gte\", \"value\": 2},"
        + "{\"field\": \"languages\", \"op\": \"eq\", \"value\": \"en\"}]}"));
    assertEquals(200, rules.status(), rules.text());

    String fits = tandem.createMentee(screened, "Fits");
    ApiClient.Response eligible = call("POST", "/v1/mentees/" + fits + "/screening", screened.coordinator(), null);
    assertEquals(200, eligible.status(), eligible.text());
    assertEquals(json("{\"participantId\": \"" + fits + "\", \"eligible\": true, \"reasons\": [],"
        + "\"status\": \"eligible\", \"version\": 2}"), eligible.json());

    Map<String, Object> intake = TestTandem.menteeIntake("Misses");
    intake.put("clbLevel", 4);
    intake.put("immigrationStatus", "temporary_resident");
    intake.put("province", "BC");
    intake.put("jobSearchWorkshopCompleted", false);
    String misses = created(call("POST", "/v1/mentees", screened.coordinator(), intake));
    ApiClient.Response ineligible = call("POST", "/v1/mentees/" + misses + "/screening", screened.admin(), null);
    assertEquals(200, ineligible.status(), ineligible.text());
    JsonNode reasons = json("["
        + "{\"field\": \"clbLevel\", \"rule\": \"gte 5\", \"actual\": 4},"
        + "{\"field\": \"immigrationStatus\", \"rule\": \"in [permanent_resident, convention_refugee]\","
        + " \"actual\": \"temporary_resident\"},"
        + "{\"field\": \"province\", \"rule\": \"in [ON]\", \"actual\": \"BC\"},"
        + "{\"field\": \"jobSearchWorkshopCompleted\", \"rule\": \"eq true\", \"actual\": false}]");
    assertEquals(json("{\"participantId\": \"" + misses + "\", \"eligible\": false, \"reasons\": " + reasons
        + ", \"status\": \"ineligible\", \"version\": 2}"), ineligible.json());
    JsonNode stored = call("GET", "/v1/mentees/" + misses, screened.coordinator(), null).json();
    assertEquals("ineligible", stored.get("status").asText());
    assertFalse(stored.at("/screening/eligible").asBoolean(true));
    assertEquals(reasons, stored.at("/screening/reasons"));
    assertTrue(stored.at("/screening/screenedAt").isTextual());

    // A fact the mentee never gave fails its rule, with nothing as the actual value.
    Map<String, Object> silent = TestTandem.menteeIntake("Silent");
    silent.remove("province");
    String unknownProvince = created(call("POST", "/v1/mentees", screened.coordinator(), silent));
    JsonNode missing = call("POST", "/v1/mentees/" + unknownProvince + "/screening", screened.coordinator(), null)
        .json();
    assertEquals(json("[{\"field\": \"province\", \"rule\": \"in [ON]\", \"actual\": null}]"), missing.get("reasons"));

    // Mentors are screened against the mentor rules.
    Map<String, Object> junior = TestTandem.mentorIntake("Junior");
    junior.put("yearsCanadianExperience", 1);
    junior.put("languages", List.of("fr"));
    String juniorId = created(call("POST", "/v1/mentors", screened.coordinator(), junior));
    JsonNode mentor = screen("mentors", juniorId, screened, "ineligible");
    assertEquals(json("[{\"field\": \"yearsCanadianExperience\", \"rule\": \"gte 2\", \"actual\": 1},"
        + "{\"field\": \"languages\", \"rule\": \"eq en\", \"actual\": [\"fr\"]}]"), mentor.get("reasons"));
    assertEquals(json("[]"), screen("mentors", tandem.createMentor(screened, "Senior"), screened, "eligible")
        .get("reasons"));

    // Fixed facts and screened again: now eligible. And new rules apply from the moment they are set.
    assertEquals(200, call("PATCH", "/v1/mentees/" + misses, screened.coordinator(), Map.of("clbLevel", 7,
        "immigrationStatus", "convention_refugee", "province", "ON", "jobSearchWorkshopCompleted", true)).status());
    assertEquals("eligible", screen("mentees", misses, screened, "eligible").get("status").asText());
    assertEquals(200, call("PUT", "/v1/program", screened.admin(),
        json("{\"menteeEligibility\": [{\"field\": \"clbLevel\", \"op\": \"gte\", \"value\": 8}]}")).status());
    JsonNode stricter = screen("mentees", misses, screened, "ineligible");
    assertEquals(json("[{\"field\": \"clbLevel\", \"rule\": \"gte 8\", \"actual\": 7}]"), stricter.get("reasons"));
  }

  @Test
  void aReadyParticipantIsNotScreenedAgain() {
    String mentee = tandem.createMentee(program, "Ready");
    screen("mentees", mentee, "eligible");
    assertMoved("mentees", mentee, "ready");
    ApiClient.Response refused = call("POST", "/v1/mentees/" + mentee + "/screening", program.coordinator(), null);
    assertError(refused, 409, "conflict",
        "mentee " + mentee + " is ready; only a mentee not yet ready can be screened");
    assertEquals("ready", call("GET", "/v1/mentees/" + mentee, program.coordinator(), null).json().get("status")
        .asText());

    String withdrawn = tandem.createMentee(program, "Withdrawn");
    assertMoved("mentees", withdrawn, "withdrawn");
    assertError(call("POST", "/v1/mentees/" + withdrawn + "/screening", program.coordinator(), null), 409, "conflict",
        "mentee " + withdrawn + " is withdrawn; only a mentee not yet ready can be screened");

    String mentor = tandem.createMentor(program, "Ready");
    screen("mentors", mentor, "eligible");
    assertMoved("mentors", mentor, "ready");
    assertError(call("POST", "/v1/mentors/" + mentor + "/screening", program.coordinator(), null), 409, "conflict",
        "mentor " + mentor + " is ready; only a mentor not yet ready can be screened");

    assertProblem(call("POST", "/v1/mentees/" + mentor + "/screening", program.coordinator(), null), "menteeId",
        "is not a mentee id");
    String unknown = "mtr_" + "0".repeat(26);
    assertError(call("POST", "/v1/mentors/" + unknown + "/screening", program.coordinator(), null), 404, "not_found",
        "mentor " + unknown + " not found");
  }

  // ---------------------------------------------------------------- referrals

  @Test
  void aPartnerRefersAMenteeAndFollowsOnlyItsOwnReferrals() {
    TestTandem.Program referring = tandem.onboard("referrals", "pool");
    String secondPartner = tandem.createKey(referring.admin(), "partner", "Newcomer Centre");

    Map<String, Object> intake = TestTandem.menteeIntake("Referred");
    JsonNode first = refer(referring.partner(), Map.of("mentee", intake, "note", "Needs a P.Eng. mentor"));
    assertEquals("referred", first.get("menteeStatus").asText());
    assertEquals(json("{\"keyId\": \"" + keyId(referring.partner()) + "\", \"label\": \"Settlement agency\","
        + " \"role\": \"partner\"}"), first.get("referredBy"));
    assertEquals("Needs a P.Eng. mentor", first.get("note").asText());
    assertEquals(json("[]"), first.get("reasons"));
    assertTrue(first.get("id").asText().startsWith("ref_"));
    String menteeId = first.get("menteeId").asText();
    JsonNode mentee = call("GET", "/v1/mentees/" + menteeId, referring.coordinator(), null).json();
    assertEquals("referred", mentee.get("status").asText());
    assertEquals(first.get("id"), mentee.get("referralId"));
    assertEquals("Referred", mentee.get("firstName").asText());

    Map<String, Object> outsider = TestTandem.menteeIntake("Outsider");
    outsider.put("immigrationStatus", "temporary_resident");
    JsonNode second = refer(referring.partner(), Map.of("mentee", outsider));
    JsonNode other = refer(secondPartner, Map.of("mentee", TestTandem.menteeIntake("Other")));
    assertEquals("Newcomer Centre", other.at("/referredBy/label").asText());
    JsonNode byStaff = refer(referring.coordinator(), Map.of("mentee", TestTandem.menteeIntake("Walkin")));
    assertEquals("coordinator", byStaff.at("/referredBy/role").asText());
    assertEquals("Coordinator", byStaff.at("/referredBy/label").asText());

    assertEquals(List.of(second.get("id").asText(), first.get("id").asText()),
        ids(walk("/v1/referrals", 1, referring.partner()).items));
    assertEquals(List.of(other.get("id").asText()), ids(walk("/v1/referrals", 10, secondPartner).items));
    List<String> everyone = List.of(byStaff.get("id").asText(), other.get("id").asText(), second.get("id").asText(),
        first.get("id").asText());
    assertEquals(everyone, ids(walk("/v1/referrals", 3, referring.coordinator()).items));
    assertEquals(everyone, ids(walk("/v1/referrals", 100, referring.admin()).items));
    assertEquals(0, call("GET", "/v1/referrals", stranger.partner(), null).json().get("items").size());

    // The agency follows what became of its referrals: the status, and the reasons when refused.
    screen("mentees", second.get("menteeId").asText(), referring, "ineligible");
    screen("mentees", menteeId, referring, "eligible");
    List<JsonNode> followed = walk("/v1/referrals", 10, referring.partner()).items;
    assertEquals("ineligible", followed.get(0).get("menteeStatus").asText());
    assertEquals(json("[{\"field\": \"immigrationStatus\", \"rule\": \"in [permanent_resident, convention_refugee, "
        + "protected_person, approved_for_immigration]\", \"actual\": \"temporary_resident\"}]"),
        followed.get(0).get("reasons"));
    assertEquals("eligible", followed.get(1).get("menteeStatus").asText());
    assertEquals(json("[]"), followed.get(1).get("reasons"));
    // A partner reads nothing else.
    assertEquals(403, call("GET", "/v1/mentees/" + menteeId, referring.partner(), null).status());
    assertEquals(403, call("GET", "/v1/mentees", referring.partner(), null).status());
  }

  @Test
  void aReferralIsValidatedWithFieldsNamedUnderMentee() {
    assertProblem(call("POST", "/v1/referrals", program.partner(), Map.of("note", "No one")), "mentee", "is required");
    Map<String, Object> typed = TestTandem.menteeIntake("Typed");
    typed.put("clbLevel", "8");
    assertProblem(call("POST", "/v1/referrals", program.partner(), Map.of("mentee", typed)), "mentee.clbLevel",
        "must be a whole number");
    Map<String, Object> bad = TestTandem.menteeIntake("Bad");
    bad.put("nocCode", "1");
    assertProblem(call("POST", "/v1/referrals", program.partner(), Map.of("mentee", bad, "note", " ")),
        "mentee.nocCode", "must be a NOC 2021 unit group of 5 digits");
    assertProblem(call("POST", "/v1/referrals", program.partner(), Map.of("mentee", bad, "note", " ")),
        "note", "must not be blank");
    assertProblem(call("POST", "/v1/referrals", program.partner(),
        Map.of("mentee", TestTandem.menteeIntake("X"), "referredBy", "me")), "referredBy", "is not a known field");
  }

  @Test
  void aReferralCursorIsOnlyTakenBackByTheListThatGaveIt() {
    TestTandem.Program cursors = tandem.onboard("refcursor", "pool");
    for (int i = 0; i < 3; i++) {
      refer(cursors.partner(), Map.of("mentee", TestTandem.menteeIntake("Cursor" + i)));
    }
    String partnerCursor = cursor("/v1/referrals?limit=1", cursors.partner());
    String staffCursor = cursor("/v1/referrals?limit=1", cursors.coordinator());
    assertEquals(200, call("GET", "/v1/referrals?limit=1&cursor=" + partnerCursor, cursors.partner(), null).status());
    assertProblem(call("GET", "/v1/referrals?cursor=" + partnerCursor, cursors.coordinator(), null), "cursor",
        "is not a cursor this list gave out");
    assertProblem(call("GET", "/v1/referrals?cursor=" + staffCursor, cursors.partner(), null), "cursor",
        "is not a cursor this list gave out");
  }

  // ---------------------------------------------------------------- export and erasure

  @Test
  void exportAnswersEverythingHeldAboutAPerson() {
    Map<String, Object> intake = TestTandem.menteeIntake("Exported");
    intake.put("phone", "+1 416 555 0100");
    intake.put("notes", "Prefers evening meetings");
    JsonNode referral = refer(program.partner(), Map.of("mentee", intake, "note", "From the bridging program"));
    String menteeId = referral.get("menteeId").asText();

    ApiClient.Response export = call("GET", "/v1/participants/" + menteeId + "/export", program.admin(), null);
    assertEquals(200, export.status(), export.text());
    assertEquals("attachment; filename=\"" + menteeId + ".json\"", export.header("content-disposition"));
    JsonNode held = export.json();
    assertEquals(menteeId, held.get("participantId").asText());
    assertEquals("mentee", held.get("type").asText());
    assertTrue(held.get("exportedAt").isTextual());
    assertEquals(call("GET", "/v1/mentees/" + menteeId, program.admin(), null).json(), held.get("mentee"));
    assertEquals("+1 416 555 0100", held.at("/mentee/phone").asText());
    assertEquals("Prefers evening meetings", held.at("/mentee/notes").asText());
    assertEquals(referral.get("id"), held.at("/referral/id"));
    assertEquals("From the bridging program", held.at("/referral/note").asText());
    assertEquals(referral.get("referredBy"), held.at("/referral/referredBy"));
    assertTrue(held.get("mentor").isNull());

    String mentorId = tandem.createMentor(program, "Exported");
    JsonNode mentor = call("GET", "/v1/participants/" + mentorId + "/export", program.admin(), null).json();
    assertEquals("mentor", mentor.get("type").asText());
    assertEquals(call("GET", "/v1/mentors/" + mentorId, program.admin(), null).json(), mentor.get("mentor"));
    assertTrue(mentor.get("mentee").isNull());
    assertTrue(mentor.get("referral").isNull());

    assertProblem(call("GET", "/v1/participants/ref_" + "0".repeat(26) + "/export", program.admin(), null),
        "participantId", "is not a mentee or mentor id");
    String unknown = "mte_" + "0".repeat(26);
    assertError(call("GET", "/v1/participants/" + unknown + "/export", program.admin(), null), 404, "not_found",
        "participant " + unknown + " not found");
  }

  @Test
  void erasureRemovesPersonalDataAndKeepsTheCounts() {
    TestTandem.Program erasing = tandem.onboard("erasure", "pool");
    Map<String, Object> intake = TestTandem.menteeIntake("Erased");
    intake.put("phone", "+1 416 555 0199");
    intake.put("notes", "Lives with her sister in Scarborough");
    intake.put("keywords", List.of("bridges", "concrete"));
    intake.put("availability", List.of("weekends"));
    JsonNode referral = refer(erasing.partner(), Map.of("mentee", intake, "note", "Referred by her case worker"));
    String menteeId = referral.get("menteeId").asText();
    assertMoved("mentees", menteeId, erasing, "applied");
    screen("mentees", menteeId, erasing, "eligible");
    String mentorId = tandem.createMentor(erasing, "ErasedMentor");
    tandem.createMentee(erasing, "Bystander");
    Map<String, Long> before = tandem.participantCounters(erasing, "pool");
    long version = call("GET", "/v1/mentees/" + menteeId, erasing.admin(), null).json().get("version").asLong();

    ApiClient.Response erased = call("DELETE", "/v1/participants/" + menteeId, erasing.admin(), null);
    assertEquals(204, erased.status(), erased.text());
    assertEquals(0, erased.body().length);

    JsonNode mentee = call("GET", "/v1/mentees/" + menteeId, erasing.coordinator(), null).json();
    for (String gone : List.of("firstName", "lastName", "email", "phone", "notes", "careerGoals", "city",
        "preferredLanguage")) {
      assertTrue(mentee.get(gone).isNull(), gone + " in " + mentee);
    }
    for (String emptied : List.of("languages", "keywords", "availability")) {
      assertEquals(0, mentee.get(emptied).size(), emptied);
    }
    assertEquals("eligible", mentee.get("status").asText());
    assertEquals("21300", mentee.get("nocCode").asText());
    assertEquals("541330", mentee.get("naicsCode").asText());
    assertEquals("ON", mentee.get("province").asText());
    assertEquals(8, mentee.get("clbLevel").asInt());
    assertTrue(mentee.get("erasedAt").isTextual());
    assertEquals(version + 1, mentee.get("version").asLong());
    assertEquals(before, tandem.participantCounters(erasing, "pool"));

    JsonNode export = call("GET", "/v1/participants/" + menteeId + "/export", erasing.admin(), null).json();
    assertEquals(mentee, export.get("mentee"));
    assertTrue(export.at("/referral/note").isNull());
    assertTrue(export.at("/referral/erasedAt").isTextual());
    for (String personal : List.of("Erased", "Popescu", "erased@example.org", "555 0199", "Scarborough",
        "case worker", "P.Eng.", "bridges", "Toronto")) {
      assertFalse(export.toString().contains(personal), personal + " in " + export);
    }
    JsonNode followed = walk("/v1/referrals", 10, erasing.partner()).items.get(0);
    assertTrue(followed.get("note").isNull());
    assertEquals("eligible", followed.get("menteeStatus").asText());

    // Erasing again is a no-op, and an erased person cannot change.
    assertEquals(204, call("DELETE", "/v1/participants/" + menteeId, erasing.admin(), null).status());
    assertEquals(mentee, call("GET", "/v1/mentees/" + menteeId, erasing.coordinator(), null).json());
    assertError(call("PATCH", "/v1/mentees/" + menteeId, erasing.coordinator(), Map.of("city", "Toronto")), 409,
        "conflict", "mentee " + menteeId + " was erased; it cannot change");
    assertError(call("PATCH", "/v1/mentees/" + menteeId, erasing.coordinator(), Map.of("status", "withdrawn")), 409,
        "conflict", "mentee " + menteeId + " was erased; it cannot change");
    assertError(call("POST", "/v1/mentees/" + menteeId + "/screening", erasing.coordinator(), null), 409,
        "conflict", "mentee " + menteeId + " was erased; it cannot be screened");

    // A mentor too.
    assertEquals(204, call("DELETE", "/v1/participants/" + mentorId, erasing.admin(), null).status());
    JsonNode mentor = call("GET", "/v1/mentors/" + mentorId, erasing.coordinator(), null).json();
    assertTrue(mentor.get("firstName").isNull());
    assertTrue(mentor.get("employer").isNull());
    assertEquals("applied", mentor.get("status").asText());
    assertEquals(2, mentor.get("capacity").asInt());
    assertEquals(before, tandem.participantCounters(erasing, "pool"));
    String unknown = "mtr_" + "0".repeat(26);
    assertError(call("DELETE", "/v1/participants/" + unknown, erasing.admin(), null), 404, "not_found",
        "participant " + unknown + " not found");
  }

  // ---------------------------------------------------------------- counters

  @Test
  void countersFollowEveryStatusChange() {
    TestTandem.Program counted = tandem.onboard("counters", "pool");
    String m1 = tandem.createMentee(counted, "One");
    String m2 = tandem.createMentee(counted, "Two");
    String m3 = tandem.createMentee(counted, "Three");
    assertEquals(Map.of("mentee_applied", 3L), tandem.participantCounters(counted, "pool"));

    screen("mentees", m1, counted, "eligible");
    assertMoved("mentees", m1, counted, "ready");
    assertMoved("mentees", m2, counted, "withdrawn");
    Map<String, Object> outsider = TestTandem.menteeIntake("Four");
    outsider.put("immigrationStatus", "temporary_resident");
    String m4 = created(call("POST", "/v1/mentees", counted.coordinator(), outsider));
    screen("mentees", m4, counted, "ineligible");
    String referred = refer(counted.partner(), Map.of("mentee", TestTandem.menteeIntake("Five"))).get("menteeId")
        .asText();
    assertEquals(1L, tandem.participantCounters(counted, "pool").get("mentee_referred"));
    assertMoved("mentees", referred, counted, "applied");
    // Refused steps and plain field changes count nothing.
    assertEquals(409, call("PATCH", "/v1/mentees/" + m3, counted.coordinator(), Map.of("status", "ready")).status());
    assertEquals(200, call("PATCH", "/v1/mentees/" + m3, counted.coordinator(), Map.of("city", "Ottawa")).status());
    // Screening again to the same verdict moves nothing.
    screen("mentees", m4, counted, "ineligible");

    String t1 = tandem.createMentor(counted, "Mentor1");
    Map<String, Object> junior = TestTandem.mentorIntake("Mentor2");
    junior.put("yearsCanadianExperience", 0);
    String t2 = created(call("POST", "/v1/mentors", counted.coordinator(), junior));
    screen("mentors", t1, counted, "eligible");
    assertMoved("mentors", t1, counted, "ready");
    assertMoved("mentors", t1, counted, "inactive");
    screen("mentors", t2, counted, "ineligible");
    assertEquals(204, call("DELETE", "/v1/participants/" + m4, counted.admin(), null).status());

    Map<String, Long> expected = new TreeMap<>(Map.of(
        "mentee_applied", 2L, "mentee_eligible", 0L, "mentee_ineligible", 1L, "mentee_ready", 1L,
        "mentee_referred", 0L, "mentee_withdrawn", 1L,
        "mentor_applied", 0L, "mentor_eligible", 0L, "mentor_inactive", 1L, "mentor_ineligible", 1L));
    expected.put("mentor_ready", 0L);
    Map<String, Long> counters = tandem.participantCounters(counted, "pool");
    assertEquals(expected, counters);
    // And they agree with the lists.
    for (Map.Entry<String, Long> counter : counters.entrySet()) {
      String[] parts = counter.getKey().split("_", 2);
      assertEquals(counter.getValue().intValue(),
          walk("/v1/" + parts[0] + "s?status=" + parts[1], 100, counted.coordinator()).items.size(), counter.getKey());
    }
  }

  // ---------------------------------------------------------------- helpers

  private static ApiClient.Response call(String method, String path, String key, Object body) {
    return tandem.api().call(method, path, key, body);
  }

  private static ApiClient.Response call(String method, String path, String key, Object body,
      Map<String, String> headers) {
    return tandem.api().call(method, path, key, body, headers);
  }

  private static String created(ApiClient.Response response) {
    assertEquals(201, response.status(), response.text());
    return response.json().get("id").asText();
  }

  private static JsonNode refer(String key, Map<String, Object> body) {
    ApiClient.Response referred = call("POST", "/v1/referrals", key,
        body.containsKey("mentee") ? body : Map.of("mentee", body));
    assertEquals(201, referred.status(), referred.text());
    return referred.json();
  }

  private static JsonNode screen(String collection, String id, String expectedStatus) {
    return screen(collection, id, program, expectedStatus);
  }

  private static JsonNode screen(String collection, String id, TestTandem.Program in, String expectedStatus) {
    ApiClient.Response screened = call("POST", "/v1/" + collection + "/" + id + "/screening", in.coordinator(), null);
    assertEquals(200, screened.status(), screened.text());
    assertEquals(expectedStatus, screened.json().get("status").asText(), screened.text());
    assertEquals(expectedStatus.equals("eligible"), screened.json().get("eligible").asBoolean());
    return screened.json();
  }

  private static void assertMoved(String collection, String id, String status) {
    assertMoved(collection, id, program, status);
  }

  private static void assertMoved(String collection, String id, TestTandem.Program in, String status) {
    ApiClient.Response moved = call("PATCH", "/v1/" + collection + "/" + id, in.coordinator(),
        Map.of("status", status));
    assertEquals(200, moved.status(), moved.text());
    assertEquals(status, moved.json().get("status").asText());
  }

  /** Every step from {@code current} to one of {@code targets} answers 409 naming the current status. */
  private static void assertRefused(String id, String noun, String current, String... targets) {
    long version = call("GET", "/v1/" + noun + "s/" + id, program.coordinator(), null).json().get("version").asLong();
    for (String target : targets) {
      ApiClient.Response refused = call("PATCH", "/v1/" + noun + "s/" + id, program.coordinator(),
          Map.of("status", target));
      assertError(refused, 409, "conflict", noun + " " + id + " is " + current + "; it cannot move to " + target);
      assertEquals(json("[{\"field\": \"status\", \"problem\": \"is " + current + "\"}]"),
          refused.json().at("/error/details"));
    }
    JsonNode after = call("GET", "/v1/" + noun + "s/" + id, program.coordinator(), null).json();
    assertEquals(current, after.get("status").asText());
    assertEquals(version, after.get("version").asLong());
  }

  private static String keyId(String key) {
    return key.split("\\.")[2];
  }

  private static String cursor(String path, String key) {
    ApiClient.Response page = call("GET", path, key, null);
    assertEquals(200, page.status(), page.text());
    assertTrue(page.json().get("nextCursor").isTextual(), page.text());
    return page.json().get("nextCursor").asText();
  }

  /** All pages of a list. */
  private record PageWalk(List<JsonNode> items, List<String> ids, List<Integer> pageSizes) {}

  private static PageWalk walk(String path, int limit, String key) {
    List<JsonNode> items = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    String separator = path.contains("?") ? "&" : "?";
    do {
      ApiClient.Response page = call("GET", path + separator + "limit=" + limit
          + (cursor == null ? "" : "&cursor=" + cursor), key, null);
      assertEquals(200, page.status(), page.text());
      assertTrue(page.json().get("items").size() <= limit);
      page.json().get("items").forEach(items::add);
      sizes.add(page.json().get("items").size());
      cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
    } while (cursor != null && sizes.size() < 1000);
    List<String> ids = ids(items);
    Set<String> distinct = new HashSet<>(ids);
    assertEquals(ids.size(), distinct.size(), "an item was listed twice: " + ids);
    return new PageWalk(items, ids, sizes);
  }

  private static List<String> ids(List<JsonNode> items) {
    return items.stream().map(item -> item.get("id").asText()).toList();
  }

  private static JsonNode json(String text) {
    try {
      return tandem.tandem().mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
