package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.local.ApiClient;
import org.tandem.support.Race;
import org.tandem.support.TestTandem;

/**
 * The matching promises under real races against DynamoDB Local: a mentor is never over
 * capacity, a mentee is never in two active one-on-ones, a seat is given back once, and the
 * counters follow the statuses, whatever the concurrency.
 */
class MatchingConcurrencyTest {
  private static final int THREADS = 16;
  private static final TestTandem tandem = TestTandem.get();
  private static ExecutorService pool;

  @BeforeAll
  static void start() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  @Test
  void aMentorOfCapacityTwoAcceptedByTenAtOnceGetsExactlyTwo() {
    TestTandem.Program program = program("capacityrace");
    String mentor = readyMentor(program, "Popular", Map.of("capacity", 2));
    List<String> mentees = new ArrayList<>();
    List<String> matches = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String mentee = readyMentee(program, "Hopeful" + i);
      mentees.add(mentee);
      matches.add(proposed(program, mentee, mentor, "one_on_one"));
    }

    // Both parties of all ten proposals accept at once: twenty requests.
    List<ApiClient.Response> answers = all(20, i -> decide(program, matches.get(i / 2),
        i % 2 == 0 ? "mentor" : "mentee", "accept"));

    assertOnly(answers, Set.of(200, 409));
    Map<String, String> status = statuses(program, matches);
    List<String> active = matches.stream().filter(m -> status.get(m).equals("active")).toList();
    assertEquals(2, active.size(), status.toString());
    for (int m = 0; m < matches.size(); m++) {
      String id = matches.get(m);
      List<ApiClient.Response> pair = List.of(answers.get(2 * m), answers.get(2 * m + 1));
      if (active.contains(id)) {
        assertEquals(List.of(200, 200), pair.stream().map(ApiClient.Response::status).toList());
        assertTrue(pair.stream().anyMatch(a -> a.json().get("status").asText().equals("active")));
      } else {
        // The first answer was recorded; the one that would have made it active found no seat.
        assertEquals(1, pair.stream().filter(a -> a.status() == 409).count(), statusesOf(pair));
        ApiClient.Response refused = pair.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertEquals("conflict", refused.json().at("/error/code").asText());
        assertEquals("mentor " + mentor + " has no free capacity (2 of 2)",
            refused.json().at("/error/message").asText());
        assertEquals("proposed", status.get(id));
      }
    }
    assertEquals(12, answers.stream().filter(a -> a.status() == 200).count());
    assertEquals(8, answers.stream().filter(a -> a.status() == 409).count());
    JsonNode seated = get(program, "/v1/mentors/" + mentor);
    assertEquals(2, seated.get("activeMentees").asInt());
    assertEquals("ready", seated.get("status").asText());
    int matched = 0;
    for (String mentee : mentees) {
      JsonNode read = get(program, "/v1/mentees/" + mentee);
      boolean isMatched = active.stream().anyMatch(id -> get(program, "/v1/matches/" + id).get("menteeId").asText()
          .equals(mentee));
      assertEquals(isMatched ? "matched" : "ready", read.get("status").asText());
      assertEquals(isMatched ? 1 : 0, read.get("activeMatches").asInt());
      matched += isMatched ? 1 : 0;
    }
    assertEquals(2, matched);
    assertCountersTrue(program);
    assertInvariants(program);
  }

  @Test
  void aMenteeAcceptedByEightMentorsAtOnceGetsExactlyOneOneOnOne() {
    TestTandem.Program program = program("menteerace");
    String mentee = readyMentee(program, "Sought");
    List<String> matches = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String mentor = readyMentor(program, "Keen" + i, Map.of());
      matches.add(proposed(program, mentee, mentor, "one_on_one"));
    }

    List<ApiClient.Response> answers = all(16, i -> decide(program, matches.get(i / 2),
        i % 2 == 0 ? "mentor" : "mentee", "accept"));

    assertOnly(answers, Set.of(200, 409));
    Map<String, String> status = statuses(program, matches);
    List<String> active = matches.stream().filter(m -> status.get(m).equals("active")).toList();
    assertEquals(1, active.size(), status.toString());
    String winner = active.get(0);
    for (String id : matches) {
      if (!id.equals(winner)) {
        JsonNode match = get(program, "/v1/matches/" + id);
        assertEquals("withdrawn", match.get("status").asText(), match.toString());
        assertEquals("mentee_matched", match.at("/ending/reason").asText());
        assertEquals("the mentee's one-on-one match " + winner + " became active",
            match.at("/ending/notes").asText());
      }
    }
    for (ApiClient.Response answer : answers) {
      if (answer.status() == 409) {
        String message = answer.json().at("/error/message").asText();
        assertTrue(message.equals("mentee " + mentee + " is already in active one-on-one match " + winner)
                || message.matches("match mat_\\w+ is withdrawn; only a proposed match can be decided on"),
            message);
      }
    }
    assertTrue(answers.stream().filter(a -> a.status() == 200).count() >= 2, statusesOf(answers));
    JsonNode read = get(program, "/v1/mentees/" + mentee);
    assertEquals("matched", read.get("status").asText());
    assertEquals(1, read.get("activeMatches").asInt());
    assertEquals(winner, read.get("activeOneOnOneMatchId").asText());
    String winnerMentor = get(program, "/v1/matches/" + winner).get("mentorId").asText();
    for (String id : matches) {
      String mentor = get(program, "/v1/matches/" + id).get("mentorId").asText();
      assertEquals(mentor.equals(winnerMentor) ? 1 : 0, get(program, "/v1/mentors/" + mentor).get("activeMentees")
          .asInt());
    }
    assertCountersTrue(program);
    assertInvariants(program);
  }

  @Test
  void closingOneMatchAtOnceFromManyThreadsClosesItOnceAndGivesOneSeatBack() {
    TestTandem.Program program = program("closurerace");
    String mentor = readyMentor(program, "Closer", Map.of("capacity", 3));
    String mentee = readyMentee(program, "Closing");
    String match = activate(program, mentee, mentor, "one_on_one");
    String otherMentee = readyMentee(program, "Staying");
    String other = activate(program, otherMentee, mentor, "one_on_one");
    assertEquals(2, get(program, "/v1/mentors/" + mentor).get("activeMentees").asInt());
    List<String> reasons = List.of("objectives_met", "term_ended", "withdrawn", "mismatch");
    Map<String, String> menteeStatusFor = Map.of("objectives_met", "completed", "term_ended", "completed",
        "withdrawn", "withdrawn", "mismatch", "ready");

    List<ApiClient.Response> answers = all(THREADS, i -> call("POST", "/v1/matches/" + match + "/closure",
        program.coordinator(), Map.of("reason", reasons.get(i % reasons.size()), "notes", "Closed by thread " + i)));

    assertOnly(answers, Set.of(200, 409));
    List<Integer> won = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      if (answers.get(i).status() == 200) {
        won.add(i);
      } else {
        assertEquals("match " + match + " is closed; only an active match can be closed",
            answers.get(i).json().at("/error/message").asText());
      }
    }
    assertEquals(1, won.size(), statusesOf(answers));
    String reason = reasons.get(won.get(0) % reasons.size());
    JsonNode closed = get(program, "/v1/matches/" + match);
    assertEquals("closed", closed.get("status").asText());
    assertEquals(reason, closed.at("/ending/reason").asText());
    assertEquals("Closed by thread " + won.get(0), closed.at("/ending/notes").asText());
    assertEquals(4, closed.get("version").asLong(), "closed once");
    assertEquals(answers.get(won.get(0)).json(), closed);
    // The seat came back once: the other match still holds its own.
    assertEquals(1, get(program, "/v1/mentors/" + mentor).get("activeMentees").asInt());
    assertEquals("active", get(program, "/v1/matches/" + other).get("status").asText());
    JsonNode after = get(program, "/v1/mentees/" + mentee);
    assertEquals(menteeStatusFor.get(reason), after.get("status").asText());
    assertEquals(0, after.get("activeMatches").asInt());
    assertTrue(after.get("activeOneOnOneMatchId").isNull());
    assertCountersTrue(program);
    assertInvariants(program);
  }

  @Test
  void aStormOfProposalsDecisionsClosuresAndWithdrawalsKeepsEveryPromise() {
    TestTandem.Program program = program("matchstorm");
    List<String> mentors = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      mentors.add(readyMentor(program, "Storm" + i, Map.of("capacity", 1 + i % 3)));
    }
    List<String> mentees = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      mentees.add(readyMentee(program, "Storm" + i));
    }
    List<String> matches = new CopyOnWriteArrayList<>();
    List<String> formats = List.of("one_on_one", "one_on_one", "group", "connector", "employer_hosted");
    List<String> reasons = List.of("objectives_met", "term_ended", "withdrawn", "mismatch");

    List<List<Integer>> seen = all(THREADS, thread -> {
      Random random = new Random(thread * 7919L);
      List<Integer> codes = new ArrayList<>();
      for (int step = 0; step < 30; step++) {
        int pick = random.nextInt(10);
        ApiClient.Response answer;
        if (pick < 3 || matches.isEmpty()) {
          answer = call("POST", "/v1/matches", program.coordinator(), Map.of(
              "menteeId", mentees.get(random.nextInt(mentees.size())),
              "mentorId", mentors.get(random.nextInt(mentors.size())),
              "format", formats.get(random.nextInt(formats.size()))));
          if (answer.status() == 201) {
            matches.add(answer.json().get("id").asText());
          }
        } else {
          String id = matches.get(random.nextInt(matches.size()));
          if (pick < 8) {
            answer = decide(program, id, random.nextBoolean() ? "mentor" : "mentee",
                random.nextInt(8) == 0 ? "decline" : "accept");
          } else if (pick < 9) {
            answer = call("POST", "/v1/matches/" + id + "/closure", program.coordinator(),
                Map.of("reason", reasons.get(random.nextInt(reasons.size()))));
          } else {
            answer = call("POST", "/v1/matches/" + id + "/withdrawal", program.coordinator(), null);
          }
        }
        codes.add(answer.status());
        assertTrue(Set.of(200, 201, 409).contains(answer.status()), answer.status() + " " + answer.text());
      }
      return codes;
    });

    List<Integer> codes = seen.stream().flatMap(List::stream).toList();
    assertTrue(codes.contains(201) && codes.contains(200), codes.toString());
    assertTrue(walk(program, "/v1/matches?status=active").size() > 0, "the storm made some matches");
    assertCountersTrue(program);
    assertInvariants(program);
  }

  // ---------------------------------------------------------------- invariants

  /** The participant counters equal the statuses the lists show. */
  private static void assertCountersTrue(TestTandem.Program program) {
    Map<String, Long> counted = new TreeMap<>();
    tandem.participantCounters(program, "pool").forEach((name, value) -> {
      if (value != 0) {
        counted.put(name, value);
      }
    });
    Map<String, Long> actual = new TreeMap<>();
    for (String kind : List.of("mentee", "mentor")) {
      walk(program, "/v1/" + kind + "s").forEach(p -> actual.merge(kind + "_" + p.get("status").asText(), 1L,
          Long::sum));
    }
    assertEquals(actual, counted);
  }

  /**
   * What the stored matches and people must agree on: each mentor's seats are its active matches
   * and never more than its capacity; each mentee's active matches, one-on-one and status follow
   * its matches; a pair has at most one open match.
   */
  private static void assertInvariants(TestTandem.Program program) {
    List<JsonNode> matches = walk(program, "/v1/matches");
    Map<String, Integer> activeByMentor = new HashMap<>();
    Map<String, Integer> activeByMentee = new HashMap<>();
    Map<String, List<String>> oneOnOnesByMentee = new HashMap<>();
    Set<String> openPairs = new HashSet<>();
    for (JsonNode match : matches) {
      String status = match.get("status").asText();
      String mentee = match.get("menteeId").asText();
      String mentor = match.get("mentorId").asText();
      if (status.equals("active")) {
        activeByMentor.merge(mentor, 1, Integer::sum);
        activeByMentee.merge(mentee, 1, Integer::sum);
        String format = match.get("format").asText();
        if (format.equals("one_on_one") || format.equals("employer_hosted")) {
          oneOnOnesByMentee.computeIfAbsent(mentee, k -> new ArrayList<>()).add(match.get("id").asText());
        }
        assertTrue(match.get("startDate").isTextual(), match.toString());
      }
      if (status.equals("proposed") || status.equals("active")) {
        assertTrue(openPairs.add(mentee + "#" + mentor), "two open matches for " + mentee + " and " + mentor);
      }
    }
    for (JsonNode mentor : walk(program, "/v1/mentors")) {
      String id = mentor.get("id").asText();
      int seats = mentor.get("activeMentees").asInt();
      assertEquals(activeByMentor.getOrDefault(id, 0).intValue(), seats, "seats of " + id);
      assertTrue(seats <= mentor.get("capacity").asInt(), "over capacity: " + mentor);
    }
    for (JsonNode mentee : walk(program, "/v1/mentees")) {
      String id = mentee.get("id").asText();
      int active = activeByMentee.getOrDefault(id, 0);
      assertEquals(active, mentee.get("activeMatches").asInt(), "active matches of " + id);
      List<String> oneOnOnes = oneOnOnesByMentee.getOrDefault(id, List.of());
      assertTrue(oneOnOnes.size() <= 1, "two active one-on-ones: " + oneOnOnes);
      if (oneOnOnes.isEmpty()) {
        assertTrue(mentee.get("activeOneOnOneMatchId").isNull(), mentee.toString());
      } else {
        assertEquals(oneOnOnes.get(0), mentee.get("activeOneOnOneMatchId").asText());
      }
      String status = mentee.get("status").asText();
      if (active > 0) {
        assertEquals("matched", status, mentee.toString());
      } else {
        assertTrue(Set.of("ready", "completed", "withdrawn").contains(status), mentee.toString());
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Runs {@code task(0..count-1)} on the pool, released together; answers in task order. */
  private static <T> List<T> all(int count, IntFunction<T> task) {
    return Race.run(pool, THREADS, count, task);
  }

  private static TestTandem.Program program(String stem) {
    TestTandem.Program program = tandem.onboard(stem, "pool");
    ApiClient.Response put = call("PUT", "/v1/program", program.admin(),
        Map.of("formats", List.of("one_on_one", "group", "connector", "employer_hosted")));
    assertEquals(200, put.status(), put.text());
    return program;
  }

  private static ApiClient.Response call(String method, String path, String key, Object body) {
    return tandem.api().call(method, path, key, body);
  }

  private static JsonNode get(TestTandem.Program program, String path) {
    ApiClient.Response read = call("GET", path, program.coordinator(), null);
    assertEquals(200, read.status(), read.text());
    return read.json();
  }

  private static String readyMentee(TestTandem.Program program, String name) {
    return ready(program, "mentees", TestTandem.menteeIntake(name));
  }

  private static String readyMentor(TestTandem.Program program, String name, Map<String, Object> changes) {
    Map<String, Object> intake = TestTandem.mentorIntake(name);
    intake.put("corporatePartner", true);
    intake.putAll(changes);
    return ready(program, "mentors", intake);
  }

  private static String ready(TestTandem.Program program, String collection, Map<String, Object> intake) {
    ApiClient.Response created = call("POST", "/v1/" + collection, program.coordinator(), intake);
    assertEquals(201, created.status(), created.text());
    String id = created.json().get("id").asText();
    ApiClient.Response screened = call("POST", "/v1/" + collection + "/" + id + "/screening", program.coordinator(),
        null);
    assertEquals("eligible", screened.json().get("status").asText(), screened.text());
    ApiClient.Response moved = call("PATCH", "/v1/" + collection + "/" + id, program.coordinator(),
        Map.of("status", "ready"));
    assertEquals(200, moved.status(), moved.text());
    return id;
  }

  private static String proposed(TestTandem.Program program, String mentee, String mentor, String format) {
    ApiClient.Response created = call("POST", "/v1/matches", program.coordinator(),
        Map.of("menteeId", mentee, "mentorId", mentor, "format", format));
    assertEquals(201, created.status(), created.text());
    return created.json().get("id").asText();
  }

  private static ApiClient.Response decide(TestTandem.Program program, String match, String party, String decision) {
    return call("POST", "/v1/matches/" + match + "/decisions", program.coordinator(),
        Map.of("party", party, "decision", decision));
  }

  private static String activate(TestTandem.Program program, String mentee, String mentor, String format) {
    String id = proposed(program, mentee, mentor, format);
    assertEquals(200, decide(program, id, "mentor", "accept").status());
    ApiClient.Response active = decide(program, id, "mentee", "accept");
    assertEquals("active", active.json().get("status").asText(), active.text());
    return id;
  }

  private static Map<String, String> statuses(TestTandem.Program program, List<String> matches) {
    Map<String, String> statuses = new LinkedHashMap<>();
    for (String id : matches) {
      statuses.put(id, get(program, "/v1/matches/" + id).get("status").asText());
    }
    return statuses;
  }

  private static List<JsonNode> walk(TestTandem.Program program, String path) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    do {
      JsonNode page = get(program, path + (path.contains("?") ? "&" : "?") + "limit=100"
          + (cursor == null ? "" : "&cursor=" + cursor));
      page.get("items").forEach(items::add);
      cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
    } while (cursor != null);
    return items;
  }

  private static void assertOnly(List<ApiClient.Response> answers, Set<Integer> allowed) {
    for (ApiClient.Response answer : answers) {
      assertTrue(allowed.contains(answer.status()), answer.status() + " " + answer.text() + "; " + statusesOf(answers));
    }
  }

  private static String statusesOf(List<ApiClient.Response> answers) {
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
    return "statuses: " + counts + " " + answers.stream().filter(a -> a.status() != 200 && a.status() != 201)
        .map(ApiClient.Response::text).distinct().limit(3).toList();
  }
}
