package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.support.ApiAssertions.assertError;
import static org.tandem.support.ApiAssertions.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.local.ApiClient;
import org.tandem.local.LocalTandem;
import org.tandem.support.Race;
import org.tandem.support.TestTandem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Program events end to end through the gateway: creating, reading and listing them (by date
 * range, by kind), recording who attended, a person's events on their record, the counts on the
 * event and the month's counters that reports read, bad input, isolation, capacity and races.
 */
class EventsApiTest {
  private static final TestTandem tandem = TestTandem.get();
  private static final int THREADS = 16;
  private static final String NO_MENTEE = "mte_" + "0".repeat(26);
  private static final String NO_EVENT = "evt_" + "0".repeat(26);
  private static ExecutorService pool;
  private static TestTandem.Program program;
  private static TestTandem.Program stranger;

  @BeforeAll
  static void start() {
    pool = Executors.newFixedThreadPool(THREADS);
    program = tandem.onboard("events", "pool");
    stranger = tandem.onboard("eventstranger", "pool");
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  // ---------------------------------------------------------------- events

  @Test
  void anEventIsCreatedReadAndCountedInItsMonth() {
    TestTandem.Program counted = tandem.onboard("eventcount", "pool");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("kind", "workshop");
    body.put("title", "  Interview skills for internationally trained engineers ");
    body.put("description", "Behavioural interview practice with hiring managers.");
    body.put("date", "2026-03-12");
    body.put("startTime", "18:00");
    body.put("durationMinutes", 120);
    body.put("location", "CRIEC, 1010 8 Ave SW, Calgary");
    body.put("online", false);
    body.put("language", "en");
    body.put("capacity", 40);

    ApiClient.Response created = call("POST", "/v1/events", counted.coordinator(), body);

    assertEquals(201, created.status(), created.text());
    JsonNode event = created.json();
    String id = event.get("id").asText();
    assertTrue(id.matches("evt_[0-9a-hjkmnp-tv-z]{26}"), id);
    assertEquals("/v1/events/" + id, created.header("location"));
    assertEquals("\"1\"", created.header("etag"));
    assertEquals("workshop", event.get("kind").asText());
    assertEquals("Interview skills for internationally trained engineers", event.get("title").asText());
    assertEquals("2026-03-12", event.get("date").asText());
    assertEquals("18:00", event.get("startTime").asText());
    assertEquals(120, event.get("durationMinutes").asInt());
    assertEquals("CRIEC, 1010 8 Ave SW, Calgary", event.get("location").asText());
    assertFalse(event.get("online").asBoolean());
    assertEquals("en", event.get("language").asText());
    assertTrue(event.get("matchId").isNull());
    assertEquals(40, event.get("capacity").asInt());
    for (String count : List.of("attendeeCount", "menteesAttended", "mentorsAttended")) {
      assertEquals(0, event.get(count).asInt(), count);
    }
    assertEquals(keyId(counted.coordinator()), event.get("createdBy").asText());
    assertEquals(event.get("createdAt"), event.get("updatedAt"));
    assertEquals(1, event.get("version").asLong());

    ApiClient.Response read = call("GET", "/v1/events/" + id, counted.admin(), null);
    assertEquals(200, read.status(), read.text());
    assertEquals(event, read.json());
    assertEquals("\"1\"", read.header("etag"));
    assertEquals(Map.of("events", 1L, "events_workshop", 1L), month(counted, "pool", "2026-03"));

    // Only kind, title and date are needed.
    JsonNode plain = created(counted, Map.of("kind", "wrap_up", "title", "Cohort wrap-up", "date", "2026-03-30"));
    assertFalse(plain.get("online").asBoolean());
    for (String field : List.of("description", "startTime", "durationMinutes", "location", "language", "matchId",
        "capacity")) {
      assertTrue(plain.get(field).isNull(), field + " in " + plain);
    }
    assertEquals(Map.of("events", 2L, "events_workshop", 1L, "events_wrap_up", 1L),
        month(counted, "pool", "2026-03"));
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyCreatesNothingMore() {
    TestTandem.Program retried = tandem.onboard("eventretry", "pool");
    Map<String, Object> body = Map.of("kind", "panel", "title", "Employers' panel", "date", "2026-04-02");
    Map<String, String> key = Map.of("idempotency-key", "panel-2026-04-02");

    ApiClient.Response first = tandem.api().call("POST", "/v1/events", retried.coordinator(), body, key);
    ApiClient.Response again = tandem.api().call("POST", "/v1/events", retried.coordinator(), body, key);

    assertEquals(201, first.status(), first.text());
    assertEquals(201, again.status(), again.text());
    assertEquals("true", again.header("idempotent-replayed"));
    assertEquals(first.json(), again.json());
    assertEquals(1, list(retried, "/v1/events").size());
    assertEquals(Map.of("events", 1L, "events_panel", 1L), month(retried, "pool", "2026-04"));
    Map<String, Object> other = Map.of("kind", "panel", "title", "Another panel", "date", "2026-04-02");
    assertError(tandem.api().call("POST", "/v1/events", retried.coordinator(), other, key), 409, "conflict", null);
  }

  @Test
  void eventsAreListedLatestDateFirstByDateRangeAndByKind() {
    TestTandem.Program listed = tandem.onboard("eventlist", "pool");
    String early = createdId(listed, "networking", "2026-01-15");
    String workshop = createdId(listed, "workshop", "2026-02-01");
    String sameDayPanel = createdId(listed, "panel", "2026-02-01");
    String mock = createdId(listed, "mock_interview", "2026-02-28");
    String lateWorkshop = createdId(listed, "workshop", "2026-03-01");

    List<String> all = ids(list(listed, "/v1/events"));
    // The latest date first; of one day, the newest event first.
    assertEquals(List.of(lateWorkshop, mock, sameDayPanel, workshop, early), all);
    assertEquals(all, ids(walk(listed, "/v1/events", 2)));

    assertEquals(List.of(mock, sameDayPanel, workshop), ids(list(listed, "/v1/events?from=2026-02-01&to=2026-02-28")));
    assertEquals(List.of(lateWorkshop, mock), ids(list(listed, "/v1/events?from=2026-02-02")));
    assertEquals(List.of(early), ids(list(listed, "/v1/events?to=2026-01-31")));
    assertEquals(List.of(sameDayPanel, workshop), ids(list(listed, "/v1/events?from=2026-02-01&to=2026-02-01")));
    assertEquals(List.of(mock, sameDayPanel, workshop),
        ids(walk(listed, "/v1/events?from=2026-02-01&to=2026-02-28", 2)));
    assertEquals(List.of(mock, sameDayPanel, workshop),
        ids(walk(listed, "/v1/events?from=2026-02-01&to=2026-02-28", 1)));

    assertEquals(List.of(lateWorkshop, workshop), ids(list(listed, "/v1/events?kind=workshop")));
    assertEquals(List.of(workshop), ids(list(listed, "/v1/events?kind=workshop&to=2026-02-28")));
    assertEquals(List.of(lateWorkshop, workshop), ids(walk(listed, "/v1/events?kind=workshop", 1)));
    assertEquals(List.of(), ids(list(listed, "/v1/events?kind=wrap_up")));
    assertEquals(List.of(), ids(list(listed, "/v1/events?from=2027-01-01")));

    // A cursor is good for the list it came from only.
    String workshopCursor = read(listed, "/v1/events?kind=workshop&limit=1").get("nextCursor").asText();
    assertProblem(call("GET", "/v1/events?kind=panel&cursor=" + workshopCursor, listed.coordinator(), null),
        "cursor", "is not a cursor this list gave out");
    String lateCursor = read(listed, "/v1/events?limit=1").get("nextCursor").asText();
    assertProblem(call("GET", "/v1/events?to=2026-02-01&cursor=" + lateCursor, listed.coordinator(), null),
        "cursor", "is not a cursor this list gave out");
  }

  @Test
  void aBadListFilterIsRefusedNamingIt() {
    for (String kind : List.of("seminar", "", "WORKSHOP")) {
      assertProblem(call("GET", "/v1/events?kind=" + kind, program.coordinator(), null), "kind",
          "must be one of networking, workshop, mock_interview, panel, group_session, wrap_up");
    }
    for (String field : List.of("from", "to")) {
      for (String date : List.of("2026-13-01", "2026-02-30", "01/02/2026", "", "2026-2-1")) {
        assertProblem(call("GET", "/v1/events?" + field + "=" + date, program.coordinator(), null), field,
            "must be a date, YYYY-MM-DD");
      }
    }
    assertProblem(call("GET", "/v1/events?from=2026-03-02&to=2026-03-01", program.coordinator(), null), "from",
        "must not be after to");
    assertProblem(call("GET", "/v1/events?limit=101", program.coordinator(), null), "limit", null);
  }

  @Test
  void aBadEventIsRefusedNamingEveryFieldAndNothingIsCreated() {
    TestTandem.Program refused = tandem.onboard("eventbad", "pool");
    ApiClient.Response missing = call("POST", "/v1/events", refused.coordinator(), Map.of());
    assertProblem(missing, "kind", "is required");
    assertProblem(missing, "title", "is required");
    assertProblem(missing, "date", "is required");

    Map<String, Object> bad = new LinkedHashMap<>();
    bad.put("kind", "seminar");
    bad.put("title", "x".repeat(201));
    bad.put("description", " ");
    bad.put("date", "2026-02-30");
    bad.put("startTime", "24:00");
    bad.put("durationMinutes", 1441);
    bad.put("location", "y".repeat(201));
    bad.put("language", "de");
    bad.put("matchId", "not-a-match");
    bad.put("capacity", 0);
    ApiClient.Response wrong = call("POST", "/v1/events", refused.coordinator(), bad);
    assertProblem(wrong, "kind", "must be one of networking, workshop, mock_interview, panel, group_session, wrap_up");
    assertProblem(wrong, "title", "must be at most 200 characters");
    assertProblem(wrong, "description", "must not be blank");
    assertProblem(wrong, "date", "must be a date, YYYY-MM-DD");
    assertProblem(wrong, "startTime", "must be a time of day, HH:mm");
    assertProblem(wrong, "durationMinutes", "must be between 1 and 1440");
    assertProblem(wrong, "location", "must be at most 200 characters");
    assertProblem(wrong, "language", "must be one of en, fr");
    assertProblem(wrong, "matchId", "is not a match id");
    assertProblem(wrong, "capacity", "must be between 1 and 10000");
    assertEquals(10, wrong.json().at("/error/details").size(), wrong.text());

    Map<String, Object> good = Map.of("kind", "panel", "title", "Panel", "date", "2026-05-05");
    assertProblem(call("POST", "/v1/events", refused.coordinator(), with(good, "online", "yes")), "online", null);
    assertProblem(call("POST", "/v1/events", refused.coordinator(), with(good, "date", 20260505)), "date", null);
    assertProblem(call("POST", "/v1/events", refused.coordinator(), with(good, "capacity", 10_001)), "capacity",
        "must be between 1 and 10000");
    assertProblem(call("POST", "/v1/events", refused.coordinator(), with(good, "favouriteColour", "teal")),
        "favouriteColour", "is not a known field");
    String unknownMatch = "mat_" + "0".repeat(26);
    assertError(call("POST", "/v1/events", refused.coordinator(), with(good, "matchId", unknownMatch)), 404,
        "not_found", "match " + unknownMatch + " not found");

    assertEquals(List.of(), list(refused, "/v1/events"));
    assertEquals(Map.of(), month(refused, "pool", "2026-05"));
  }

  @Test
  void anEventMayBelongToAMatchAndAGroupSessionOnlyToAGroupMatch() {
    String match = proposedOneOnOne(program, "Grouped");

    JsonNode workshop = created(program, Map.of("kind", "mock_interview", "title", "Mock interview with the mentor",
        "date", "2026-06-10", "matchId", match));
    assertEquals(match, workshop.get("matchId").asText());
    assertProblem(call("POST", "/v1/events", program.coordinator(), Map.of("kind", "group_session",
        "title", "Group session", "date", "2026-06-11", "matchId", match)), "matchId",
        "must name a group match for a group session");
    assertError(call("POST", "/v1/events", stranger.coordinator(), Map.of("kind", "mock_interview",
        "title", "Not theirs", "date", "2026-06-10", "matchId", match)), 404, "not_found",
        "match " + match + " not found");
  }

  // ---------------------------------------------------------------- attendance

  @Test
  void attendanceCountsOnTheEventOnThePersonsRecordAndInTheMonth() {
    TestTandem.Program counted = tandem.onboard("attendcount", "pool");
    String mentee = tandem.createMentee(counted, "Ana");
    String mentor = tandem.createMentor(counted, "Gordon");
    String event = createdId(counted, "networking", "2026-07-09");

    ApiClient.Response recorded = attend(counted, event, List.of(
        attendee(mentee, null, null), attendee(mentor, true, "speaker")));

    assertEquals(200, recorded.status(), recorded.text());
    JsonNode after = recorded.json().get("event");
    assertCounts(after, 2, 1, 1);
    assertEquals(2, after.get("version").asLong());
    assertEquals("\"2\"", recorded.header("etag"));
    JsonNode records = recorded.json().get("attendance");
    assertEquals(2, records.size());
    JsonNode ana = records.get(0);
    assertEquals(event, ana.get("eventId").asText());
    assertEquals(mentee, ana.get("participantId").asText());
    assertEquals("mentee", ana.get("participantType").asText());
    assertTrue(ana.get("attended").asBoolean());
    assertEquals("attendee", ana.get("role").asText());
    assertEquals("networking", ana.get("eventKind").asText());
    assertEquals("Event networking 2026-07-09", ana.get("eventTitle").asText());
    assertEquals("2026-07-09", ana.get("eventDate").asText());
    assertEquals(keyId(counted.coordinator()), ana.get("recordedBy").asText());
    assertEquals(1, ana.get("version").asLong());
    assertEquals("mentor", records.get(1).get("participantType").asText());
    assertEquals("speaker", records.get(1).get("role").asText());

    assertEquals(after, read(counted, "/v1/events/" + event));
    assertEquals(List.of(mentee, mentor), participantIds(list(counted, "/v1/events/" + event + "/attendance")));
    assertEquals(List.of(ana), list(counted, "/v1/participants/" + mentee + "/events"));
    assertEquals(List.of(event), eventIds(list(counted, "/v1/participants/" + mentor + "/events")));

    // A later event comes first on the person's record; an earlier one last.
    String later = createdId(counted, "workshop", "2026-08-20");
    String earlier = createdId(counted, "panel", "2026-06-01");
    assertEquals(200, attend(counted, later, List.of(attendee(mentee, true, null))).status());
    assertEquals(200, attend(counted, earlier, List.of(attendee(mentee, true, null))).status());
    assertEquals(List.of(later, event, earlier), eventIds(list(counted, "/v1/participants/" + mentee + "/events")));
    assertEquals(List.of(later, event, earlier),
        eventIds(walk(counted, "/v1/participants/" + mentee + "/events", 1)));

    assertEquals(Map.of("events", 1L, "events_networking", 1L, "attendance", 2L, "attendance_mentee", 1L,
        "attendance_mentor", 1L, "attendance_networking", 2L), month(counted, "pool", "2026-07"));
    assertEquals(Map.of("events", 1L, "events_workshop", 1L, "attendance", 1L, "attendance_mentee", 1L,
        "attendance_workshop", 1L), month(counted, "pool", "2026-08"));
    assertEquals(Map.of("events", 1L, "events_panel", 1L, "attendance", 1L, "attendance_mentee", 1L,
        "attendance_panel", 1L), month(counted, "pool", "2026-06"));
  }

  @Test
  void recordingAPersonAgainDoesNotCountThemTwice() {
    TestTandem.Program counted = tandem.onboard("attendagain", "pool");
    String mentee = tandem.createMentee(counted, "Tarek");
    String event = createdId(counted, "workshop", "2026-09-03");
    JsonNode first = recorded(counted, event, List.of(attendee(mentee, true, null)));

    JsonNode again = recorded(counted, event, List.of(attendee(mentee, true, null)));

    // Nothing changed: neither the record nor the event moved.
    assertEquals(first, again);
    assertCounts(again.get("event"), 1, 1, 0);
    assertEquals(2, again.at("/event/version").asLong());
    JsonNode renamed = recorded(counted, event, List.of(attendee(mentee, null, "volunteer")));
    assertEquals("volunteer", renamed.at("/attendance/0/role").asText());
    assertTrue(renamed.at("/attendance/0/attended").asBoolean());
    assertEquals(2, renamed.at("/attendance/0/version").asLong());
    assertEquals(first.get("event"), renamed.get("event"));
    assertEquals(1, list(counted, "/v1/events/" + event + "/attendance").size());
    assertEquals(1, list(counted, "/v1/participants/" + mentee + "/events").size());
    assertEquals(Map.of("events", 1L, "events_workshop", 1L, "attendance", 1L, "attendance_mentee", 1L,
        "attendance_workshop", 1L), month(counted, "pool", "2026-09"));
  }

  @Test
  void attendedFalseTakesAPersonOffTheCountsAndTrueBringsThemBack() {
    TestTandem.Program counted = tandem.onboard("attendflip", "pool");
    String mentee = tandem.createMentee(counted, "Mei");
    String mentor = tandem.createMentor(counted, "Louise");
    String absent = tandem.createMentee(counted, "Grace");
    String event = createdId(counted, "mock_interview", "2026-10-14");
    recorded(counted, event, List.of(attendee(mentee, true, null), attendee(mentor, true, "facilitator"),
        attendee(absent, false, null)));
    assertEquals(Map.of("events", 1L, "events_mock_interview", 1L, "attendance", 2L, "attendance_mentee", 1L,
        "attendance_mentor", 1L, "attendance_mock_interview", 2L), month(counted, "pool", "2026-10"));

    JsonNode off = recorded(counted, event, List.of(attendee(mentee, false, null), attendee(mentor, false, null)));

    assertCounts(off.get("event"), 0, 0, 0);
    assertFalse(off.at("/attendance/0/attended").asBoolean());
    assertEquals("facilitator", off.at("/attendance/1/role").asText());
    assertEquals(Map.of("events", 1L, "events_mock_interview", 1L), month(counted, "pool", "2026-10"));
    // Still on their record, as not having attended.
    JsonNode onRecord = list(counted, "/v1/participants/" + mentee + "/events").get(0);
    assertFalse(onRecord.get("attended").asBoolean());
    assertEquals(3, list(counted, "/v1/events/" + event + "/attendance").size());

    JsonNode back = recorded(counted, event, List.of(attendee(mentor, true, null), attendee(absent, true, null)));
    assertCounts(back.get("event"), 2, 1, 1);
    assertEquals(Map.of("events", 1L, "events_mock_interview", 1L, "attendance", 2L, "attendance_mentee", 1L,
        "attendance_mentor", 1L, "attendance_mock_interview", 2L), month(counted, "pool", "2026-10"));
    assertCounts(read(counted, "/v1/events/" + event), 2, 1, 1);
  }

  @Test
  void anUnknownPersonIsNotFoundAndNothingIsRecorded() {
    TestTandem.Program counted = tandem.onboard("attendunknown", "pool");
    String mentee = tandem.createMentee(counted, "Wei");
    String event = createdId(counted, "panel", "2026-11-05");
    String theirs = tandem.createMentee(stranger, "Elsewhere");

    assertError(attend(counted, event, List.of(attendee(mentee, true, null), attendee(NO_MENTEE, true, null))), 404,
        "not_found", "mentee " + NO_MENTEE + " not found");
    // Another program's mentee is unknown here.
    assertError(attend(counted, event, List.of(attendee(theirs, true, null), attendee(mentee, true, null))), 404,
        "not_found", "mentee " + theirs + " not found");
    assertError(attend(counted, NO_EVENT, List.of(attendee(mentee, true, null))), 404, "not_found",
        "event " + NO_EVENT + " not found");

    assertCounts(read(counted, "/v1/events/" + event), 0, 0, 0);
    assertEquals(1, read(counted, "/v1/events/" + event).get("version").asLong());
    assertEquals(List.of(), list(counted, "/v1/events/" + event + "/attendance"));
    assertEquals(List.of(), list(counted, "/v1/participants/" + mentee + "/events"));
    assertEquals(Map.of("events", 1L, "events_panel", 1L), month(counted, "pool", "2026-11"));
  }

  @Test
  void anErasedPersonsPastAttendanceStaysCountedButNoMoreIsRecorded() {
    TestTandem.Program counted = tandem.onboard("attenderased", "pool");
    String mentee = tandem.createMentee(counted, "Forgotten");
    String event = createdId(counted, "networking", "2026-11-26");
    recorded(counted, event, List.of(attendee(mentee, true, null)));
    ApiClient.Response erased = call("DELETE", "/v1/participants/" + mentee, counted.admin(), null);
    assertEquals(204, erased.status(), erased.text());

    assertError(attend(counted, event, List.of(attendee(mentee, false, null))), 409, "conflict",
        "mentee " + mentee + " was erased; their attendance is no longer recorded");
    assertCounts(read(counted, "/v1/events/" + event), 1, 1, 0);
    assertEquals(Map.of("events", 1L, "events_networking", 1L, "attendance", 1L, "attendance_mentee", 1L,
        "attendance_networking", 1L), month(counted, "pool", "2026-11"));
  }

  @Test
  void badAttendanceIsRefusedNamingTheFieldAndNothingIsRecorded() {
    TestTandem.Program counted = tandem.onboard("attendbad", "pool");
    String event = createdId(counted, "group_session", "2026-12-01");
    List<String> mentees = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      mentees.add(tandem.createMentee(counted, "Cohort" + i));
    }
    String mentor = tandem.createMentor(counted, "Host");
    String path = "/v1/events/" + event + "/attendance";

    List<Map<String, Object>> tooMany = new ArrayList<>();
    mentees.forEach(id -> tooMany.add(attendee(id, true, null)));
    tooMany.add(attendee(mentor, true, null));
    assertProblem(attend(counted, event, tooMany), "attendees", "must have between 1 and 25 items");
    assertProblem(attend(counted, event, List.of()), "attendees", "must have between 1 and 25 items");
    assertProblem(call("POST", path, counted.coordinator(), Map.of()), "attendees", "is required");
    assertProblem(attend(counted, event, List.of(attendee(mentor, true, null), attendee("key_" + "0".repeat(26),
        true, null))), "attendees[1].participantId", "is not a mentee or mentor id");
    assertProblem(attend(counted, event, List.of(attendee(mentor, true, null), attendee(mentor, false, null))),
        "attendees[1].participantId", "is listed twice");
    assertProblem(attend(counted, event, List.of(attendee(mentor, true, "juggler"))), "attendees[0].role",
        "must be one of attendee, speaker, panelist, facilitator, volunteer");
    assertProblem(call("POST", path, counted.coordinator(), Map.of("attendees", List.of(Map.of("attended", true)))),
        "attendees[0].participantId", "is required");
    assertProblem(call("POST", path, counted.coordinator(),
        "{\"attendees\": [{\"participantId\": \"" + mentor + "\", \"attended\": \"yes\"}]}"),
        "attendees[0].attended", null);
    assertProblem(call("POST", path, counted.coordinator(),
        "{\"attendees\": [{\"participantId\": \"" + mentor + "\", \"favouriteColour\": \"teal\"}]}"),
        "attendees[0].favouriteColour", "is not a known field");
    assertProblem(call("POST", path, counted.coordinator(), "{\"attendees\": \"\"}"), "attendees", null);
    assertProblem(attend(counted, "evt_nope", List.of(attendee(mentor, true, null))), "eventId",
        "is not an event id");
    assertProblem(call("GET", "/v1/events/" + mentor, counted.coordinator(), null), "eventId", "is not an event id");

    assertCounts(read(counted, "/v1/events/" + event), 0, 0, 0);
    assertEquals(List.of(), list(counted, path));
    assertEquals(Map.of("events", 1L, "events_group_session", 1L), month(counted, "pool", "2026-12"));

    // Twenty-five is the most one call records.
    JsonNode full = recorded(counted, event, tooMany.subList(0, 25));
    assertCounts(full.get("event"), 25, 25, 0);
    assertEquals(25, walk(counted, path, 10).size());
    assertEquals(Map.of("events", 1L, "events_group_session", 1L, "attendance", 25L, "attendance_mentee", 25L,
        "attendance_group_session", 25L), month(counted, "pool", "2026-12"));
  }

  @Test
  void anEventsCapacityIsNeverExceeded() {
    TestTandem.Program counted = tandem.onboard("attendfull", "pool");
    String event = created(counted, Map.of("kind", "networking", "title", "Small room", "date", "2027-01-20",
        "capacity", 2)).get("id").asText();
    String a = tandem.createMentee(counted, "Able");
    String b = tandem.createMentee(counted, "Baker");
    String c = tandem.createMentor(counted, "Carter");

    assertError(attend(counted, event, List.of(attendee(a, true, null), attendee(b, true, null),
        attendee(c, true, null))), 409, "conflict",
        "event " + event + " has room for 2 more attendee(s), not 3 (capacity 2)");
    assertCounts(recorded(counted, event, List.of(attendee(a, true, null), attendee(b, true, null))).get("event"),
        2, 2, 0);
    assertError(attend(counted, event, List.of(attendee(c, true, null))), 409, "conflict",
        "event " + event + " has room for 0 more attendee(s), not 1 (capacity 2)");
    // One who did not attend makes room; recording them as absent is always fine.
    assertCounts(recorded(counted, event, List.of(attendee(b, false, null), attendee(c, true, null))).get("event"),
        2, 1, 1);
    assertEquals(Map.of("events", 1L, "events_networking", 1L, "attendance", 2L, "attendance_mentee", 1L,
        "attendance_mentor", 1L, "attendance_networking", 2L), month(counted, "pool", "2027-01"));
  }

  @Test
  void aPersonsEventsNeedAPersonOfTheProgram() {
    assertProblem(call("GET", "/v1/participants/key_" + "0".repeat(26) + "/events", program.coordinator(), null),
        "participantId", "is not a mentee or mentor id");
    assertProblem(call("GET", "/v1/participants/nope/events", program.coordinator(), null), "participantId", null);
    assertError(call("GET", "/v1/participants/" + NO_MENTEE + "/events", program.coordinator(), null), 404,
        "not_found", "participant " + NO_MENTEE + " not found");
    String fresh = tandem.createMentor(program, "Newcomer");
    assertEquals(List.of(), list(program, "/v1/participants/" + fresh + "/events"));
  }

  // ---------------------------------------------------------------- isolation and roles

  @Test
  void anotherProgramSeesNothingOfTheEvents() {
    String mentee = tandem.createMentee(program, "Private");
    String event = createdId(program, "workshop", "2027-02-10");
    recorded(program, event, List.of(attendee(mentee, true, null)));
    String key = stranger.admin();

    assertError(call("GET", "/v1/events/" + event, key, null), 404, "not_found", "event " + event + " not found");
    assertError(call("GET", "/v1/events/" + event + "/attendance", key, null), 404, "not_found",
        "event " + event + " not found");
    assertError(attend(stranger, event, List.of(attendee(mentee, false, null))), 404, "not_found",
        "event " + event + " not found");
    assertError(call("GET", "/v1/participants/" + mentee + "/events", key, null), 404, "not_found",
        "participant " + mentee + " not found");
    assertFalse(ids(list(stranger, "/v1/events")).contains(event));
    assertFalse(ids(list(stranger, "/v1/events?kind=workshop&from=2027-02-10&to=2027-02-10")).contains(event));
    // Their own event cannot record this program's mentee either.
    String theirs = createdId(stranger, "workshop", "2027-02-10");
    assertError(attend(stranger, theirs, List.of(attendee(mentee, true, null))), 404, "not_found",
        "mentee " + mentee + " not found");

    assertCounts(read(program, "/v1/events/" + event), 1, 1, 0);
    assertTrue(list(program, "/v1/participants/" + mentee + "/events").get(0).get("attended").asBoolean());
  }

  @Test
  void aPartnerMayNotTouchEvents() {
    String mentee = tandem.createMentee(program, "Referred");
    String event = createdId(program, "networking", "2027-03-03");
    for (ApiClient.Response refused : List.of(
        call("POST", "/v1/events", program.partner(), Map.of("kind", "panel", "title", "x", "date", "2027-03-03")),
        call("GET", "/v1/events", program.partner(), null),
        call("GET", "/v1/events/" + event, program.partner(), null),
        attend(programAs(program.partner()), event, List.of(attendee(mentee, true, null))),
        call("GET", "/v1/events/" + event + "/attendance", program.partner(), null),
        call("GET", "/v1/participants/" + mentee + "/events", program.partner(), null))) {
      assertError(refused, 403, "forbidden", null);
    }
    assertCounts(read(program, "/v1/events/" + event), 0, 0, 0);
  }

  @Test
  void aSiloProgramKeepsItsEventsInItsOwnTable() {
    TestTandem.Program silo = tandem.onboard("eventsilo", "silo");
    String mentee = tandem.createMentee(silo, "Siloed");
    String event = createdId(silo, "wrap_up", "2027-04-28");
    recorded(silo, event, List.of(attendee(mentee, true, null)));

    assertEquals(List.of(event), ids(list(silo, "/v1/events?kind=wrap_up&from=2027-04-01&to=2027-04-30")));
    assertEquals(List.of(event), eventIds(list(silo, "/v1/participants/" + mentee + "/events")));
    assertEquals(Map.of("events", 1L, "events_wrap_up", 1L, "attendance", 1L, "attendance_mentee", 1L,
        "attendance_wrap_up", 1L), month(silo, "silo", "2027-04"));
    assertEquals(Map.of(), month(silo, "pool", "2027-04"));
  }

  // ---------------------------------------------------------------- races

  @Test
  void theSamePeopleRecordedByManyAtOnceAreCountedOnce() {
    TestTandem.Program raced = tandem.onboard("attendrace", "pool");
    String event = createdId(raced, "networking", "2027-05-06");
    List<Map<String, Object>> everyone = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      everyone.add(attendee(tandem.createMentee(raced, "Racer" + i), true, null));
    }
    for (int i = 0; i < 2; i++) {
      everyone.add(attendee(tandem.createMentor(raced, "Host" + i), true, null));
    }

    List<ApiClient.Response> answers = Race.run(pool, THREADS, THREADS, i -> attend(raced, event, everyone));

    assertOnly(answers, Set.of(200));
    JsonNode stored = read(raced, "/v1/events/" + event);
    assertCounts(stored, 6, 4, 2);
    assertEquals(2, stored.get("version").asLong());
    List<JsonNode> records = list(raced, "/v1/events/" + event + "/attendance");
    assertEquals(6, records.size());
    records.forEach(r -> assertEquals(1, r.get("version").asLong(), r.toString()));
    assertEquals(Map.of("events", 1L, "events_networking", 1L, "attendance", 6L, "attendance_mentee", 4L,
        "attendance_mentor", 2L, "attendance_networking", 6L), month(raced, "pool", "2027-05"));
  }

