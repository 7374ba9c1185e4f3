package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.local.ApiClient;
import org.tandem.support.Race;
import org.tandem.support.TestTandem;

/** What many requests at once must not break: versions, idempotency and the counters. */
class ConcurrencyTest {
  private static final int THREADS = 8;
  private static final TestTandem tandem = TestTandem.get();
  private static ExecutorService pool;
  private static TestTandem.Program program;

  @BeforeAll
  static void start() {
    pool = Executors.newFixedThreadPool(THREADS);
    program = tandem.onboard("concurrency", "pool");
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  @Test
  void ofManyUpdatesAtTheSameVersionExactlyOneWins() {
    String id = tandem.createMentee(program, "Contested");

    List<ApiClient.Response> answers = all(i -> call("PATCH", "/v1/mentees/" + id, program.coordinator(),
        Map.of("city", "City" + i), Map.of("if-match", "\"1\"")));

    List<ApiClient.Response> won = answers.stream().filter(a -> a.status() == 200).toList();
    assertEquals(1, won.size(), statuses(answers));
    assertEquals(THREADS - 1, answers.stream().filter(a -> a.status() == 412).count(), statuses(answers));
    answers.stream().filter(a -> a.status() == 412).forEach(a ->
        assertEquals("precondition_failed", a.json().at("/error/code").asText()));
    JsonNode winner = won.get(0).json();
    assertEquals(2, winner.get("version").asLong());
    JsonNode stored = get("/v1/mentees/" + id);
    assertEquals(2, stored.get("version").asLong());
    assertEquals(winner.get("city"), stored.get("city"));
  }

  @Test
  void updatesWithoutIfMatchLoseNothingAndFollowOneSerialOrder() {
    String id = tandem.createMentee(program, "Busy");
    JsonNode before = get("/v1/mentees/" + id);
    // Each thread changes a field of its own.
    List<Map.Entry<String, Object>> changes = List.of(
        Map.entry("city", "Ottawa"),
        Map.entry("careerGoals", "Project engineer"),
        Map.entry("notes", "Prefers mornings"),
        Map.entry("phone", "+1 613 555 0100"),
        Map.entry("keywords", List.of("bridges")),
        Map.entry("availability", List.of("weekends")),
        Map.entry("lastName", "Ionescu"),
        Map.entry("clbLevel", 10));

    List<ApiClient.Response> answers = all(i -> call("PATCH", "/v1/mentees/" + id, program.coordinator(),
        Map.of(changes.get(i).getKey(), changes.get(i).getValue()), Map.of()));

    Map<Long, Integer> byVersion = new TreeMap<>();
    for (int i = 0; i < THREADS; i++) {
      ApiClient.Response answer = answers.get(i);
      if (answer.status() == 200) {
        assertEquals(null, byVersion.put(answer.json().get("version").asLong(), i), "two updates made one version");
      } else {
        // A clean refusal: asked to try again, nothing half done.
        assertTrue(answer.status() == 409 || answer.status() == 503, answer.status() + " " + answer.text());
      }
    }
    assertTrue(!byVersion.isEmpty(), statuses(answers));
    JsonNode after = get("/v1/mentees/" + id);
    assertEquals(before.get("version").asLong() + byVersion.size(), after.get("version").asLong());
    List<Long> versions = new ArrayList<>(byVersion.keySet());
    for (int v = 0; v < versions.size(); v++) {
      assertEquals(before.get("version").asLong() + v + 1, versions.get(v), "versions leave no gap: " + versions);
    }
    // The final state holds every successful change and no failed one.
    for (int i = 0; i < THREADS; i++) {
      String field = changes.get(i).getKey();
      JsonNode expected = byVersion.containsValue(i)
          ? tandem.tandem().mapper().valueToTree(changes.get(i).getValue())
          : before.get(field);
      assertEquals(expected, after.get(field), field);
    }
    // Each answer shows the changes that came before it in that order, and none that came after.
    for (Map.Entry<Long, Integer> answered : byVersion.entrySet()) {
      JsonNode seen = answers.get(answered.getValue()).json();
      for (Map.Entry<Long, Integer> other : byVersion.entrySet()) {
        String field = changes.get(other.getValue()).getKey();
        JsonNode expected = other.getKey() <= answered.getKey()
            ? tandem.tandem().mapper().valueToTree(changes.get(other.getValue()).getValue())
            : before.get(field);
        assertEquals(expected, seen.get(field), field + " as seen at version " + answered.getKey());
      }
    }
  }

  @Test
  void concurrentRetriesWithOneIdempotencyKeyCreateOneMentee() {
    TestTandem.Program fresh = tandem.onboard("idemrace", "pool");
    Map<String, String> headers = Map.of("idempotency-key", "intake-" + System.nanoTime());
    Map<String, Object> body = TestTandem.menteeIntake("Once");

    List<ApiClient.Response> answers = all(i -> call("POST", "/v1/mentees", fresh.coordinator(), body, headers));

    Set<String> ids = new HashSet<>();
    for (ApiClient.Response answer : answers) {
      if (answer.status() == 201) {
        ids.add(answer.json().get("id").asText());
      } else {
        assertEquals(409, answer.status(), answer.text());
        assertEquals("a request with this Idempotency-Key is still in progress",
            answer.json().at("/error/message").asText());
      }
    }
    assertEquals(1, ids.size(), statuses(answers));
    assertEquals(1, answers.stream().filter(a -> a.status() == 201 && a.header("idempotent-replayed") == null)
        .count(), "exactly one request did the work");
    ApiClient.Response later = call("POST", "/v1/mentees", fresh.coordinator(), body, headers);
    assertEquals(201, later.status(), later.text());
    assertEquals("true", later.header("idempotent-replayed"));
    assertEquals(ids, Set.of(later.json().get("id").asText()));

    JsonNode listed = tandem.api().call("GET", "/v1/mentees", fresh.coordinator(), null).json().get("items");
    assertEquals(1, listed.size());
    assertEquals(ids, Set.of(listed.get(0).get("id").asText()));
    assertEquals(Map.of("mentee_applied", 1L), tandem.participantCounters(fresh, "pool"));
  }

  @Test
  void concurrentScreeningAndStatusChangesKeepTheCountersTrue() {
    TestTandem.Program busy = tandem.onboard("counterrace", "pool");
    List<String> mentees = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Map<String, Object> intake = TestTandem.menteeIntake("Racer" + i);
      if (i % 3 == 0) {
        intake.put("immigrationStatus", "temporary_resident");
      }
      ApiClient.Response created = call("POST", "/v1/mentees", busy.coordinator(), intake, Map.of());
      assertEquals(201, created.status(), created.text());
      mentees.add(created.json().get("id").asText());
    }
    List<String> mentors = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      mentors.add(tandem.createMentor(busy, "Racer" + i));
    }

