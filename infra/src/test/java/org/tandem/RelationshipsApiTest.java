package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.ApiAssertions.assertError;
import static org.tandem.support.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.local.ApiClient;
import org.tandem.support.TestTandem;

/**
 * The relationship after the match, end to end through the real handlers on DynamoDB Local: the
 * action plan, meetings against the target hours, check-ins and their follow-ups, closure with
 * the employment status at exit, outcomes at the checkpoints after it, certificates, and the
 * counters each write keeps for the reports.
 */
class RelationshipsApiTest {
  private static final TestTandem tandem = TestTandem.get();
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final String MONTH = "month#" + TODAY.toString().substring(0, 7);

  private static TestTandem.Program program;
  private static TestTandem.Program other;

  @BeforeAll
  static void onboard() {
    program = tandem.onboard("rel", "pool");
    other = tandem.onboard("relother", "pool");
    // The seeds' TRIEC shape: 24 hours over a four-month term (16 weeks of 90 minutes).
    ApiClient.Response put = call("PUT", "/v1/program", program.admin(), Map.of("matchTermWeeks", 16,
        "expectedMinutesPerWeek", 90, "checkinIntervalDays", 30, "outcomeFollowupMonths", List.of(3, 6, 12)));
    assertEquals(200, put.status(), put.text());
  }

  // ------------------------------------------------------------------ goals

  @Test
  void goalsMakeTheActionPlanAndTheirStatusesMoveTheMatchAndTheCounters() {
    TestTandem.Program in = tandem.onboard("goals", "pool");
    String match = activeMatch(in, "Goalie");
    String first = created(call("POST", "/v1/matches/" + match + "/goals", in.coordinator(),
        Map.of("title", "Pass the NPPE", "description", "Booked for February", "dueDate", "2027-02-15"))).get("id")
        .asText();
    String second = created(call("POST", "/v1/matches/" + match + "/goals", in.coordinator(),
        Map.of("title", "Three informational interviews"))).get("id").asText();
    String third = created(call("POST", "/v1/matches/" + match + "/goals", in.coordinator(),
        Map.of("title", "Learn Revit"))).get("id").asText();

    JsonNode noted = ok(call("PATCH", "/v1/matches/" + match + "/goals/" + first, in.coordinator(),
        Map.of("status", "in_progress", "note", "Two practice tests a week.", "noteAuthor", "mentee")));
    assertEquals("in_progress", noted.get("status").asText());
    assertEquals("mentee", noted.at("/notes/0/author").asText());
    assertEquals("Two practice tests a week.", noted.at("/notes/0/text").asText());
    assertFalse(noted.at("/notes/0/recordedBy").asText().isEmpty(), "the key that wrote the note is kept");
    JsonNode achieved = ok(call("PATCH", "/v1/matches/" + match + "/goals/" + first, in.coordinator(),
        Map.of("status", "achieved"), Map.of("if-match", "2")));
    assertEquals(TODAY.toString(), achieved.get("achievedOn").asText());
    assertEquals(3, achieved.get("version").asInt());
    ok(call("PATCH", "/v1/matches/" + match + "/goals/" + third, in.coordinator(), Map.of("status", "dropped")));

    JsonNode progress = ok(call("GET", "/v1/matches/" + match, in.coordinator(), null)).get("progress");
    assertEquals(2, progress.get("goalsTotal").asInt(), "a dropped goal leaves the plan");
    assertEquals(1, progress.get("goalsAchieved").asInt());
    assertEquals(Map.of("goal_achieved", 1L, "goal_dropped", 1L, "goal_open", 1L),
        nonZero(tandem.counters(in, "pool", "goals")));
    Map<String, Long> month = nonZero(tandem.counters(in, "pool", MONTH));
    assertEquals(3L, month.get("goals_set"));
    assertEquals(1L, month.get("goals_achieved"));
    assertEquals(1L, month.get("goals_dropped"));

    // Back from achieved: the counters and the match follow.
    ok(call("PATCH", "/v1/matches/" + match + "/goals/" + first, in.coordinator(), Map.of("status", "in_progress")));
    assertEquals(Map.of("goal_dropped", 1L, "goal_in_progress", 1L, "goal_open", 1L),
        nonZero(tandem.counters(in, "pool", "goals")));
    assertFalse(nonZero(tandem.counters(in, "pool", MONTH)).containsKey("goals_achieved"));
    assertEquals(0, ok(call("GET", "/v1/matches/" + match, in.coordinator(), null)).at("/progress/goalsAchieved")
        .asInt());

    JsonNode listed = ok(call("GET", "/v1/matches/" + match + "/goals?limit=2", in.coordinator(), null));
    assertEquals(List.of(first, second), ids(listed));
    JsonNode rest = ok(call("GET", "/v1/matches/" + match + "/goals?limit=2&cursor=" + listed.get("nextCursor")
        .asText(), in.coordinator(), null));
    assertEquals(List.of(third), ids(rest));
  }

