package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.ApiAssertions.assertError;
import static org.tandem.support.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.local.ApiClient;
import org.tandem.matching.Scoring;
import org.tandem.participants.Mentee;
import org.tandem.participants.Mentor;
import org.tandem.program.ProgramSettings;
import org.tandem.support.TestTandem;

/**
 * The match lifecycle end to end through the gateway: proposals and what they must respect,
 * decisions, activation, the withdrawal of a mentee's other proposals, closure and what it does
 * to the mentee and the mentor, the refused transitions, lists, suggestions and cohort runs.
 */
class MatchingApiTest {
  private static final TestTandem tandem = TestTandem.get();
  /** Reads the API's JSON back into the domain records, to score pairs as the server does. */
  private static final ObjectMapper RECORDS = tandem.tandem().mapper().copy()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final List<String> ALL_FORMATS = List.of("one_on_one", "group", "connector", "employer_hosted");
  /** The weights of the outline's example program. */
  private static final Map<String, Integer> WEIGHTS =
      Map.of("occupation", 40, "industry", 20, "language", 15, "location", 10, "goals", 15);
  private static final int TERM_WEEKS = 12;
  private static final int MINUTES_PER_WEEK = 90;
  private static final int CHECKIN_DAYS = 14;

  /** A program with every format, a 12-week term of 90 minutes a week and check-ins every 14 days. */
  private static TestTandem.Program program;
  private static TestTandem.Program stranger;

  @BeforeAll
  static void onboard() {
    program = tandem.onboard("matching", "pool");
    configure(program);
    stranger = tandem.onboard("matchstranger", "pool");
  }

  // ---------------------------------------------------------------- proposals

  @Test
  void aProposalAnswers201ProposedWithAScoreWhoseBreakdownAddsUp() {
    String mentee = readyMentee(program, "Ana");
    String mentor = readyMentor(program, "Ben");

    ApiClient.Response created = propose(program, mentee, mentor, "one_on_one");

    assertEquals(201, created.status(), created.text());
    JsonNode match = created.json();
    String id = match.get("id").asText();
    assertTrue(id.matches("mat_[0-9a-hjkmnp-tv-z]{26}"), id);
    assertEquals("/v1/matches/" + id, created.header("location"));
    assertEquals("\"1\"", created.header("etag"));
    assertEquals("proposed", match.get("status").asText());
    assertEquals(1, match.get("version").asLong());
    assertEquals(mentee, match.get("menteeId").asText());
    assertEquals(mentor, match.get("mentorId").asText());
    assertEquals("one_on_one", match.get("format").asText());
    assertTrue(match.get("runId").isNull());
    assertEquals(keyId(program.coordinator()), match.get("proposedBy").asText());
    // Same occupation, industry, city and preferred language; no goal words in the mentor's
    // expertise or title: 40 + 20 + 15 + 10 + 0.
    assertEquals(json("{\"occupation\": 40, \"industry\": 20, \"language\": 15, \"location\": 10, \"goals\": 0}"),
        match.get("breakdown"));
    assertEquals(85, match.get("score").asInt());
    assertEquals(match.get("score").asInt(), sum(match.get("breakdown")));
    Scoring.Score expected = score(program, mentee, mentor);
    assertEquals(expected.total(), match.get("score").asInt());
    assertEquals(expected.breakdown(), breakdown(match.get("breakdown")));
    for (String field : List.of("mentorDecision", "menteeDecision", "startDate", "plannedEndDate", "ending",
        "lastCheckinAt")) {
      assertTrue(match.get(field).isNull(), field + " in " + match);
    }
    assertEquals(json("[]"), match.get("nextContacts"));
    assertEquals(match.get("createdAt"), match.get("updatedAt"));
    assertEquals(json("{\"targetHours\": 0.0, \"hoursMet\": 0.0, \"onPace\": null, \"meetings\": 0, "
        + "\"goalsTotal\": 0, \"goalsAchieved\": 0, \"lastCheckinAt\": null, \"nextCheckinDue\": null}"),
        match.get("progress"));

    ApiClient.Response read = call("GET", "/v1/matches/" + id, program.admin(), null);
    assertEquals(200, read.status(), read.text());
    assertEquals(match, read.json());
    assertEquals("\"1\"", read.header("etag"));
    // Proposing moves neither party.
    assertEquals("ready", participant(program, "mentees", mentee).get("status").asText());
    assertEquals(0, participant(program, "mentors", mentor).get("activeMentees").asInt());
  }

  @Test
  void aProposalIsValidatedNamingEveryBadField() {
    ApiClient.Response bad = call("POST", "/v1/matches", program.coordinator(),
        Map.of("menteeId", "mtr_" + "0".repeat(26), "mentorId", "nope", "format", "mentoring"));
    assertProblem(bad, "menteeId", "is not a mentee id");
    assertProblem(bad, "mentorId", "is not a mentor id");
    assertProblem(bad, "format", "must be one of one_on_one, group, connector, employer_hosted");
    assertEquals(3, bad.json().at("/error/details").size(), bad.text());
    ApiClient.Response missing = call("POST", "/v1/matches", program.coordinator(), Map.of());
    assertProblem(missing, "menteeId", "is required");
    assertProblem(missing, "mentorId", "is required");
    assertProblem(missing, "format", "is required");

    String mentee = readyMentee(program, "Unpaired");
    String unknownMentor = "mtr_" + "0".repeat(26);
    assertError(propose(program, mentee, unknownMentor, "one_on_one"), 404, "not_found",
        "mentor " + unknownMentor + " not found");
    String unknownMentee = "mte_" + "0".repeat(26);
    assertError(propose(program, unknownMentee, readyMentor(program, "Unpaired"), "one_on_one"), 404,
        "not_found", "mentee " + unknownMentee + " not found");
  }

  @Test
  void onlyReadyMenteesAndMentorsAreProposed() {
    String readyMentor = readyMentor(program, "Able");
    String readyMentee = readyMentee(program, "Able");

    String applied = tandem.createMentee(program, "Applied");
    assertParticipantConflict(propose(program, applied, readyMentor, "one_on_one"), "mentee", applied, "applied");
    String eligible = tandem.createMentee(program, "Eligible");
    screen(program, "mentees", eligible);
    assertParticipantConflict(propose(program, eligible, readyMentor, "one_on_one"), "mentee", eligible, "eligible");
    String withdrawn = readyMentee(program, "Gone");
    patchStatus(program, "mentees", withdrawn, "withdrawn");
    assertParticipantConflict(propose(program, withdrawn, readyMentor, "one_on_one"), "mentee", withdrawn,
        "withdrawn");

    String appliedMentor = tandem.createMentor(program, "Applied");
    assertParticipantConflict(propose(program, readyMentee, appliedMentor, "one_on_one"), "mentor", appliedMentor,
        "applied");
    String eligibleMentor = tandem.createMentor(program, "Eligible");
    screen(program, "mentors", eligibleMentor);
    assertParticipantConflict(propose(program, readyMentee, eligibleMentor, "one_on_one"), "mentor",
        eligibleMentor, "eligible");
    String inactive = readyMentor(program, "Resting");
    patchStatus(program, "mentors", inactive, "inactive");
    assertParticipantConflict(propose(program, readyMentee, inactive, "one_on_one"), "mentor", inactive, "inactive");

    // A ready mentor without a free seat is not proposed either.
    String full = readyMentor(program, "Full", Map.of("capacity", 1));
    activate(program, readyMentee(program, "Seated"), full, "one_on_one");
    assertError(propose(program, readyMentee, full, "one_on_one"), 409, "conflict",
        "mentor " + full + " has no free capacity (1 of 1)");

    assertEquals(0, list(program, "/v1/matches?menteeId=" + readyMentee).size());
    assertEquals(201, propose(program, readyMentee, readyMentor, "one_on_one").status());
  }