  @Test
  void attendanceFlippedByManyAtOnceLeavesTheCountsTrue() {
    TestTandem.Program raced = tandem.onboard("attendflipper", "pool");
    String event = createdId(raced, "mock_interview", "2027-06-09");
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      people.add(tandem.createMentee(raced, "Flipper" + i));
    }
    people.add(tandem.createMentor(raced, "Flipped"));

    // Each call records everyone as attended or not, alternately, and in its own order.
    List<ApiClient.Response> answers = Race.run(pool, THREADS, 32, i -> {
      List<Map<String, Object>> body = new ArrayList<>();
      for (int p = 0; p < people.size(); p++) {
        body.add(attendee(people.get((p + i) % people.size()), (i + p) % 2 == 0, null));
      }
      return attend(raced, event, body);
    });

    assertOnly(answers, Set.of(200, 409));
    assertTrue(answers.stream().anyMatch(a -> a.status() == 200));
    answers.stream().filter(a -> a.status() == 409).forEach(a -> assertEquals(
        "the attendance of event " + event + " keeps changing; try again", a.json().at("/error/message").asText()));
    List<JsonNode> records = list(raced, "/v1/events/" + event + "/attendance");
    assertEquals(people.size(), records.size());
    long mentees = records.stream().filter(r -> r.get("attended").asBoolean())
        .filter(r -> r.get("participantType").asText().equals("mentee")).count();
    long mentors = records.stream().filter(r -> r.get("attended").asBoolean())
        .filter(r -> r.get("participantType").asText().equals("mentor")).count();
    assertCounts(read(raced, "/v1/events/" + event), (int) (mentees + mentors), (int) mentees, (int) mentors);
    Map<String, Long> expected = new TreeMap<>(Map.of("events", 1L, "events_mock_interview", 1L));
    if (mentees + mentors > 0) {
      expected.put("attendance", mentees + mentors);
      expected.put("attendance_mock_interview", mentees + mentors);
    }
    if (mentees > 0) {
      expected.put("attendance_mentee", mentees);
    }
    if (mentors > 0) {
      expected.put("attendance_mentor", mentors);
    }
    assertEquals(expected, month(raced, "pool", "2027-06"));
  }

  // ---------------------------------------------------------------- helpers

  private static ApiClient.Response call(String method, String path, String key, Object body) {
    return tandem.api().call(method, path, key, body);
  }

  private static JsonNode created(TestTandem.Program in, Map<String, Object> body) {
    ApiClient.Response created = call("POST", "/v1/events", in.coordinator(), body);
    assertEquals(201, created.status(), created.text());
    return created.json();
  }

  /** An event of {@code kind} on {@code date}, titled after both. */
  private static String createdId(TestTandem.Program in, String kind, String date) {
    return created(in, Map.of("kind", kind, "title", "Event " + kind + " " + date, "date", date)).get("id").asText();
  }

  private static Map<String, Object> attendee(String participantId, Boolean attended, String role) {
    Map<String, Object> attendee = new LinkedHashMap<>();
    attendee.put("participantId", participantId);
    if (attended != null) {
      attendee.put("attended", attended);
    }
    if (role != null) {
      attendee.put("role", role);
    }
    return attendee;
  }

  private static ApiClient.Response attend(TestTandem.Program in, String eventId, List<Map<String, Object>> people) {
    return call("POST", "/v1/events/" + eventId + "/attendance", in.coordinator(), Map.of("attendees", people));
  }

  private static JsonNode recorded(TestTandem.Program in, String eventId, List<Map<String, Object>> people) {
    ApiClient.Response recorded = attend(in, eventId, people);
    assertEquals(200, recorded.status(), recorded.text());
    return recorded.json();
  }

  /** The program with every key replaced by {@code key}, to call as another role. */
  private static TestTandem.Program programAs(String key) {
    return new TestTandem.Program(program.id(), key, key, key);
  }

  private static JsonNode read(TestTandem.Program in, String path) {
    ApiClient.Response read = call("GET", path, in.coordinator(), null);
    assertEquals(200, read.status(), read.text());
    return read.json();
  }

  private static List<JsonNode> list(TestTandem.Program in, String path) {
    return walk(in, path, 100);
  }

  /** Every item of a list, page after page of {@code limit}. */
  private static List<JsonNode> walk(TestTandem.Program in, String path, int limit) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page = read(in, path + (path.contains("?") ? "&" : "?") + "limit=" + limit
          + (cursor == null ? "" : "&cursor=" + cursor));
      assertTrue(page.get("items").size() <= limit);
      page.get("items").forEach(items::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      assertTrue(++pages < 100, "the list does not end");
    } while (cursor != null);
    return items;
  }

  private static List<String> ids(List<JsonNode> items) {
    return items.stream().map(i -> i.get("id").asText()).toList();
  }

  private static List<String> eventIds(List<JsonNode> items) {
    return items.stream().map(i -> i.get("eventId").asText()).toList();
  }

  private static List<String> participantIds(List<JsonNode> items) {
    return items.stream().map(i -> i.get("participantId").asText()).toList();
  }

  private static void assertCounts(JsonNode event, int attendees, int mentees, int mentors) {
    assertEquals(attendees, event.get("attendeeCount").asInt(), event.toString());
    assertEquals(mentees, event.get("menteesAttended").asInt(), event.toString());
    assertEquals(mentors, event.get("mentorsAttended").asInt(), event.toString());
  }

  private static void assertOnly(List<ApiClient.Response> answers, Set<Integer> statuses) {
    for (ApiClient.Response answer : answers) {
      assertTrue(statuses.contains(answer.status()), answer.status() + " " + answer.text());
    }
  }

  /**
   * The counters of one month item ({@code month#2026-03}) that are not zero, read behind the
   * API; a counter below zero fails.
   */
  private static Map<String, Long> month(TestTandem.Program in, String isolation, String month) {
    String table = "silo".equals(isolation) ? LocalTandem.DATA_TABLE + "-" + in.id() : LocalTandem.DATA_TABLE;
    Map<String, Long> counters = new TreeMap<>();
    try (var dynamo = tandem.tandem().dynamo()) {
      Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
          "pk", AttributeValue.fromS(in.id() + "#COUNTERS"),
          "sk", AttributeValue.fromS("month#" + month)))).item();
      item.forEach((name, value) -> {
        if (value.n() != null) {
          long count = Long.parseLong(value.n());
          assertTrue(count >= 0, name + " = " + count);
          if (count != 0) {
            counters.put(name, count);
          }
        }
      });
    }
    return counters;
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> out = new HashMap<>(body);
    out.put(field, value);
    return out;
  }

  /** A one-on-one proposed between a new ready mentee and a new ready mentor. */
  private static String proposedOneOnOne(TestTandem.Program in, String name) {
    String mentee = ready(in, "mentees", tandem.createMentee(in, name));
    String mentor = ready(in, "mentors", tandem.createMentor(in, name));
    ApiClient.Response match = call("POST", "/v1/matches", in.coordinator(),
        Map.of("menteeId", mentee, "mentorId", mentor, "format", "one_on_one"));
    assertEquals(201, match.status(), match.text());
    return match.json().get("id").asText();
  }

  private static String ready(TestTandem.Program in, String collection, String id) {
    ApiClient.Response screened = call("POST", "/v1/" + collection + "/" + id + "/screening", in.coordinator(), null);
    assertEquals(200, screened.status(), screened.text());
    ApiClient.Response moved = call("PATCH", "/v1/" + collection + "/" + id, in.coordinator(),
        Map.of("status", "ready"));
    assertEquals(200, moved.status(), moved.text());
    return id;
  }

  private static String keyId(String key) {
    return key.split("\\.")[2];
  }
}