  @Test
  void aGoalChangeIsCheckedAndAStaleVersionIsRefused() {
    String match = activeMatch(program, "Stale");
    String goal = created(call("POST", "/v1/matches/" + match + "/goals", program.coordinator(),
        Map.of("title", "Update the resume"))).get("id").asText();
    String path = "/v1/matches/" + match + "/goals/" + goal;
    assertError(call("PATCH", path, program.coordinator(), Map.of("status", "done")), 400, "validation_failed",
        null);
    assertProblem(call("PATCH", path, program.coordinator(), Map.of("status", "done")), "status",
        "must be one of open, in_progress, achieved, dropped");
    assertProblem(call("PATCH", path, program.coordinator(), Map.of("noteAuthor", "mentor")), "noteAuthor",
        "only goes with a note");
    assertError(call("PATCH", path, program.coordinator(), Map.of("status", "achieved"), Map.of("if-match", "7")),
        412, "precondition_failed", null);
    assertError(call("PATCH", "/v1/matches/" + match + "/goals/gol_0000000000000000000000000z", program.coordinator(),
        Map.of("status", "achieved")), 404, "not_found", null);
    assertProblem(call("PATCH", "/v1/matches/" + match + "/goals/not-a-goal", program.coordinator(),
        Map.of("status", "achieved")), "goalId", "is not a goal id");
    assertProblem(call("POST", "/v1/matches/" + match + "/goals", program.coordinator(), Map.of("title", " ")),
        "title", "must not be blank");
    assertEquals("open", ok(call("GET", "/v1/matches/" + match + "/goals", program.coordinator(), null))
        .at("/items/0/status").asText(), "nothing refused was written");
  }

  // ------------------------------------------------------------------ meetings

  @Test
  void meetingsCountTowardTheTargetHoursAndTheMonthsCounters() {
    TestTandem.Program in = tandem.onboard("meet", "pool");
    call("PUT", "/v1/program", in.admin(), Map.of("matchTermWeeks", 16, "expectedMinutesPerWeek", 90));
    String match = activeMatch(in, "Meeter");
    created(call("POST", "/v1/matches/" + match + "/meetings", in.coordinator(),
        Map.of("date", TODAY.toString(), "minutes", 90, "mode", "in_person", "notes", "Resume review")));
    created(call("POST", "/v1/matches/" + match + "/meetings", in.coordinator(),
        Map.of("date", TODAY.toString(), "minutes", 45, "mode", "video")));

    JsonNode progress = ok(call("GET", "/v1/matches/" + match, in.coordinator(), null)).get("progress");
    assertEquals(24.0, progress.get("targetHours").asDouble(), "16 weeks x 90 minutes");
    assertEquals(2.25, progress.get("hoursMet").asDouble());
    assertEquals(2, progress.get("meetings").asInt());
    assertTrue(progress.get("onPace").asBoolean(), "on the first day any hours are on pace");
    Map<String, Long> month = nonZero(tandem.counters(in, "pool", MONTH));
    assertEquals(2L, month.get("meetings"));
    assertEquals(135L, month.get("meeting_minutes"));
    assertEquals(1L, month.get("meetings_in_person"));
    assertEquals(1L, month.get("meetings_video"));
    assertEquals(2, ok(call("GET", "/v1/matches/" + match + "/meetings", in.coordinator(), null)).get("items")
        .size());
  }