  @Test
  void theProgramsFormatsAreEnforced() {
    TestTandem.Program plain = tandem.onboard("formats", "pool");
    String mentee = readyMentee(plain, "Plain");
    String mentor = readyMentor(plain, "Plain");
    // A new program offers one-on-one only.
    for (String format : List.of("group", "connector", "employer_hosted")) {
      assertProblem(propose(plain, mentee, mentor, format), "format",
          "must be one of the program's formats: one_on_one");
    }
    assertEquals(0, list(plain, "/v1/matches").size());
    assertEquals(201, propose(plain, mentee, mentor, "one_on_one").status());

    put(plain, Map.of("formats", List.of("group", "connector")));
    String other = readyMentee(plain, "Grouped");
    assertProblem(propose(plain, other, mentor, "one_on_one"), "format",
        "must be one of the program's formats: group, connector");
    assertEquals("group", proposed(plain, other, mentor, "group").get("format").asText());
  }

  @Test
  void anEmployerHostedMatchNeedsACorporatePartnersMentor() {
    String mentee = readyMentee(program, "Hosted");
    String volunteer = readyMentor(program, "Volunteer");
    assertError(propose(program, mentee, volunteer, "employer_hosted"), 409, "conflict",
        "an employer-hosted match needs a mentor from a corporate partner");

    String partner = readyMentor(program, "Partner", Map.of("corporatePartner", true, "employer", "Northwind Bank"));
    JsonNode match = activate(program, mentee, partner, "employer_hosted");
    assertEquals("employer_hosted", match.get("format").asText());
    // Employer-hosted is the mentee's one-on-one.
    assertEquals(match.get("id").asText(),
        participant(program, "mentees", mentee).get("activeOneOnOneMatchId").asText());
    assertError(propose(program, mentee, volunteer, "one_on_one"), 409, "conflict",
        "mentee " + mentee + " is already in active one-on-one match " + match.get("id").asText());
  }

  @Test
  void aGroupNeedsAMentorWithRoomForMoreThanOne() {
    String mentee = readyMentee(program, "Grouped");
    String single = readyMentor(program, "Single", Map.of("capacity", 1));
    assertError(propose(program, mentee, single, "group"), 409, "conflict",
        "a group match needs a mentor with capacity for 2 or more mentees");
    assertEquals(201, propose(program, mentee, single, "one_on_one").status());

    String roomy = readyMentor(program, "Roomy", Map.of("capacity", 2));
    assertEquals("group", proposed(program, mentee, roomy, "group").get("format").asText());
  }

  @Test
  void aMentorOnTheMenteesExclusionListIsNotProposed() {
    String mentor = readyMentor(program, "Shunned");
    String other = readyMentor(program, "Welcome");
    String mentee = readyMentee(program, "Choosy");
    ApiClient.Response excluded = call("PATCH", "/v1/mentees/" + mentee, program.coordinator(),
        Map.of("excludedMentorIds", List.of(mentor)));
    assertEquals(200, excluded.status(), excluded.text());

    for (String format : ALL_FORMATS.subList(0, 3)) {
      assertError(propose(program, mentee, mentor, format), 409, "conflict",
          "mentor " + mentor + " is on mentee " + mentee + "'s exclusion list");
    }
    assertEquals(201, propose(program, mentee, other, "one_on_one").status());
  }

  @Test
  void aPairHasOneOpenMatchAtATime() {
    String mentee = readyMentee(program, "Paired");
    String mentor = readyMentor(program, "Paired", Map.of("capacity", 3));
    String first = proposed(program, mentee, mentor, "one_on_one").get("id").asText();
    String open = "mentee " + mentee + " and mentor " + mentor + " already have an open match";
    for (String format : List.of("one_on_one", "group", "connector")) {
      assertError(propose(program, mentee, mentor, format), 409, "conflict", open);
    }
    // Once the match is active, the pair is still taken.
    acceptBoth(program, first);
    assertError(propose(program, mentee, mentor, "group"), 409, "conflict", open);
    // After a mismatch the mentee is ready again and the pair free.
    assertEquals(200, close(program, first, "mismatch", null, null).status());
    assertEquals(201, propose(program, mentee, mentor, "group").status());
    assertEquals(List.of("proposed", "closed"), list(program, "/v1/matches?menteeId=" + mentee).stream()
        .map(m -> m.get("status").asText()).toList());
  }

  // ---------------------------------------------------------------- decisions

  @Test
  void bothAcceptancesMakeTheMatchActiveForTheProgramsTerm() {
    TestTandem.Program counted = tandem.onboard("activation", "pool");
    configure(counted);
    String mentee = readyMentee(counted, "Active");
    String mentor = readyMentor(counted, "Active");
    JsonNode menteeBefore = participant(counted, "mentees", mentee);
    JsonNode mentorBefore = participant(counted, "mentors", mentor);
    String id = proposed(counted, mentee, mentor, "one_on_one").get("id").asText();

    ApiClient.Response first = decide(counted, id, "mentor", "accept");
    assertEquals(200, first.status(), first.text());
    assertEquals("\"2\"", first.header("etag"));
    JsonNode half = first.json();
    assertEquals("proposed", half.get("status").asText());
    assertEquals(2, half.get("version").asLong());
    assertEquals("accept", half.at("/mentorDecision/decision").asText());
    assertEquals(keyId(counted.coordinator()), half.at("/mentorDecision/recordedBy").asText());
    assertTrue(half.at("/mentorDecision/at").isTextual());
    assertTrue(half.get("menteeDecision").isNull());
    assertTrue(half.get("startDate").isNull());
    // The same answer again changes nothing; another answer from the same party is refused.
    ApiClient.Response again = decide(counted, id, "mentor", "accept");
    assertEquals(200, again.status(), again.text());
    assertEquals(half, again.json());
    assertError(decide(counted, id, "mentor", "decline"), 409, "conflict", "the mentor has already answered accept");
    assertEquals(0, participant(counted, "mentors", mentor).get("activeMentees").asInt());

    ApiClient.Response second = decide(counted, id, "mentee", "accept");
    assertEquals(200, second.status(), second.text());
    JsonNode active = second.json();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    assertEquals("active", active.get("status").asText());
    assertEquals(3, active.get("version").asLong());
    assertEquals("\"3\"", second.header("etag"));
    assertEquals(today.toString(), active.get("startDate").asText());
    assertEquals(today.plusWeeks(TERM_WEEKS).toString(), active.get("plannedEndDate").asText());
    assertEquals(TERM_WEEKS * MINUTES_PER_WEEK, active.get("targetMinutes").asInt());
    assertEquals(CHECKIN_DAYS, active.get("checkinIntervalDays").asInt());
    assertEquals("accept", active.at("/menteeDecision/decision").asText());
    assertEquals(half.get("mentorDecision"), active.get("mentorDecision"));
    assertEquals(json("{\"targetHours\": " + (TERM_WEEKS * MINUTES_PER_WEEK / 60.0) + ", \"hoursMet\": 0.0, "
        + "\"onPace\": true, \"meetings\": 0, \"goalsTotal\": 0, \"goalsAchieved\": 0, \"lastCheckinAt\": null, "
        + "\"nextCheckinDue\": \"" + today.plusDays(CHECKIN_DAYS) + "\"}"), active.get("progress"));
    assertEquals(18.0, active.at("/progress/targetHours").asDouble());
    ApiClient.Response read = call("GET", "/v1/matches/" + id, counted.coordinator(), null);
    assertEquals(active, read.json());

    JsonNode matched = participant(counted, "mentees", mentee);
    assertEquals("matched", matched.get("status").asText());
    assertEquals(1, matched.get("activeMatches").asInt());
    assertEquals(id, matched.get("activeOneOnOneMatchId").asText());
    assertEquals(menteeBefore.get("version").asLong() + 1, matched.get("version").asLong());
    JsonNode seated = participant(counted, "mentors", mentor);
    assertEquals(1, seated.get("activeMentees").asInt());
    assertEquals("ready", seated.get("status").asText());
    assertEquals(mentorBefore.get("version").asLong() + 1, seated.get("version").asLong());
    Map<String, Long> counters = nonZero(tandem.participantCounters(counted, "pool"));
    assertEquals(Map.of("mentee_matched", 1L, "mentor_ready", 1L), counters);
  }