    List<List<Integer>> codes = all(thread -> {
      Random random = new Random(thread);
      List<Integer> seen = new ArrayList<>();
      for (int step = 0; step < 12; step++) {
        boolean mentee = random.nextInt(10) < 7;
        String id = mentee ? mentees.get(random.nextInt(mentees.size())) : mentors.get(random.nextInt(mentors.size()));
        String path = (mentee ? "/v1/mentees/" : "/v1/mentors/") + id;
        ApiClient.Response answer = switch (random.nextInt(4)) {
          case 0 -> call("POST", path + "/screening", busy.coordinator(), null, Map.of());
          case 1 -> call("PATCH", path, busy.coordinator(), Map.of("status", "ready"), Map.of());
          case 2 -> call("PATCH", path, busy.coordinator(), Map.of("status", mentee ? "withdrawn" : "inactive"),
              Map.of());
          default -> call("PATCH", path, busy.coordinator(), Map.of("notes", "Step " + step), Map.of());
        };
        seen.add(answer.status());
        assertTrue(Set.of(200, 409, 503).contains(answer.status()), answer.status() + " " + answer.text());
      }
      return seen;
    });
    assertTrue(codes.stream().flatMap(List::stream).anyMatch(code -> code == 200), codes.toString());

    Map<String, Long> counted = new TreeMap<>();
    tandem.participantCounters(busy, "pool").forEach((name, value) -> {
      if (value != 0) {
        counted.put(name, value);
      }
    });
    Map<String, Long> actual = new TreeMap<>();
    for (String kind : List.of("mentee", "mentor")) {
      String cursor = null;
      do {
        JsonNode page = get("/v1/" + kind + "s?limit=100" + (cursor == null ? "" : "&cursor=" + cursor), busy);
        page.get("items").forEach(p -> actual.merge(kind + "_" + p.get("status").asText(), 1L, Long::sum));
        cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
      } while (cursor != null);
    }
    assertEquals(actual, counted);
    assertEquals(10, actual.entrySet().stream().filter(e -> e.getKey().startsWith("mentee_"))
        .mapToLong(Map.Entry::getValue).sum());
    assertEquals(4, actual.entrySet().stream().filter(e -> e.getKey().startsWith("mentor_"))
        .mapToLong(Map.Entry::getValue).sum());
    // And each status list agrees with its counter.
    for (Map.Entry<String, Long> counter : counted.entrySet()) {
      String[] parts = counter.getKey().split("_", 2);
      assertEquals(counter.getValue().intValue(),
          get("/v1/" + parts[0] + "s?limit=100&status=" + parts[1], busy).get("items").size(), counter.getKey());
    }
  }

  // ---------------------------------------------------------------- helpers

  /** Runs {@code task(0..THREADS-1)} on as many threads, released together; answers in thread order. */
  private static <T> List<T> all(IntFunction<T> task) {
    return Race.run(pool, THREADS, THREADS, task);
  }

  private static ApiClient.Response call(String method, String path, String key, Object body,
      Map<String, String> headers) {
    return tandem.api().call(method, path, key, body, headers);
  }

  private static JsonNode get(String path) {
    return get(path, program);
  }

  private static JsonNode get(String path, TestTandem.Program in) {
    ApiClient.Response read = tandem.api().call("GET", path, in.coordinator(), null);
    assertEquals(200, read.status(), read.text());
    return read.json();
  }

  private static String statuses(List<ApiClient.Response> answers) {
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    answers.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
    return "statuses: " + counts + " " + answers.stream().filter(a -> a.status() >= 500)
        .map(ApiClient.Response::text).findFirst().orElse("");
  }
}