  @Test
  void aMeetingIsRefusedInTheFutureBeforeTheStartOrOnAMatchThatIsNotActive() {
    String match = activeMatch(program, "Refused");
    String path = "/v1/matches/" + match + "/meetings";
    assertProblem(call("POST", path, program.coordinator(), Map.of("date", TODAY.plusDays(1).toString(),
        "minutes", 60, "mode", "video")), "date", "must not be in the future");
    assertProblem(call("POST", path, program.coordinator(), Map.of("date", TODAY.minusDays(1).toString(),
        "minutes", 60, "mode", "video")), "date", "must not be before the match started on " + TODAY);
    assertProblem(call("POST", path, program.coordinator(), Map.of("date", TODAY.toString(), "minutes", 0,
        "mode", "video")), "minutes", "must be between 1 and 600");
    assertProblem(call("POST", path, program.coordinator(), Map.of("date", TODAY.toString(), "minutes", 60,
        "mode", "carrier_pigeon")), "mode", "must be one of in_person, video, phone");
    assertProblem(call("POST", path, program.coordinator(), Map.of("date", "2026-13-01", "minutes", 60,
        "mode", "video")), "date", null);
    String proposed = proposed(program, readyMentee(program, "Early"), readyMentor(program, "Early"));
    assertError(call("POST", "/v1/matches/" + proposed + "/meetings", program.coordinator(),
        Map.of("date", TODAY.toString(), "minutes", 60, "mode", "video")), 409, "conflict",
        "match " + proposed + " is proposed; only an active match can be given meetings");
    assertEquals(0, ok(call("GET", "/v1/matches/" + match, program.coordinator(), null)).at("/progress/meetings")
        .asInt());
  }

  // ------------------------------------------------------------------ check-ins and follow-ups

  @Test
  void checkInsCountSatisfactionBySideAndMoveTheNextCheckInFollowUp() {
    TestTandem.Program in = tandem.onboard("checkin", "pool");
    String match = activeMatch(in, "Checked");
    JsonNode followUps = ok(call("GET", "/v1/followups?before=" + TODAY.plusDays(31), in.coordinator(), null));
    assertEquals(1, followUps.get("items").size(), followUps.toString());
    assertEquals("checkin", followUps.at("/items/0/kind").asText());
    assertEquals(TODAY.plusDays(30).toString(), followUps.at("/items/0/dueDate").asText(),
        "the first check-in is due an interval after the start");
    assertEquals(0, ok(call("GET", "/v1/followups", in.coordinator(), null)).get("items").size(),
        "nothing is due today");

    created(call("POST", "/v1/matches/" + match + "/checkins", in.coordinator(),
        Map.of("respondent", "mentee", "satisfaction", 5, "onTrack", true, "comment", "Very helpful")));
    created(call("POST", "/v1/matches/" + match + "/checkins", in.coordinator(),
        Map.of("respondent", "mentor", "satisfaction", 3, "onTrack", false)));
    Map<String, Long> month = nonZero(tandem.counters(in, "pool", MONTH));
    assertEquals(1L, month.get("checkins_mentee"));
    assertEquals(1L, month.get("checkins_mentee_satisfied"));
    assertEquals(1L, month.get("checkins_mentee_satisfaction_5"));
    assertEquals(1L, month.get("checkins_mentee_on_track"));
    assertEquals(1L, month.get("checkins_mentor"));
    assertEquals(1L, month.get("checkins_mentor_satisfaction_3"));
    assertNull(month.get("checkins_mentor_satisfied"), "3 of 5 is not satisfied");
    assertNull(month.get("checkins_mentor_on_track"));

    JsonNode view = ok(call("GET", "/v1/matches/" + match, in.coordinator(), null));
    assertEquals(TODAY + "T00:00:00Z", view.at("/progress/lastCheckinAt").asText());
    assertEquals(TODAY.plusDays(30).toString(), view.at("/progress/nextCheckinDue").asText());
    assertProblem(call("POST", "/v1/matches/" + match + "/checkins", in.coordinator(),
        Map.of("respondent", "mentee", "satisfaction", 6, "onTrack", true)), "satisfaction", "must be between 1 and 5");
    assertProblem(call("POST", "/v1/matches/" + match + "/checkins", in.coordinator(),
        Map.of("respondent", "coordinator", "satisfaction", 4, "onTrack", true)), "respondent",
        "must be one of mentor, mentee");
    assertProblem(call("POST", "/v1/matches/" + match + "/checkins", in.coordinator(),
        Map.of("respondent", "mentee", "satisfaction", 4)), "onTrack", "is required");
    assertEquals(2, ok(call("GET", "/v1/matches/" + match + "/checkins", in.coordinator(), null)).get("items").size());
  }