  @Test
  void aDeclineEndsTheProposalAndThePairMayBeProposedAgain() {
    String mentee = readyMentee(program, "Declining");
    String mentor = readyMentor(program, "Declined");
    String id = proposed(program, mentee, mentor, "one_on_one").get("id").asText();
    assertEquals(200, decide(program, id, "mentor", "accept").status());

    ApiClient.Response declined = decide(program, id, "mentee", "decline");
    assertEquals(200, declined.status(), declined.text());
    JsonNode match = declined.json();
    assertEquals("declined", match.get("status").asText());
    assertEquals(3, match.get("version").asLong());
    assertEquals("decline", match.at("/menteeDecision/decision").asText());
    assertEquals("declined_by_mentee", match.at("/ending/reason").asText());
    assertEquals(keyId(program.coordinator()), match.at("/ending/recordedBy").asText());
    assertTrue(match.get("startDate").isNull());
    // Nothing moved for the people.
    assertEquals("ready", participant(program, "mentees", mentee).get("status").asText());
    assertEquals(0, participant(program, "mentors", mentor).get("activeMentees").asInt());

    String again = proposed(program, mentee, mentor, "one_on_one").get("id").asText();
    ApiClient.Response byMentor = decide(program, again, "mentor", "decline");
    assertEquals("declined", byMentor.json().get("status").asText());
    assertEquals("declined_by_mentor", byMentor.json().at("/ending/reason").asText());
    assertEquals(201, propose(program, mentee, mentor, "one_on_one").status());
  }

  @Test
  void aDecisionIsValidated() {
    String id = proposed(program, readyMentee(program, "Asked"), readyMentor(program, "Asked"), "one_on_one")
        .get("id").asText();
    ApiClient.Response bad = decide(program, id, "coordinator", "maybe");
    assertProblem(bad, "party", "must be one of mentor, mentee");
    assertProblem(bad, "decision", "must be one of accept, decline");
    assertProblem(call("POST", "/v1/matches/" + id + "/decisions", program.coordinator(), Map.of()), "party",
        "is required");
    assertProblem(decide(program, "mat_nope", "mentor", "accept"), "matchId", "is not a match id");
    String unknown = "mat_" + "0".repeat(26);
    assertError(decide(program, unknown, "mentor", "accept"), 404, "not_found", "match " + unknown + " not found");
    assertEquals(1, match(program, id).get("version").asLong());
  }

  @Test
  void aOneOnOneStartingWithdrawsTheMenteesOtherProposals() {
    String mentee = readyMentee(program, "Sought");
    String chosen = readyMentor(program, "Chosen");
    String second = readyMentor(program, "Second");
    String hosting = readyMentor(program, "Hosting", Map.of("corporatePartner", true));
    String grouping = readyMentor(program, "Grouping", Map.of("capacity", 4));
    String id = proposed(program, mentee, chosen, "one_on_one").get("id").asText();
    String other = proposed(program, mentee, second, "one_on_one").get("id").asText();
    String hosted = proposed(program, mentee, hosting, "employer_hosted").get("id").asText();
    String group = proposed(program, mentee, grouping, "group").get("id").asText();
    // One party of another proposal had already accepted it.
    assertEquals(200, decide(program, other, "mentor", "accept").status());
    // Another mentee's proposal with the same mentor is not touched.
    String bystander = readyMentee(program, "Bystander");
    String unrelated = proposed(program, bystander, second, "one_on_one").get("id").asText();

    acceptBoth(program, id);

    for (String withdrawn : List.of(other, hosted, group)) {
      JsonNode match = match(program, withdrawn);
      assertEquals("withdrawn", match.get("status").asText(), withdrawn);
      assertEquals("mentee_matched", match.at("/ending/reason").asText());
      assertEquals("the mentee's one-on-one match " + id + " became active", match.at("/ending/notes").asText());
      assertEquals("system", match.at("/ending/recordedBy").asText());
    }
    assertEquals("proposed", match(program, unrelated).get("status").asText());
    assertEquals(List.of(id), list(program, "/v1/matches?menteeId=" + mentee + "&status=active").stream()
        .map(m -> m.get("id").asText()).toList());
    // The withdrawn pairs are free again for what the mentee may still join beside the
    // one-on-one: a group, which starts without withdrawing anything.
    String regrouped = proposed(program, mentee, grouping, "group").get("id").asText();
    String secondGroup = proposed(program, mentee, second, "group").get("id").asText();
    assertEquals("active", acceptBoth(program, regrouped).get("status").asText());
    assertEquals("proposed", match(program, secondGroup).get("status").asText());
    JsonNode both = participant(program, "mentees", mentee);
    assertEquals(2, both.get("activeMatches").asInt());
    assertEquals(id, both.get("activeOneOnOneMatchId").asText());
    assertError(propose(program, mentee, hosting, "employer_hosted"), 409, "conflict",
        "mentee " + mentee + " is already in active one-on-one match " + id);
  }

  // ---------------------------------------------------------------- closure

  @Test
  void eachClosureReasonMovesTheMenteeAndGivesTheSeatBack() {
    TestTandem.Program closing = tandem.onboard("closure", "pool");
    configure(closing);
    String mentor = readyMentor(closing, "Closer", Map.of("capacity", 4));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("objectives_met", "completed");
    expected.put("term_ended", "completed");
    expected.put("mismatch", "ready");
    expected.put("withdrawn", "withdrawn");
    Map<String, String> matchOf = new LinkedHashMap<>();
    Map<String, String> menteeOf = new LinkedHashMap<>();
    for (String reason : expected.keySet()) {
      String mentee = readyMentee(closing, "Closed" + reason.replace("_", ""));
      menteeOf.put(reason, mentee);
      matchOf.put(reason, activate(closing, mentee, mentor, "one_on_one").get("id").asText());
    }
    assertEquals(4, participant(closing, "mentors", mentor).get("activeMentees").asInt());
    assertError(propose(closing, readyMentee(closing, "Waiting"), mentor, "one_on_one"), 409, "conflict",
        "mentor " + mentor + " has no free capacity (4 of 4)");

    int seats = 4;
    for (String reason : expected.keySet()) {
      String id = matchOf.get(reason);
      ApiClient.Response closed = close(closing, id, reason, "Closed: " + reason, null);
      assertEquals(200, closed.status(), closed.text());
      JsonNode match = closed.json();
      assertEquals("closed", match.get("status").asText());
      assertEquals(4, match.get("version").asLong());
      assertEquals(reason, match.at("/ending/reason").asText());
      assertEquals("Closed: " + reason, match.at("/ending/notes").asText());
      assertEquals(keyId(closing.coordinator()), match.at("/ending/recordedBy").asText());
      assertEquals(json("[]"), match.get("nextContacts"));
      assertTrue(match.at("/progress/onPace").isNull());
      assertTrue(match.at("/progress/nextCheckinDue").isNull());
      assertEquals(TERM_WEEKS * MINUTES_PER_WEEK / 60.0, match.at("/progress/targetHours").asDouble());
      JsonNode mentee = participant(closing, "mentees", menteeOf.get(reason));
      assertEquals(expected.get(reason), mentee.get("status").asText(), reason);
      assertEquals(0, mentee.get("activeMatches").asInt());
      assertTrue(mentee.get("activeOneOnOneMatchId").isNull());
      seats--;
      assertEquals(seats, participant(closing, "mentors", mentor).get("activeMentees").asInt(), reason);
    }
    assertEquals(Map.of("mentee_completed", 2L, "mentee_ready", 2L, "mentee_withdrawn", 1L, "mentor_ready", 1L),
        nonZero(tandem.participantCounters(closing, "pool")));
    // A mentee with another active match stays matched when one closes.
    String busy = readyMentee(closing, "Busy");
    String oneOnOne = activate(closing, busy, mentor, "one_on_one").get("id").asText();
    String groupMentor = readyMentor(closing, "Groupie", Map.of("capacity", 3));
    String group = activate(closing, busy, groupMentor, "group").get("id").asText();
    assertEquals(200, close(closing, group, "objectives_met", null, null).status());
    JsonNode stillMatched = participant(closing, "mentees", busy);
    assertEquals("matched", stillMatched.get("status").asText());
    assertEquals(1, stillMatched.get("activeMatches").asInt());
    assertEquals(oneOnOne, stillMatched.get("activeOneOnOneMatchId").asText());
    assertEquals(0, participant(closing, "mentors", groupMentor).get("activeMentees").asInt());
  }

