package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.tandem.local.ApiClient;
import org.tandem.support.Race;
import org.tandem.support.TestTandem;

/**
 * Many writes to one match at the same instant, against DynamoDB Local: the match's progress
 * and the report counters come out exactly as the writes that were answered with success.
 */
class RelationshipsConcurrencyTest {
  private static final TestTandem tandem = TestTandem.get();
  private static final ExecutorService pool = Executors.newFixedThreadPool(16);
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
  private static final String MONTH = "month#" + TODAY.toString().substring(0, 7);

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  @Test
  void sixteenMeetingsRecordedAtOnceAllCount() {
    TestTandem.Program in = tandem.onboard("meetrace", "pool");
    String match = RelationshipsApiTest.activeMatch(in, "Racer");
    List<ApiClient.Response> answers = Race.run(pool, 16, 16, i -> RelationshipsApiTest.call("POST",
        "/v1/matches/" + match + "/meetings", in.coordinator(), Map.of("minutes", i + 1, "mode", "video")));
    answers.forEach(answer -> assertEquals(201, answer.status(), answer.text()));
    JsonNode progress = RelationshipsApiTest.ok(RelationshipsApiTest.call("GET", "/v1/matches/" + match,
        in.coordinator(), null)).get("progress");
    assertEquals(16, progress.get("meetings").asInt());
    assertEquals(136 / 60.0, progress.get("hoursMet").asDouble(), 0.005, "1 + 2 + ... + 16 minutes");
    Map<String, Long> month = tandem.counters(in, "pool", MONTH);
    assertEquals(16L, month.get("meetings"));
    assertEquals(136L, month.get("meeting_minutes"));
  }

  @Test
  void aClosureRacingMeetingsCountsExactlyTheMeetingsThatLanded() {
    TestTandem.Program in = tandem.onboard("closerace", "pool");
    String match = RelationshipsApiTest.activeMatch(in, "Closer");
    List<ApiClient.Response> answers = Race.run(pool, 13, 13, i -> i == 6
        ? RelationshipsApiTest.call("POST", "/v1/matches/" + match + "/closure", in.coordinator(),
            Map.of("reason", "term_ended"))
        : RelationshipsApiTest.call("POST", "/v1/matches/" + match + "/meetings", in.coordinator(),
            Map.of("minutes", 10 * (i + 1), "mode", "phone")));
    assertEquals(200, answers.get(6).status(), answers.get(6).text());
    long landed = 0;
    int meetings = 0;
    for (int i = 0; i < answers.size(); i++) {
      if (i == 6) {
        continue;
      }
      ApiClient.Response answer = answers.get(i);
      assertTrue(answer.status() == 201 || answer.status() == 409, answer.text());
      if (answer.status() == 201) {
        landed += 10L * (i + 1);
        meetings++;
      }
    }
    JsonNode closed = RelationshipsApiTest.ok(RelationshipsApiTest.call("GET", "/v1/matches/" + match,
        in.coordinator(), null));
    assertEquals("closed", closed.get("status").asText());
    assertEquals(landed, closed.get("minutesMet").asLong(), "the closed match holds every meeting that landed");
    assertEquals(meetings, closed.get("meetings").asInt());
    Map<String, Long> month = tandem.counters(in, "pool", MONTH);
    assertEquals(landed, month.getOrDefault("meeting_minutes", 0L).longValue());
    assertEquals((long) meetings, month.getOrDefault("meetings", 0L).longValue());
  }