  @Test
  void theDailyRunMakesWhatCameDueDueOnceAndCountsIt() throws Exception {
    TestTandem.Program in = tandem.onboard("daily", "silo");
    String match = activeMatch(in, "Daily");
    LocalDate day = TODAY.plusDays(30);
    JsonNode first = runFollowUps(day);
    assertEquals(1, madeDue(first, in.id()), first.toString());
    JsonNode listed = ok(call("GET", "/v1/followups?before=" + day.plusDays(1), in.coordinator(), null));
    assertEquals("due", listed.at("/items/0/status").asText());
    assertEquals(day.toString(), listed.at("/items/0/dueSince").asText());
    assertEquals(match, listed.at("/items/0/matchId").asText());
    assertEquals(0, madeDue(runFollowUps(day), in.id()), "a second run on the same day changes nothing");
    String dueMonth = "month#" + day.toString().substring(0, 7);
    assertEquals(1L, tandem.counters(in, "silo", dueMonth).get("followups_due_checkin"));

    // A check-in settles what was due: the next one is scheduled an interval on.
    created(call("POST", "/v1/matches/" + match + "/checkins", in.coordinator(),
        Map.of("respondent", "mentee", "satisfaction", 4, "onTrack", true)));
    JsonNode after = ok(call("GET", "/v1/followups?before=" + TODAY.plusDays(400), in.coordinator(), null));
    assertEquals(1, after.get("items").size());
    assertEquals("scheduled", after.at("/items/0/status").asText());
    assertEquals(TODAY.plusDays(30).toString(), after.at("/items/0/dueDate").asText());
    assertProblem(call("GET", "/v1/followups?before=soon", in.coordinator(), null), "before",
        "must be a date such as 2026-12-01");
    assertEquals(0, ok(call("GET", "/v1/followups?before=" + TODAY.plusDays(400), other.coordinator(), null))
        .get("items").size(), "another program sees none of them");
  }

  // ------------------------------------------------------------------ closure and outcomes

  @Test
  void aClosureWithTheEmploymentAtExitRecordsItAndSchedulesTheFollowUpMonths() {
    TestTandem.Program in = tandem.onboard("exit", "pool");
    call("PUT", "/v1/program", in.admin(), Map.of("outcomeFollowupMonths", List.of(3, 6, 12)));
    String mentee = readyMentee(in, "Leaving");
    String match = activate(in, mentee, readyMentor(in, "Leaving"));
    Map<String, Object> employment = new LinkedHashMap<>();
    employment.put("status", "employed");
    employment.put("employer", "Bow River Structures");
    employment.put("jobTitle", "Structural EIT");
    employment.put("nocCode", "21301");
    employment.put("dateEmployed", TODAY.toString());
    JsonNode closed = ok(call("POST", "/v1/matches/" + match + "/closure", in.coordinator(),
        Map.of("reason", "objectives_met", "employmentAtExit", employment)));
    assertEquals("closed", closed.get("status").asText());

    JsonNode outcomes = ok(call("GET", "/v1/mentees/" + mentee + "/outcomes", in.coordinator(), null));
    assertEquals(1, outcomes.get("items").size());
    JsonNode exit = outcomes.at("/items/0");
    assertEquals("exit", exit.get("checkpoint").asText());
    assertEquals("employed_in_field", exit.get("status").asText(), "21301 shares the minor group of 21300");
    assertEquals("21300", exit.get("targetNocCode").asText());
    assertEquals(0, exit.get("daysToEmployment").asInt());

    JsonNode followUps = ok(call("GET", "/v1/followups?before=" + TODAY.plusYears(2), in.coordinator(), null));
    List<String> due = new ArrayList<>();
    followUps.get("items").forEach(f -> due.add(f.get("checkpoint").asText() + "@" + f.get("dueDate").asText()));
    assertEquals(List.of("3_months@" + TODAY.plusMonths(3), "6_months@" + TODAY.plusMonths(6),
        "12_months@" + TODAY.plusMonths(12)), due, "the check-in follow-up went with the closure; exit was recorded");

    Map<String, Long> month = nonZero(tandem.counters(in, "pool", MONTH));
    assertEquals(1L, month.get("matches_started"));
    assertEquals(1L, month.get("matches_closed"));
    assertEquals(1L, month.get("matches_closed_objectives_met"));
    assertEquals(1L, month.get("outcomes_exit"));
    assertEquals(1L, month.get("outcomes_exit_employed_in_field"));
    assertEquals(1L, month.get("employments"));
    assertEquals(1L, month.get("employment_days_0"));
    assertEquals(Map.of("match_closed", 1L), nonZero(tandem.counters(in, "pool", "matches")));
  }