  @Test
  void aClosureIsValidated() {
    String id = activate(program, readyMentee(program, "Validated"), readyMentor(program, "Validated"),
        "one_on_one").get("id").asText();
    assertProblem(close(program, id, "bored", null, null), "reason",
        "must be one of objectives_met, term_ended, withdrawn, mismatch");
    assertProblem(call("POST", "/v1/matches/" + id + "/closure", program.coordinator(), Map.of()), "reason",
        "is required");
    assertProblem(close(program, id, "objectives_met", "x".repeat(4001), null), "notes",
        "must be at most 4000 characters");
    assertProblem(close(program, id, "objectives_met", null, List.of("Dana Fox")), "nextContacts",
        "only a connector match names people to meet next");
    assertEquals("active", match(program, id).get("status").asText());
    assertEquals(3, match(program, id).get("version").asLong());
  }

  @Test
  void aConnectorClosureRecordsUpToThreeNextContacts() {
    String mentor = readyMentor(program, "Connector", Map.of("capacity", 3));
    String mentee = readyMentee(program, "Connected");
    String id = activate(program, mentee, mentor, "connector").get("id").asText();
    // A connector meeting is not the mentee's one-on-one.
    assertTrue(participant(program, "mentees", mentee).get("activeOneOnOneMatchId").isNull());

    assertProblem(close(program, id, "objectives_met", null, List.of("A", "B", "C", "D")), "nextContacts",
        "must have between 0 and 3 items");
    assertProblem(close(program, id, "objectives_met", null, List.of("Dana Fox", " ")), "nextContacts",
        "must be names of at most 200 characters");
    assertProblem(close(program, id, "objectives_met", null, List.of("y".repeat(201))), "nextContacts",
        "must be names of at most 200 characters");
    List<String> contacts = List.of("Dana Fox, Hydro One", "Luis Ortega, PEO", "Mei Chen, City of Toronto");
    ApiClient.Response closed = close(program, id, "objectives_met", "Three introductions made", contacts);
    assertEquals(200, closed.status(), closed.text());
    assertEquals(tandem.tandem().mapper().valueToTree(contacts), closed.json().get("nextContacts"));
    assertEquals(closed.json(), match(program, id));

    String other = activate(program, readyMentee(program, "Introduced"), mentor, "connector").get("id").asText();
    ApiClient.Response none = close(program, other, "term_ended", null, null);
    assertEquals(json("[]"), none.json().get("nextContacts"));
  }

  // ---------------------------------------------------------------- transitions

  @Test
  void everyDisallowedTransitionAnswers409NamingTheCurrentStatus() {
    String mentor = readyMentor(program, "Strict", Map.of("capacity", 5));
    String proposedId = proposed(program, readyMentee(program, "Proposed"), mentor, "one_on_one").get("id").asText();
    String activeId = activate(program, readyMentee(program, "Activated"), mentor, "one_on_one").get("id").asText();
    String declinedId = proposed(program, readyMentee(program, "Declining"), mentor, "one_on_one").get("id").asText();
    assertEquals(200, decide(program, declinedId, "mentee", "decline").status());
    String withdrawnId = proposed(program, readyMentee(program, "Withdrawing"), mentor, "one_on_one").get("id")
        .asText();
    assertEquals(200, call("POST", "/v1/matches/" + withdrawnId + "/withdrawal", program.coordinator(), null)
        .status());
    String closedId = activate(program, readyMentee(program, "Closing"), mentor, "one_on_one").get("id").asText();
    assertEquals(200, close(program, closedId, "term_ended", null, null).status());

    Map<String, String> statusOf = new LinkedHashMap<>();
    statusOf.put(proposedId, "proposed");
    statusOf.put(activeId, "active");
    statusOf.put(declinedId, "declined");
    statusOf.put(withdrawnId, "withdrawn");
    statusOf.put(closedId, "closed");
    Map<String, JsonNode> before = new HashMap<>();
    statusOf.keySet().forEach(id -> before.put(id, match(program, id)));

    for (Map.Entry<String, String> entry : statusOf.entrySet()) {
      String id = entry.getKey();
      String status = entry.getValue();
      if (!status.equals("proposed")) {
        // An answer the party has not given before (the same answer again is a no-op).
        String decision = status.equals("active") || status.equals("closed") ? "decline" : "accept";
        String party = status.equals("declined") ? "mentor" : "mentee";
        assertStatusConflict(decide(program, id, party, decision), id, status, "a proposed", "decided on");
        assertStatusConflict(call("POST", "/v1/matches/" + id + "/withdrawal", program.coordinator(), null), id,
            status, "a proposed", "withdrawn");
      }
      if (!status.equals("active")) {
        assertStatusConflict(close(program, id, "objectives_met", null, null), id, status, "an active", "closed");
      }
      assertEquals(before.get(id), match(program, id), "a refused step changed " + status);
    }
  }

  @Test
  void aProposalIsWithdrawnWithOrWithoutAReason() {
    String mentee = readyMentee(program, "Withdrawn");
    String mentor = readyMentor(program, "Withdrawn");
    String id = proposed(program, mentee, mentor, "one_on_one").get("id").asText();
    ApiClient.Response withdrawn = call("POST", "/v1/matches/" + id + "/withdrawal", program.coordinator(), null);
    assertEquals(200, withdrawn.status(), withdrawn.text());
    assertEquals("\"2\"", withdrawn.header("etag"));
    assertEquals("withdrawn", withdrawn.json().get("status").asText());
    assertEquals("withdrawn_by_coordinator", withdrawn.json().at("/ending/reason").asText());
    assertTrue(withdrawn.json().at("/ending/notes").isNull());
    assertEquals(keyId(program.coordinator()), withdrawn.json().at("/ending/recordedBy").asText());
    assertEquals(withdrawn.json(), match(program, id));

    String again = proposed(program, mentee, mentor, "one_on_one").get("id").asText();
    assertEquals(200, decide(program, again, "mentor", "accept").status());
    ApiClient.Response withReason = call("POST", "/v1/matches/" + again + "/withdrawal", program.admin(),
        Map.of("reason", "the mentor moved to Calgary"));
    assertEquals(200, withReason.status(), withReason.text());
    // The coordinator's words are kept as the ending's notes; the reason stays a fixed code.
    assertEquals("withdrawn_by_coordinator", withReason.json().at("/ending/reason").asText());
    assertEquals("the mentor moved to Calgary", withReason.json().at("/ending/notes").asText());
    assertEquals(keyId(program.admin()), withReason.json().at("/ending/recordedBy").asText());
    assertProblem(call("POST", "/v1/matches/" + again + "/withdrawal", program.admin(), Map.of("reason", " ")),
        "reason", "must not be blank");
    assertEquals("ready", participant(program, "mentees", mentee).get("status").asText());
    assertEquals(0, participant(program, "mentors", mentor).get("activeMentees").asInt());
    assertEquals(201, propose(program, mentee, mentor, "one_on_one").status());
  }

  // ---------------------------------------------------------------- access