  @Test
  void aGoalAchievedByEightCoordinatorsAtOnceIsCountedOnce() {
    TestTandem.Program in = tandem.onboard("goalrace", "pool");
    String match = RelationshipsApiTest.activeMatch(in, "Achiever");
    String goal = RelationshipsApiTest.created(RelationshipsApiTest.call("POST", "/v1/matches/" + match + "/goals",
        in.coordinator(), Map.of("title", "Pass the NPPE"))).get("id").asText();
    String path = "/v1/matches/" + match + "/goals/" + goal;
    List<ApiClient.Response> answers = Race.run(pool, 8, 8, i -> RelationshipsApiTest.call("PATCH", path,
        in.coordinator(), Map.of("status", "achieved")));
    answers.forEach(answer -> assertEquals(200, answer.status(), answer.text()));
    assertEquals(Map.of("goal_achieved", 1L, "goal_open", 0L), tandem.counters(in, "pool", "goals"));
    assertEquals(1L, tandem.counters(in, "pool", MONTH).get("goals_achieved"));
    assertEquals(1, RelationshipsApiTest.ok(RelationshipsApiTest.call("GET", "/v1/matches/" + match,
        in.coordinator(), null)).at("/progress/goalsAchieved").asInt());

    List<ApiClient.Response> guarded = Race.run(pool, 8, 8, i -> RelationshipsApiTest.call("PATCH", path,
        in.coordinator(), Map.of("status", "dropped"), Map.of("if-match", "9")));
    assertEquals(1, guarded.stream().filter(a -> a.status() == 200).count(),
        "with If-Match, one change wins and the others get 412: " + guarded.stream().map(a -> a.status()).toList());
    guarded.stream().filter(a -> a.status() != 200).forEach(a -> assertEquals(412, a.status(), a.text()));
    assertEquals(Map.of("goal_achieved", 0L, "goal_dropped", 1L, "goal_open", 0L),
        tandem.counters(in, "pool", "goals"));
  }

  @Test
  void checkInsOfDifferentDaysAtOnceLeaveTheLatestAsTheLastAndScheduleFromIt() {
    TestTandem.Program in = tandem.onboard("checkrace", "pool");
    String match = RelationshipsApiTest.activeMatch(in, "Checker");
    List<ApiClient.Response> answers = Race.run(pool, 8, 8, i -> RelationshipsApiTest.call("POST",
        "/v1/matches/" + match + "/checkins", in.coordinator(), Map.of("respondent", i % 2 == 0 ? "mentor" : "mentee",
            "satisfaction", 1 + i % 5, "onTrack", true, "date", TODAY.toString())));
    answers.forEach(answer -> assertEquals(201, answer.status(), answer.text()));
    Map<String, Long> month = tandem.counters(in, "pool", MONTH);
    assertEquals(4L, month.get("checkins_mentor"));
    assertEquals(4L, month.get("checkins_mentee"));
    assertEquals(8L, month.get("checkins_mentor_on_track") + month.get("checkins_mentee_on_track"));
    JsonNode followUps = RelationshipsApiTest.ok(RelationshipsApiTest.call("GET",
        "/v1/followups?before=" + TODAY.plusYears(1), in.coordinator(), null));
    assertEquals(1, followUps.get("items").size(), "one check-in follow-up per active match, whatever the race");
    assertEquals(TODAY.plusDays(30).toString(), followUps.at("/items/0/dueDate").asText());
  }

  @Test
  void oneCheckpointAnsweredSixTimesAtOnceIsOneOutcome() {
    TestTandem.Program in = tandem.onboard("outrace", "pool");
    String mentee = RelationshipsApiTest.readyMentee(in, "Outcome");
    String match = RelationshipsApiTest.activate(in, mentee, RelationshipsApiTest.readyMentor(in, "Outcome"));
    RelationshipsApiTest.ok(RelationshipsApiTest.call("POST", "/v1/matches/" + match + "/closure", in.coordinator(),
        Map.of("reason", "objectives_met")));
    List<ApiClient.Response> answers = Race.run(pool, 6, 6, i -> RelationshipsApiTest.call("POST",
        "/v1/mentees/" + mentee + "/outcomes", in.coordinator(), i % 2 == 0
            ? Map.of("checkpoint", "exit", "status", "employed", "nocCode", "21300", "dateEmployed", TODAY.toString())
            : Map.of("checkpoint", "exit", "status", "seeking")));
    assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), "one is first, the rest correct it");
    answers.forEach(a -> assertTrue(a.status() == 201 || a.status() == 200, a.text()));
    JsonNode outcomes = RelationshipsApiTest.ok(RelationshipsApiTest.call("GET", "/v1/mentees/" + mentee + "/outcomes",
        in.coordinator(), null));
    assertEquals(1, outcomes.get("items").size());
    String status = outcomes.at("/items/0/status").asText();
    Map<String, Long> month = tandem.counters(in, "pool", MONTH);
    assertEquals(1L, month.get("outcomes_exit"));
    assertEquals(1L, month.get("outcomes_exit_" + status), "the counters follow the answer that stands: " + month);
    assertEquals(0L, month.getOrDefault("outcomes_exit_" + (status.equals("seeking") ? "employed_in_field" : "seeking"),
        0L).longValue());
    assertEquals(status.equals("seeking") ? 0L : 1L, month.getOrDefault("employments", 0L).longValue());
  }
}