  @Test
  void anOutcomeIsDecidedByTheNocCodesAndACorrectionMovesItsCounts() {
    TestTandem.Program in = tandem.onboard("outcome", "pool");
    String mentee = readyMentee(in, "Outcome");
    String match = activate(in, mentee, readyMentor(in, "Outcome"));
    ok(call("POST", "/v1/matches/" + match + "/closure", in.coordinator(), Map.of("reason", "term_ended")));
    JsonNode due = ok(call("GET", "/v1/followups", in.coordinator(), null));
    assertEquals("exit", due.at("/items/0/checkpoint").asText(), "the exit outcome is due on the day of closure");

    String path = "/v1/mentees/" + mentee + "/outcomes";
    assertProblem(call("POST", path, in.coordinator(), Map.of("checkpoint", "exit", "status", "employed",
        "dateEmployed", TODAY.toString())), "nocCode",
        "is required for an employed status: the job's NOC code decides whether it is in the mentee's field");
    assertProblem(call("POST", path, in.coordinator(), Map.of("checkpoint", "exit", "status", "employed_in_field",
        "nocCode", "11100", "dateEmployed", TODAY.toString())), "status",
        "is employed_in_field, but a job in NOC 11100 against the target NOC 21300 is employed_other;"
            + " send employed to let the codes decide");
    assertProblem(call("POST", path, in.coordinator(), Map.of("checkpoint", "exit", "status", "in_school",
        "employer", "SAIT")), "employer", "only goes with an employed status, not in_school");
    assertProblem(call("POST", path, in.coordinator(), Map.of("checkpoint", "4_months", "status", "seeking")),
        "checkpoint", "must be exit or one of the program's follow-up points: exit, 3_months, 6_months, 12_months");
    assertProblem(call("POST", path, in.coordinator(), Map.of("checkpoint", "later", "status", "seeking")),
        "checkpoint", "must be exit or a number of months such as 3_months");
    assertError(call("POST", path, in.coordinator(), Map.of("checkpoint", "3_months", "status", "seeking")), 409,
        "conflict", "checkpoint 3_months of match " + match + " falls on " + TODAY.plusMonths(3)
            + "; it can be recorded from " + TODAY.plusMonths(3).minusDays(30));

    ApiClient.Response seeking = call("POST", path, in.coordinator(), Map.of("checkpoint", "exit", "status",
        "seeking"));
    assertEquals(201, seeking.status(), seeking.text());
    assertEquals(0, ok(call("GET", "/v1/followups", in.coordinator(), null)).get("items").size(),
        "recording the exit settled its follow-up");
    ApiClient.Response corrected = call("POST", path, in.coordinator(), Map.of("checkpoint", "exit",
        "status", "employed", "nocCode", "22300", "employer", "Civil Works Ltd", "dateEmployed", TODAY.toString()),
        Map.of("if-match", "1"));
    assertEquals(200, corrected.status(), "answering a checkpoint again corrects it: " + corrected.text());
    assertEquals(2, corrected.json().get("version").asInt());
    assertEquals("employed_related", corrected.json().get("status").asText(),
        "22300, a civil engineering technologist, is in the broad category of 21300");
    Map<String, Long> month = nonZero(tandem.counters(in, "pool", MONTH));
    assertEquals(1L, month.get("outcomes_exit"), "a correction is not a second outcome");
    assertEquals(1L, month.get("outcomes_exit_employed_related"));
    assertNull(month.get("outcomes_exit_seeking"));
    assertEquals(1L, month.get("employments"));
    assertError(call("POST", path, in.coordinator(), Map.of("checkpoint", "exit", "status", "unknown"),
        Map.of("if-match", "1")), 412, "precondition_failed", null);

    // Three months on, the next checkpoint is open; the employment is not counted twice.
    ApiClient.Response later = tandem.apiAt(Clock.offset(Clock.systemUTC(), Duration.ofDays(80)))
        .call("POST", path, in.coordinator(), Map.of("checkpoint", "3_months", "status", "employed",
            "nocCode", "21300", "dateEmployed", TODAY.plusDays(70).toString()));
    assertEquals(201, later.status(), later.text());
    assertEquals("employed_in_field", later.json().get("status").asText());
    String laterMonth = "month#" + TODAY.plusMonths(3).toString().substring(0, 7);
    Map<String, Long> then = nonZero(tandem.counters(in, "pool", laterMonth));
    assertEquals(1L, then.get("outcomes_3_months_employed_in_field"));
    assertNull(then.get("employments"), "the match's first employment was at exit");

    // The exit corrected to seeking: the first employment goes with it from the histogram.
    ok(call("POST", path, in.coordinator(), Map.of("checkpoint", "exit", "status", "seeking")));
    assertNull(nonZero(tandem.counters(in, "pool", MONTH)).get("employments"));
    assertNull(nonZero(tandem.counters(in, "pool", MONTH)).get("employment_days_0"));
    assertEquals(2, ok(call("GET", path, in.coordinator(), null)).get("items").size());
  }