  @Test
  void onlyStaffOfTheProgramSeeItsMatches() {
    String mentee = readyMentee(program, "Guarded");
    String id = proposed(program, mentee, readyMentor(program, "Guarded"), "one_on_one").get("id").asText();
    String notFound = "match " + id + " not found";
    assertError(call("GET", "/v1/matches/" + id, stranger.coordinator(), null), 404, "not_found", notFound);
    assertError(decide(stranger, id, "mentor", "accept"), 404, "not_found", notFound);
    assertError(close(stranger, id, "mismatch", null, null), 404, "not_found", notFound);
    assertError(call("POST", "/v1/matches/" + id + "/withdrawal", stranger.admin(), null), 404, "not_found",
        notFound);
    assertEquals(0, list(stranger, "/v1/matches?menteeId=" + mentee).size());
    assertEquals(404, call("GET", "/v1/mentees/" + mentee + "/suggestions", stranger.admin(), null).status());
    for (String key : List.of(program.partner(), TestTandem.OPERATOR_KEY)) {
      assertEquals(403, call("GET", "/v1/matches/" + id, key, null).status());
      assertEquals(403, call("GET", "/v1/matches", key, null).status());
      assertEquals(403, decide(new TestTandem.Program(program.id(), key, key, key), id, "mentor", "accept")
          .status());
      assertEquals(403, call("POST", "/v1/matching/runs", key, null).status());
      assertEquals(403, call("GET", "/v1/mentees/" + mentee + "/suggestions", key, null).status());
    }
    assertEquals(1, match(program, id).get("version").asLong());
  }

  // ---------------------------------------------------------------- lists

  @Test
  void matchesAreListedNewestFirstByStatusMentorAndMenteeInPages() {
    TestTandem.Program listed = tandem.onboard("matchlists", "pool");
    configure(listed);
    String t1 = readyMentor(listed, "Tom", Map.of("capacity", 5));
    String t2 = readyMentor(listed, "Tia");
    List<String> mentees = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      mentees.add(readyMentee(listed, "Eve" + i));
    }
    List<String> byT1 = new ArrayList<>();
    for (String mentee : mentees) {
      byT1.add(proposed(listed, mentee, t1, "group").get("id").asText());
    }
    String t2e1 = proposed(listed, mentees.get(0), t2, "one_on_one").get("id").asText();
    assertEquals(200, decide(listed, byT1.get(1), "mentor", "decline").status());
    acceptBoth(listed, byT1.get(2));
    assertEquals(200, call("POST", "/v1/matches/" + byT1.get(3) + "/withdrawal", listed.coordinator(), null)
        .status());
    List<String> all = new ArrayList<>(byT1);
    all.add(t2e1);

    PageWalk everything = walk(listed, "/v1/matches", 2);
    assertEquals(newestFirst(all), everything.ids());
    assertEquals(List.of(2, 2, 2), everything.pageSizes().subList(0, 3));
    assertTrue(everything.pageSizes().size() <= 4 && everything.pageSizes().stream().skip(3).allMatch(s -> s == 0),
        everything.pageSizes().toString());

    assertEquals(newestFirst(List.of(byT1.get(0), byT1.get(4), t2e1)),
        walk(listed, "/v1/matches?status=proposed", 2).ids());
    assertEquals(List.of(byT1.get(2)), walk(listed, "/v1/matches?status=active", 25).ids());
    assertEquals(List.of(byT1.get(1)), walk(listed, "/v1/matches?status=declined", 25).ids());
    assertEquals(List.of(byT1.get(3)), walk(listed, "/v1/matches?status=withdrawn", 25).ids());
    assertEquals(List.of(), walk(listed, "/v1/matches?status=closed", 25).ids());

    PageWalk ofT1 = walk(listed, "/v1/matches?mentorId=" + t1, 2);
    assertEquals(newestFirst(byT1), ofT1.ids());
    assertEquals(List.of(2, 2, 1), ofT1.pageSizes());
    assertEquals(List.of(t2e1), walk(listed, "/v1/matches?mentorId=" + t2, 25).ids());
    assertEquals(newestFirst(List.of(byT1.get(0), t2e1)),
        walk(listed, "/v1/matches?menteeId=" + mentees.get(0), 1).ids());
    assertEquals(newestFirst(List.of(byT1.get(0), byT1.get(4))),
        walk(listed, "/v1/matches?mentorId=" + t1 + "&status=proposed", 25).ids());
    assertEquals(List.of(t2e1), walk(listed, "/v1/matches?menteeId=" + mentees.get(0) + "&mentorId=" + t2, 25).ids());
    assertEquals(List.of(), walk(listed, "/v1/matches?menteeId=" + mentees.get(1) + "&status=proposed", 25).ids());

    // The items are the matches as GET shows them.
    JsonNode first = call("GET", "/v1/matches?mentorId=" + t1 + "&status=active", listed.coordinator(), null).json()
        .at("/items/0");
    assertEquals(byT1.get(2), first.get("id").asText());
    assertEquals("active", first.get("status").asText());
    assertEquals(match(listed, byT1.get(2)).get("startDate"), first.get("startDate"));