  @Test
  void outcomesNeedAClosedMatchOfThatMentee() {
    String mentee = readyMentee(program, "NotYet");
    String match = activate(program, mentee, readyMentor(program, "NotYet"));
    String path = "/v1/mentees/" + mentee + "/outcomes";
    assertError(call("POST", path, program.coordinator(), Map.of("checkpoint", "exit", "status", "seeking")), 409,
        "conflict", "mentee " + mentee + " has no closed match; outcomes are recorded at exit and after");
    assertError(call("POST", path, program.coordinator(), Map.of("checkpoint", "exit", "status", "seeking",
        "matchId", match)), 409, "conflict", "match " + match + " is active; outcomes are recorded once a match is closed");
    String someoneElse = readyMentee(program, "SomeoneElse");
    assertError(call("POST", "/v1/mentees/" + someoneElse + "/outcomes", program.coordinator(),
        Map.of("checkpoint", "exit", "status", "seeking", "matchId", match)), 404, "not_found", null);
    assertProblem(call("POST", path, program.coordinator(), Map.of("checkpoint", "exit", "status", "retired")),
        "status", "must be one of employed, employed_in_field, employed_related, employed_other, in_school, seeking,"
            + " unknown");
    assertError(call("GET", path, other.coordinator(), null), 404, "not_found", null);
  }

  @Test
  void aMismatchKeepsTheMenteeInTheProgramSoNoExitIsRecordedOrFollowedUp() {
    TestTandem.Program in = tandem.onboard("mismatch", "pool");
    String match = activeMatch(in, "Mismatch");
    ApiClient.Response refused = call("POST", "/v1/matches/" + match + "/closure", in.coordinator(),
        Map.of("reason", "mismatch", "employmentAtExit", Map.of("status", "seeking")));
    assertProblem(refused, "employmentAtExit", null);
    assertEquals("active", ok(call("GET", "/v1/matches/" + match, in.coordinator(), null)).get("status").asText());
    ok(call("POST", "/v1/matches/" + match + "/closure", in.coordinator(), Map.of("reason", "mismatch")));
    assertEquals(0, ok(call("GET", "/v1/followups?before=" + TODAY.plusYears(2), in.coordinator(), null))
        .get("items").size());
  }

  // ------------------------------------------------------------------ certificates

  @Test
  void aCompletedMatchHasACertificateNamingThePeopleTheProgramTheDatesAndTheHours() throws Exception {
    String mentee = readyMentee(program, "Certified");
    String mentor = readyMentor(program, "Certified");
    String match = activate(program, mentee, mentor);
    created(call("POST", "/v1/matches/" + match + "/meetings", program.coordinator(),
        Map.of("date", TODAY.toString(), "minutes", 90, "mode", "in_person")));
    assertError(call("GET", "/v1/matches/" + match + "/certificate", program.coordinator(), null), 409, "conflict",
        "match " + match + " is active; a certificate is for a match closed as objectives_met or term_ended");
    ok(call("POST", "/v1/matches/" + match + "/closure", program.coordinator(), Map.of("reason", "objectives_met")));

    ApiClient.Response pdf = call("GET", "/v1/matches/" + match + "/certificate", program.coordinator(), null);
    assertEquals(200, pdf.status(), pdf.text());
    assertEquals("application/pdf", pdf.header("content-type"));
    assertEquals("en", pdf.header("content-language"));
    assertTrue(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
    String text = text(pdf.body());
    assertTrue(text.contains("Certified Popescu"), text);
    assertTrue(text.contains("Certified Whitfield"), text);
    assertTrue(text.contains("Program " + program.id()), text);
    assertTrue(text.contains("1.5 hours"), text);

    ApiClient.Response french = call("GET", "/v1/matches/" + match + "/certificate?lang=fr", program.coordinator(),
        null);
    assertEquals("fr", french.header("content-language"));
    assertTrue(text(french.body()).contains("1,5 heure"), text(french.body()));
    assertProblem(call("GET", "/v1/matches/" + match + "/certificate?lang=de", program.coordinator(), null), "lang",
        "must be en or fr");
    assertError(call("GET", "/v1/matches/" + match + "/certificate", other.coordinator(), null), 404, "not_found",
        null);
  }

  @Test
  void aFrancophoneMenteesCertificateIsInFrenchAndAnErasedMenteeHasNone() throws Exception {
    String mentee = readyMentee(program, "Josée", Map.of("preferredLanguage", "fr", "languages", List.of("fr", "en")));
    String match = activate(program, mentee, readyMentor(program, "Francois",
        Map.of("languages", List.of("fr", "en"))));
    ok(call("POST", "/v1/matches/" + match + "/closure", program.coordinator(), Map.of("reason", "term_ended")));
    ApiClient.Response pdf = call("GET", "/v1/matches/" + match + "/certificate", program.coordinator(), null);
    assertEquals(200, pdf.status(), pdf.text());
    assertEquals("fr", pdf.header("content-language"));
    assertTrue(text(pdf.body()).contains("Josée Popescu"), text(pdf.body()));

    assertEquals(204, call("DELETE", "/v1/participants/" + mentee, program.admin(), null).status());
    assertError(call("GET", "/v1/matches/" + match + "/certificate", program.coordinator(), null), 409, "conflict",
        "the personal data of match " + match + "'s mentee was erased; no certificate can name them");
  }

  // ------------------------------------------------------------------ a person's rights

  @Test
  void theExportHoldsWhatWasWrittenInThePersonsMatchesAndErasureBlanksItKeepingTheCounts() {
    TestTandem.Program in = tandem.onboard("privacy", "pool");
    String mentee = readyMentee(in, "Private");
    String mentor = readyMentor(in, "Private");
    String match = activate(in, mentee, mentor);
    String goal = created(call("POST", "/v1/matches/" + match + "/goals", in.coordinator(),
        Map.of("title", "Pass the NPPE", "description", "After the baby is born in March"))).get("id").asText();
    ok(call("PATCH", "/v1/matches/" + match + "/goals/" + goal, in.coordinator(),
        Map.of("note", "Worried about the exam fee", "noteAuthor", "mentee")));
    created(call("POST", "/v1/matches/" + match + "/meetings", in.coordinator(),
        Map.of("minutes", 60, "mode", "phone", "notes", "Talked about her visa renewal")));
    created(call("POST", "/v1/matches/" + match + "/checkins", in.coordinator(),
        Map.of("respondent", "mentee", "satisfaction", 5, "onTrack", true, "comment", "My mentor is kind")));
    ok(call("POST", "/v1/matches/" + match + "/closure", in.coordinator(), Map.of("reason", "objectives_met",
        "employmentAtExit", Map.of("status", "employed", "nocCode", "21300", "employer", "Prairie Bridges",
            "jobTitle", "EIT", "dateEmployed", TODAY.toString()))));

    JsonNode held = ok(call("GET", "/v1/participants/" + mentee + "/export", in.admin(), null)).get("relationships");
    assertEquals(match, held.at("/matches/0/id").asText());
    assertEquals("Worried about the exam fee", held.at("/goals/0/notes/0/text").asText());
    assertEquals("Talked about her visa renewal", held.at("/meetings/0/notes").asText());
    assertEquals("My mentor is kind", held.at("/checkins/0/comment").asText());
    assertEquals("Prairie Bridges", held.at("/outcomes/0/employer").asText());
    assertEquals(match, ok(call("GET", "/v1/participants/" + mentor + "/export", in.admin(), null))
        .at("/relationships/matches/0/id").asText(), "the mentor's export holds the match too");

    Map<String, Long> before = tandem.counters(in, "pool", MONTH);
    assertEquals(204, call("DELETE", "/v1/participants/" + mentee, in.admin(), null).status());
    JsonNode erased = ok(call("GET", "/v1/participants/" + mentee + "/export", in.admin(), null)).get("relationships");
    assertTrue(erased.at("/goals/0/description").isNull());
    assertTrue(erased.at("/goals/0/notes/0/text").isNull());
    assertEquals("Pass the NPPE", erased.at("/goals/0/title").asText());
    assertTrue(erased.at("/meetings/0/notes").isNull());
    assertEquals(60, erased.at("/meetings/0/minutes").asInt());
    assertTrue(erased.at("/checkins/0/comment").isNull());
    assertEquals(5, erased.at("/checkins/0/satisfaction").asInt());
    assertTrue(erased.at("/outcomes/0/employer").isNull());
    assertTrue(erased.at("/outcomes/0/jobTitle").isNull());
    assertEquals("employed_in_field", erased.at("/outcomes/0/status").asText());
    assertEquals(before, tandem.counters(in, "pool", MONTH), "the counts stay");
  }

  // ------------------------------------------------------------------ isolation

  @Test
  void anotherProgramsKeySeesNothingOfAMatchsRecords() {
    String match = activeMatch(program, "Private");
    created(call("POST", "/v1/matches/" + match + "/goals", program.coordinator(), Map.of("title", "Private goal")));
    for (String path : List.of("/goals", "/meetings", "/checkins", "/certificate")) {
      assertError(call("GET", "/v1/matches/" + match + path, other.coordinator(), null), 404, "not_found",
          "match " + match + " not found");
    }
    assertError(call("POST", "/v1/matches/" + match + "/goals", other.coordinator(), Map.of("title", "Intrusion")),
        404, "not_found", "match " + match + " not found");
    assertEquals(1, ok(call("GET", "/v1/matches/" + match + "/goals", program.coordinator(), null)).get("items")
        .size());
  }

  @Test
  void beforeASnapshotTheFunctionServesARequestAndRendersACertificateInEachLanguage() {
    var handler = new org.tandem.functions.relationships.RelationshipsHandler(
        org.tandem.functions.relationships.RelationshipsComponent.create(tandem.tandem().config()));
    handler.beforeCheckpoint(null);
  }

  // ------------------------------------------------------------------ helpers

  static JsonNode runFollowUps(LocalDate day) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String event = "{\"version\":\"0\",\"detail-type\":\"Scheduled Event\",\"source\":\"aws.scheduler\","
        + "\"time\":\"" + day + "T06:00:00Z\",\"detail\":{}}";
    tandem.tandem().functions().followups().handleRequest(
        new java.io.ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return tandem.tandem().mapper().readTree(out.toByteArray());
  }

  static int madeDue(JsonNode result, String tenantId) {
    for (JsonNode tenant : result.get("perTenant")) {
      if (tenant.get("tenantId").asText().equals(tenantId)) {
        return tenant.get("madeDue").asInt();
      }
    }
    throw new AssertionError("the run did not reach " + tenantId + ": " + result);
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }
  }