    assertProblem(call("GET", "/v1/matches?status=open", listed.coordinator(), null), "status",
        "must be one of proposed, active, declined, withdrawn, closed");
    assertProblem(call("GET", "/v1/matches?mentorId=" + mentees.get(0), listed.coordinator(), null), "mentorId",
        "is not a mentor id");
    assertProblem(call("GET", "/v1/matches?menteeId=" + t1, listed.coordinator(), null), "menteeId",
        "is not a mentee id");
    assertEquals(400, call("GET", "/v1/matches?limit=101", listed.coordinator(), null).status());
  }

  // ---------------------------------------------------------------- suggestions

  @Test
  void suggestionsRankReadyMentorsWithFreeSeatsBestFirstLeavingOutDeclinedAndExcluded() {
    TestTandem.Program suggesting = tandem.onboard("suggest", "pool");
    configure(suggesting);
    String mentee = readyMentee(suggesting, "Sasha");

    // Twelve candidates of known scores (the mentee: NOC 21300, NAICS 541330, Toronto ON, prefers
    // en and speaks ro, goals "Licensed civil engineer (P.Eng.)").
    Map<String, String> candidates = new LinkedHashMap<>();
    candidates.put("Titled", readyMentor(suggesting, "Titled", Map.of("jobTitle", "Civil engineer")));
    candidates.put("Twin", readyMentor(suggesting, "Twin"));
    candidates.put("Twain", readyMentor(suggesting, "Twain"));
    candidates.put("Minor", readyMentor(suggesting, "Minor", Map.of("nocCode", "21301")));
    candidates.put("Submajor", readyMentor(suggesting, "Submajor", Map.of("nocCode", "21310")));
    candidates.put("Industry", readyMentor(suggesting, "Industry", Map.of("naicsCode", "541310")));
    candidates.put("Ottawa", readyMentor(suggesting, "Ottawa", Map.of("city", "Ottawa")));
    candidates.put("Vancouver", readyMentor(suggesting, "Vancouver", Map.of("city", "Vancouver", "province", "BC")));
    candidates.put("Romanian", readyMentor(suggesting, "Romanian", Map.of("languages", List.of("ro", "fr"),
        "preferredLanguage", "fr")));
    candidates.put("Banker", readyMentor(suggesting, "Banker", Map.of("nocCode", "11100", "naicsCode", "522110")));
    candidates.put("Montreal", readyMentor(suggesting, "Montreal", Map.of("city", "Montreal", "province", "QC")));
    // Busy: as good as the twins, but one seat of two is taken; ranked after them.
    String busy = readyMentor(suggesting, "Busy");
    activate(suggesting, readyMentee(suggesting, "Other"), busy, "group");
    candidates.put("Busy", busy);

    // Left out: inactive, full, declined, on the exclusion list, already proposed, no shared
    // language (the program's hard filter), not ready.
    String inactive = readyMentor(suggesting, "Inactive");
    patchStatus(suggesting, "mentors", inactive, "inactive");
    String full = readyMentor(suggesting, "Full", Map.of("capacity", 1));
    activate(suggesting, readyMentee(suggesting, "Seated"), full, "one_on_one");
    String declined = readyMentor(suggesting, "Declined");
    String declinedMatch = proposed(suggesting, mentee, declined, "one_on_one").get("id").asText();
    assertEquals(200, decide(suggesting, declinedMatch, "mentee", "decline").status());
    String excluded = readyMentor(suggesting, "Excluded");
    assertEquals(200, call("PATCH", "/v1/mentees/" + mentee, suggesting.coordinator(),
        Map.of("excludedMentorIds", List.of(excluded))).status());
    String pending = readyMentor(suggesting, "Pending");
    proposed(suggesting, mentee, pending, "one_on_one");
    String francophone = readyMentor(suggesting, "Francophone", Map.of("languages", List.of("fr"),
        "preferredLanguage", "fr"));
    String eligible = tandem.createMentor(suggesting, "Eligible");
    screen(suggesting, "mentors", eligible);
    List<String> leftOut = List.of(inactive, full, declined, excluded, pending, francophone, eligible);

    // What the server must answer: every candidate scored as Scoring scores it, best first.
    ProgramSettings settings = settings(suggesting);
    Mentee asMentee = record(participant(suggesting, "mentees", mentee), Mentee.class);
    List<Expected> expected = new ArrayList<>();
    for (String id : candidates.values()) {
      Mentor mentor = record(participant(suggesting, "mentors", id), Mentor.class);
      Scoring.Score score = Scoring.score(settings, asMentee, mentor).orElseThrow();
      expected.add(new Expected(id, score, mentor.activeMentees()));
    }
    expected.sort(Comparator.comparingInt((Expected e) -> -e.score().total())
        .thenComparingInt(e -> -e.score().breakdown().getOrDefault("occupation", 0))
        .thenComparingInt(e -> -e.score().breakdown().getOrDefault("industry", 0))
        .thenComparingInt(Expected::activeMentees)
        .thenComparing(Expected::mentorId));

    ApiClient.Response answered = call("GET", "/v1/mentees/" + mentee + "/suggestions?limit=50",
        suggesting.coordinator(), null);
    assertEquals(200, answered.status(), answered.text());
    assertEquals(mentee, answered.json().get("menteeId").asText());
    JsonNode items = answered.json().get("items");
    assertEquals(expected.size(), items.size(), items.toString());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode item = items.get(i);
      assertEquals(expected.get(i).mentorId(), item.get("mentorId").asText(), "rank " + i + " of " + items);
      assertEquals(expected.get(i).score().total(), item.get("score").asInt());
      assertEquals(expected.get(i).score().breakdown(), breakdown(item.get("breakdown")));
      assertEquals(item.get("score").asInt(), sum(item.get("breakdown")));
      if (i > 0) {
        assertTrue(items.get(i - 1).get("score").asInt() >= item.get("score").asInt(), "best first");
      }
    }
    Set<String> suggested = new java.util.HashSet<>();
    items.forEach(item -> suggested.add(item.get("mentorId").asText()));
    leftOut.forEach(id -> assertFalse(suggested.contains(id), id + " should be left out"));

    // The scores themselves, worked out by hand for a few.
    Map<String, Integer> scoreOf = new HashMap<>();
    items.forEach(item -> scoreOf.put(item.get("mentorId").asText(), item.get("score").asInt()));
    assertEquals(93, scoreOf.get(candidates.get("Titled")), "85 + goals 2 of 4 words x 15");
    assertEquals(85, scoreOf.get(candidates.get("Twin")));
    assertEquals(75, scoreOf.get(candidates.get("Minor")), "occupation 0.75 x 40");
    assertEquals(65, scoreOf.get(candidates.get("Submajor")), "occupation 0.5 x 40");
    assertEquals(78, scoreOf.get(candidates.get("Industry")), "industry 4/6 x 20");
    assertEquals(80, scoreOf.get(candidates.get("Ottawa")), "location 0.5 x 10");
    assertEquals(78, scoreOf.get(candidates.get("Romanian")), "language 0.5 x 15");
    assertEquals(25, scoreOf.get(candidates.get("Banker")));
    assertEquals(candidates.get("Titled"), items.get(0).get("mentorId").asText());
    // Equal scores: the fewer active mentees first.
    List<String> order = expected.stream().map(Expected::mentorId).toList();
    assertTrue(order.indexOf(busy) > order.indexOf(candidates.get("Twin")));
    assertTrue(order.indexOf(busy) > order.indexOf(candidates.get("Twain")));
    assertEquals(Math.max(order.indexOf(candidates.get("Twin")), order.indexOf(candidates.get("Twain"))) + 1,
        order.indexOf(busy));

    // limit: the default is 10, and a limit takes the best that many.
    JsonNode byDefault = call("GET", "/v1/mentees/" + mentee + "/suggestions", suggesting.admin(), null).json();
    assertEquals(10, byDefault.get("items").size());
    for (int i = 0; i < 10; i++) {
      assertEquals(items.get(i), byDefault.get("items").get(i));
    }
    JsonNode three = call("GET", "/v1/mentees/" + mentee + "/suggestions?limit=3", suggesting.coordinator(), null)
        .json();
    assertEquals(3, three.get("items").size());
    for (int i = 0; i < 3; i++) {
      assertEquals(items.get(i), three.get("items").get(i));
    }
    for (String limit : List.of("0", "51", "ten")) {
      assertProblem(call("GET", "/v1/mentees/" + mentee + "/suggestions?limit=" + limit, suggesting.coordinator(),
          null), "limit", "must be a whole number between 1 and 50");
    }
    String unknown = "mte_" + "0".repeat(26);
    assertError(call("GET", "/v1/mentees/" + unknown + "/suggestions", suggesting.coordinator(), null), 404,
        "not_found", "mentee " + unknown + " not found");

    // A mentor who becomes full leaves the suggestions; one freed comes back.
    String twin = candidates.get("Twin");
    String seat = activate(suggesting, readyMentee(suggesting, "Filler1"), twin, "group").get("id").asText();
    activate(suggesting, readyMentee(suggesting, "Filler2"), twin, "group");
    assertFalse(suggestedIds(suggesting, mentee).contains(twin));
    assertEquals(200, close(suggesting, seat, "term_ended", null, null).status());
    assertTrue(suggestedIds(suggesting, mentee).contains(twin));
  }

  private record Expected(String mentorId, Scoring.Score score, int activeMentees) {}

  // ---------------------------------------------------------------- cohort runs

  @Test
  void aCohortRunProposesTheBestTotalWhereGreedyWouldNot() {
    TestTandem.Program cohort = tandem.onboard("cohort", "pool");
    put(cohort, Map.of("matchingWeights", Map.of("occupation", 50, "industry", 30, "language", 10, "location", 10),
        "formats", ALL_FORMATS));
    // Mentor X suits A best of all, but B nearly as well and only X; Y suits A fairly, B hardly.
    // Greedy gives A X (70) and B Y (10) = 80; the best is A Y (40) + B X (60) = 100.
    String x = readyMentor(cohort, "Xavier", Map.of("nocCode", "21231", "naicsCode", "111110", "city", "Vancouver",
        "province", "BC", "capacity", 1));
    String y = readyMentor(cohort, "Yara", Map.of("nocCode", "41200", "naicsCode", "541330", "capacity", 1));
    String a = readyMentee(cohort, "Alma", Map.of("nocCode", "21231", "naicsCode", "541330", "city", "Vancouver",
        "province", "BC"));
    String b = readyMentee(cohort, "Bruno", Map.of("nocCode", "21231", "naicsCode", "921190", "city", "Calgary",
        "province", "AB"));
    // C shares no language with any mentor (the program's hard filter); D suits both a little.
    String c = readyMentee(cohort, "Chloe", Map.of("languages", List.of("fr"), "preferredLanguage", "fr"));
    String d = readyMentee(cohort, "Dario", Map.of("nocCode", "64100", "naicsCode", "445110", "city", "Halifax",
        "province", "NS"));
    // Not ready, so not in a run over all ready people, however well they would score.
    String notReadyMentor = tandem.createMentor(cohort, "Zed");
    String notReadyMentee = tandem.createMentee(cohort, "Eligible");
    screen(cohort, "mentees", notReadyMentee);

    List<String> mentees = List.of(a, b, c, d);
    List<String> mentors = List.of(x, y);
    int[][] scores = scores(cohort, mentees, mentors);
    assertEquals(70, scores[0][0]);
    assertEquals(40, scores[0][1]);
    assertEquals(60, scores[1][0]);
    assertEquals(10, scores[1][1]);
    int best = bruteForce(scores, new int[] {1, 1});
    assertEquals(100, best);
    assertTrue(greedy(scores, new int[] {1, 1}) < best, "the case must be one greedy gets wrong");

    ApiClient.Response started = call("POST", "/v1/matching/runs", cohort.coordinator(), null);
    assertEquals(201, started.status(), started.text());
    JsonNode run = started.json();
    String runId = run.get("id").asText();
    assertTrue(runId.matches("run_[0-9a-hjkmnp-tv-z]{26}"), runId);
    assertEquals("/v1/matching/runs/" + runId, started.header("location"));
    assertEquals(4, run.get("menteesConsidered").asInt());
    assertEquals(2, run.get("mentorsConsidered").asInt());
    assertEquals(best, run.get("totalScore").asLong());
    Map<String, String> pairs = new TreeMap<>();
    long total = 0;
    for (JsonNode proposal : run.get("proposals")) {
      String mentee = proposal.get("menteeId").asText();
      String mentor = proposal.get("mentorId").asText();
      pairs.put(mentee, mentor);
      Scoring.Score score = score(cohort, mentee, mentor);
      assertEquals(score.total(), proposal.get("score").asInt());
      assertEquals(score.breakdown(), breakdown(proposal.get("breakdown")));
      assertEquals(proposal.get("score").asInt(), sum(proposal.get("breakdown")));
      total += proposal.get("score").asInt();
    }
    assertEquals(new TreeMap<>(Map.of(a, y, b, x)), pairs);
    assertEquals(best, total);
    Map<String, String> unmatched = new TreeMap<>();
    run.get("unmatched").forEach(u -> unmatched.put(u.get("menteeId").asText(), u.get("reason").asText()));
    assertEquals(new TreeMap<>(Map.of(
        c, "no mentor passes the program's hard filters and exclusions",
        d, "every suitable mentor's capacity went to pairs that together scored more")), unmatched);
    assertEquals(keyId(cohort.coordinator()), run.get("createdBy").asText());
    assertEquals(1, run.get("version").asLong());

    ApiClient.Response read = call("GET", "/v1/matching/runs/" + runId, cohort.admin(), null);
    assertEquals(200, read.status(), read.text());
    assertEquals(run, read.json());
    // A run proposes; it makes no match and moves nobody.
    assertEquals(0, list(cohort, "/v1/matches").size());
    assertEquals(0, participant(cohort, "mentors", x).get("activeMentees").asInt());
    assertEquals("ready", participant(cohort, "mentees", a).get("status").asText());

    // Named people: those not ready or unknown are said so; a mentor not ready is not considered.
    String unknown = "mte_" + "0".repeat(26);
    ApiClient.Response named = call("POST", "/v1/matching/runs", cohort.coordinator(),
        Map.of("menteeIds", List.of(a, notReadyMentee, unknown), "mentorIds", List.of(x, notReadyMentor)));
    assertEquals(201, named.status(), named.text());
    assertEquals(1, named.json().get("menteesConsidered").asInt());
    assertEquals(1, named.json().get("mentorsConsidered").asInt());
    assertEquals(70, named.json().get("totalScore").asInt());
    assertEquals(a, named.json().at("/proposals/0/menteeId").asText());
    assertEquals(x, named.json().at("/proposals/0/mentorId").asText());
    unmatched.clear();
    named.json().get("unmatched").forEach(u -> unmatched.put(u.get("menteeId").asText(), u.get("reason").asText()));
    assertEquals(new TreeMap<>(Map.of(notReadyMentee, "mentee is eligible, not ready", unknown, "no such mentee")),
        unmatched);
    assertProblem(call("POST", "/v1/matching/runs", cohort.coordinator(), Map.of("menteeIds", List.of(x))),
        "menteeIds", "must hold only mentee ids");
    assertProblem(call("POST", "/v1/matching/runs", cohort.coordinator(), Map.of("mentorIds", List.of())),
        "mentorIds", "must have between 1 and 2000 items");
    String unknownRun = "run_" + "0".repeat(26);
    assertError(call("GET", "/v1/matching/runs/" + unknownRun, cohort.admin(), null), 404, "not_found",
        "matching run " + unknownRun + " not found");
    assertEquals(404, call("GET", "/v1/matching/runs/" + runId, stranger.admin(), null).status());

    // A coordinator makes the run's proposals into matches, naming the run.
    ApiClient.Response fromRun = call("POST", "/v1/matches", cohort.coordinator(),
        Map.of("menteeId", a, "mentorId", y, "format", "one_on_one", "runId", runId));
    assertEquals(201, fromRun.status(), fromRun.text());
    assertEquals(runId, fromRun.json().get("runId").asText());
    assertEquals(40, fromRun.json().get("score").asInt());
    // A later run leaves out the pair now proposed.
    JsonNode later = call("POST", "/v1/matching/runs", cohort.coordinator(), null).json();
    assertEquals(4, later.get("menteesConsidered").asInt(), later.toString());
    for (JsonNode proposal : later.get("proposals")) {
      assertFalse(proposal.get("menteeId").asText().equals(a) && proposal.get("mentorId").asText().equals(y),
          later.toString());
    }
  }

  private static int[][] scores(TestTandem.Program in, List<String> mentees, List<String> mentors) {
    int[][] scores = new int[mentees.size()][mentors.size()];
    for (int i = 0; i < mentees.size(); i++) {
      for (int j = 0; j < mentors.size(); j++) {
        scores[i][j] = scoreIfAllowed(in, mentees.get(i), mentors.get(j)).map(Scoring.Score::total).orElse(-1);
      }
    }
    return scores;
  }

  /** The best total over every assignment (a mentee to no one or one mentor with a seat left); -1 is forbidden. */
  private static int bruteForce(int[][] scores, int[] capacities) {
    return bruteForce(scores, capacities.clone(), 0);
  }

  private static int bruteForce(int[][] scores, int[] left, int row) {
    if (row == scores.length) {
      return 0;
    }
    int best = bruteForce(scores, left, row + 1);
    for (int j = 0; j < left.length; j++) {
      if (scores[row][j] >= 0 && left[j] > 0) {
        left[j]--;
        best = Math.max(best, scores[row][j] + bruteForce(scores, left, row + 1));
        left[j]++;
      }
    }
    return best;
  }

  /** Highest-scoring pair first, while both are free. */
  private static int greedy(int[][] scores, int[] capacities) {
    List<int[]> pairs = new ArrayList<>();
    for (int i = 0; i < scores.length; i++) {
      for (int j = 0; j < scores[i].length; j++) {
        if (scores[i][j] >= 0) {
          pairs.add(new int[] {scores[i][j], i, j});
        }
      }
    }
    pairs.sort((p, q) -> q[0] - p[0]);
    int[] left = capacities.clone();
    boolean[] placed = new boolean[scores.length];
    int total = 0;
    for (int[] pair : pairs) {
      if (!placed[pair[1]] && left[pair[2]] > 0) {
        placed[pair[1]] = true;
        left[pair[2]]--;
        total += pair[0];
      }
    }
    return total;
  }

  // ---------------------------------------------------------------- helpers

  private static ApiClient.Response call(String method, String path, String key, Object body) {
    return tandem.api().call(method, path, key, body);
  }

  private static void configure(TestTandem.Program in) {
    put(in, Map.of("matchTermWeeks", TERM_WEEKS, "expectedMinutesPerWeek", MINUTES_PER_WEEK,
        "checkinIntervalDays", CHECKIN_DAYS, "matchingWeights", WEIGHTS, "formats", ALL_FORMATS));
  }

  private static void put(TestTandem.Program in, Map<String, Object> settings) {
    ApiClient.Response put = call("PUT", "/v1/program", in.admin(), settings);
    assertEquals(200, put.status(), put.text());
  }

  private static ProgramSettings settings(TestTandem.Program in) {
    return record(call("GET", "/v1/program", in.coordinator(), null).json(), ProgramSettings.class);
  }

  private static <T> T record(JsonNode json, Class<T> type) {
    try {
      return RECORDS.treeToValue(json, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError("does not read as " + type.getSimpleName() + ": " + json, e);
    }
  }

  private static Scoring.Score score(TestTandem.Program in, String mentee, String mentor) {
    return scoreIfAllowed(in, mentee, mentor).orElseThrow(() -> new AssertionError("a hard filter rules it out"));
  }

  private static Optional<Scoring.Score> scoreIfAllowed(TestTandem.Program in, String mentee, String mentor) {
    return Scoring.score(settings(in), record(participant(in, "mentees", mentee), Mentee.class),
        record(participant(in, "mentors", mentor), Mentor.class));
  }

  /** A mentee taken in, screened eligible and moved to ready; {@code changes} on top of the standard intake. */
  static String readyMentee(TestTandem.Program in, String name) {
    return readyMentee(in, name, Map.of());
  }

  static String readyMentee(TestTandem.Program in, String name, Map<String, Object> changes) {
    Map<String, Object> intake = TestTandem.menteeIntake(name);
    intake.putAll(changes);
    return ready(in, "mentees", intake);
  }

  static String readyMentor(TestTandem.Program in, String name) {
    return readyMentor(in, name, Map.of());
  }

  static String readyMentor(TestTandem.Program in, String name, Map<String, Object> changes) {
    Map<String, Object> intake = TestTandem.mentorIntake(name);
    intake.putAll(changes);
    return ready(in, "mentors", intake);
  }

  private static String ready(TestTandem.Program in, String collection, Map<String, Object> intake) {
    ApiClient.Response created = call("POST", "/v1/" + collection, in.coordinator(), intake);
    assertEquals(201, created.status(), created.text());
    String id = created.json().get("id").asText();
    screen(in, collection, id);
    patchStatus(in, collection, id, "ready");
    return id;
  }

  private static void screen(TestTandem.Program in, String collection, String id) {
    ApiClient.Response screened = call("POST", "/v1/" + collection + "/" + id + "/screening", in.coordinator(), null);
    assertEquals(200, screened.status(), screened.text());
    assertEquals("eligible", screened.json().get("status").asText(), screened.text());
  }

  private static void patchStatus(TestTandem.Program in, String collection, String id, String status) {
    ApiClient.Response moved = call("PATCH", "/v1/" + collection + "/" + id, in.coordinator(),
        Map.of("status", status));
    assertEquals(200, moved.status(), moved.text());
  }

  private static JsonNode participant(TestTandem.Program in, String collection, String id) {
    ApiClient.Response read = call("GET", "/v1/" + collection + "/" + id, in.coordinator(), null);
    assertEquals(200, read.status(), read.text());
    return read.json();
  }

  private static ApiClient.Response propose(TestTandem.Program in, String mentee, String mentor, String format) {
    return call("POST", "/v1/matches", in.coordinator(),
        Map.of("menteeId", mentee, "mentorId", mentor, "format", format));
  }

  private static JsonNode proposed(TestTandem.Program in, String mentee, String mentor, String format) {
    ApiClient.Response created = propose(in, mentee, mentor, format);
    assertEquals(201, created.status(), created.text());
    assertEquals("proposed", created.json().get("status").asText());
    return created.json();
  }

  private static ApiClient.Response decide(TestTandem.Program in, String matchId, String party, String decision) {
    return call("POST", "/v1/matches/" + matchId + "/decisions", in.coordinator(),
        Map.of("party", party, "decision", decision));
  }

  private static JsonNode acceptBoth(TestTandem.Program in, String matchId) {
    ApiClient.Response mentor = decide(in, matchId, "mentor", "accept");
    assertEquals(200, mentor.status(), mentor.text());
    ApiClient.Response mentee = decide(in, matchId, "mentee", "accept");
    assertEquals(200, mentee.status(), mentee.text());
    assertEquals("active", mentee.json().get("status").asText(), mentee.text());
    return mentee.json();
  }

  private static JsonNode activate(TestTandem.Program in, String mentee, String mentor, String format) {
    return acceptBoth(in, proposed(in, mentee, mentor, format).get("id").asText());
  }

  private static ApiClient.Response close(TestTandem.Program in, String matchId, String reason, String notes,
      List<String> nextContacts) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("reason", reason);
    if (notes != null) {
      body.put("notes", notes);
    }
    if (nextContacts != null) {
      body.put("nextContacts", nextContacts);
    }
    return call("POST", "/v1/matches/" + matchId + "/closure", in.coordinator(), body);
  }

  private static JsonNode match(TestTandem.Program in, String matchId) {
    ApiClient.Response read = call("GET", "/v1/matches/" + matchId, in.coordinator(), null);
    assertEquals(200, read.status(), read.text());
    return read.json();
  }

  private static List<JsonNode> list(TestTandem.Program in, String path) {
    return walk(in, path, 100).items();
  }

  private static Set<String> suggestedIds(TestTandem.Program in, String mentee) {
    JsonNode items = call("GET", "/v1/mentees/" + mentee + "/suggestions?limit=50", in.coordinator(), null).json()
        .get("items");
    Set<String> ids = new java.util.HashSet<>();
    items.forEach(item -> ids.add(item.get("mentorId").asText()));
    return ids;
  }

  /** Every page of a list. */
  private record PageWalk(List<JsonNode> items, List<String> ids, List<Integer> pageSizes) {}

  private static PageWalk walk(TestTandem.Program in, String path, int limit) {
    List<JsonNode> items = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    String cursor = null;
    do {
      String page = path + (path.contains("?") ? "&" : "?") + "limit=" + limit
          + (cursor == null ? "" : "&cursor=" + cursor);
      ApiClient.Response read = call("GET", page, in.coordinator(), null);
      assertEquals(200, read.status(), read.text());
      read.json().get("items").forEach(items::add);
      sizes.add(read.json().get("items").size());
      assertTrue(read.json().get("items").size() <= limit);
      cursor = read.json().get("nextCursor").isNull() ? null : read.json().get("nextCursor").asText();
      assertTrue(sizes.size() < 50, "the list does not end");
    } while (cursor != null);
    return new PageWalk(items, items.stream().map(i -> i.get("id").asText()).toList(), sizes);
  }

  private static List<String> newestFirst(List<String> ids) {
    return ids.stream().sorted(Comparator.reverseOrder()).toList();
  }

  private static void assertStatusConflict(ApiClient.Response response, String matchId, String status,
      String wanted, String verb) {
    assertError(response, 409, "conflict", "match " + matchId + " is " + status + "; only " + wanted
        + " match can be " + verb);
    assertEquals(json("[{\"field\": \"status\", \"problem\": \"is " + status + "\"}]"),
        response.json().at("/error/details"));
  }

  private static void assertParticipantConflict(ApiClient.Response response, String noun, String id, String status) {
    assertError(response, 409, "conflict", noun + " " + id + " is " + status + "; only a ready " + noun
        + " can be matched");
    assertEquals(json("[{\"field\": \"" + noun + "Id\", \"problem\": \"is " + status + "\"}]"),
        response.json().at("/error/details"));
  }

  private static Map<String, Integer> breakdown(JsonNode node) {
    Map<String, Integer> map = new LinkedHashMap<>();
    node.fields().forEachRemaining(field -> map.put(field.getKey(), field.getValue().asInt()));
    return map;
  }

  private static int sum(JsonNode breakdown) {
    int total = 0;
    for (JsonNode points : breakdown) {
      assertTrue(points.isInt(), breakdown.toString());
      total += points.asInt();
    }
    return total;
  }

  private static Map<String, Long> nonZero(Map<String, Long> counters) {
    return counters.entrySet().stream().filter(e -> e.getValue() != 0)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static String keyId(String key) {
    return key.split("\\.")[2];
  }

  private static JsonNode json(String text) {
    try {
      return tandem.tandem().mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static {
    assertNotNull(tandem);
  }
}