  private static Map<String, Long> nonZero(Map<String, Long> counters) {
    Map<String, Long> out = new TreeMap<>();
    counters.forEach((name, value) -> {
      if (value != 0) {
        out.put(name, value);
      }
    });
    return out;
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }

  static ApiClient.Response call(String method, String path, String key, Object body) {
    return tandem.api().call(method, path, key, body);
  }

  static ApiClient.Response call(String method, String path, String key, Object body, Map<String, String> headers) {
    return tandem.api().call(method, path, key, body, headers);
  }

  static JsonNode ok(ApiClient.Response response) {
    assertEquals(200, response.status(), response.text());
    return response.json();
  }

  static JsonNode created(ApiClient.Response response) {
    assertEquals(201, response.status(), response.text());
    return response.json();
  }

  static String readyMentee(TestTandem.Program in, String name) {
    return MatchingApiTest.readyMentee(in, name);
  }

  static String readyMentee(TestTandem.Program in, String name, Map<String, Object> changes) {
    return MatchingApiTest.readyMentee(in, name, changes);
  }

  static String readyMentor(TestTandem.Program in, String name) {
    return MatchingApiTest.readyMentor(in, name);
  }

  static String readyMentor(TestTandem.Program in, String name, Map<String, Object> changes) {
    return MatchingApiTest.readyMentor(in, name, changes);
  }

  static String proposed(TestTandem.Program in, String mentee, String mentor) {
    return created(call("POST", "/v1/matches", in.coordinator(),
        Map.of("menteeId", mentee, "mentorId", mentor, "format", "one_on_one"))).get("id").asText();
  }

  static String activate(TestTandem.Program in, String mentee, String mentor) {
    String match = proposed(in, mentee, mentor);
    ok(call("POST", "/v1/matches/" + match + "/decisions", in.coordinator(),
        Map.of("party", "mentor", "decision", "accept")));
    JsonNode active = ok(call("POST", "/v1/matches/" + match + "/decisions", in.coordinator(),
        Map.of("party", "mentee", "decision", "accept")));
    assertEquals("active", active.get("status").asText());
    assertEquals(TODAY.toString(), active.get("startDate").asText());
    assertEquals(0, ChronoUnit.DAYS.between(TODAY, LocalDate.parse(active.get("startDate").asText())));
    return match;
  }

  static String activeMatch(TestTandem.Program in, String name) {
    return activate(in, readyMentee(in, name), readyMentor(in, name));
  }
}
