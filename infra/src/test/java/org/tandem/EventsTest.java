package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.auth.ApiKeys;
import org.tandem.functions.matching.MatchingComponent;
import org.tandem.functions.relationships.RelationshipsComponent;
import org.tandem.functions.participants.ParticipantsComponent;
import org.tandem.functions.platform.PlatformComponent;
import org.tandem.http.Route;
import org.tandem.local.ApiClient;
import org.tandem.local.DemoData;
import org.tandem.local.Gateway;
import org.tandem.local.LocalFunctions;
import org.tandem.local.LocalState;
import org.tandem.local.LocalTandem;
import org.tandem.support.TestTandem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The samples in {@code events/} are real inputs: every route in code has one, every one names a
 * route, and each, its placeholders filled from a fresh program (and from the demo programs'
 * {@code local.json}), is answered 2xx by the real authorizer and handler, run the way {@code
 * tandem-local.jar invoke} runs them.
 */
class EventsTest {
  private static final TestTandem tandem = TestTandem.get();
  private static final ObjectMapper mapper = tandem.tandem().mapper();

  @Test
  void everyRouteInCodeHasASampleInItsFunctionsFolder() {
    Map<String, Samples.Sample> samples = Samples.byRouteKey();
    List<String> missing = new ArrayList<>();
    for (LocalFunctions.HttpFunctionEntry function : tandem.tandem().functions().functions()) {
      for (String routeKey : function.routeKeys()) {
        Samples.Sample sample = samples.get(routeKey);
        if (sample == null) {
          missing.add(routeKey + " (add events/" + function.name() + "/<operation>.json)");
        } else if (!sample.function().equals(function.name())) {
          missing.add(routeKey + " is served by " + function.name() + " but its sample " + sample.file()
              + " is in events/" + sample.function());
        }
      }
    }
    assertEquals(List.of(), missing, "routes without a sample");
  }

  @Test
  void everySampleNamesARouteInCode() {
    Set<String> routeKeys = tandem.tandem().functions().functions().stream()
        .flatMap(function -> function.routeKeys().stream())
        .collect(Collectors.toSet());
    List<String> stray = Samples.http().stream()
        .filter(sample -> !routeKeys.contains(sample.routeKey()))
        .map(sample -> sample.file() + " names " + sample.routeKey())
        .toList();
    assertEquals(List.of(), stray, "samples of routes that do not exist");
    assertEquals(Samples.http().size(), Samples.byRouteKey().size(), "two samples name the same route");
  }

  /** What API Gateway sends is consistent in itself: the route, the path, the query, the body's headers. */
  @TestFactory
  Stream<DynamicTest> everySampleIsTheEventApiGatewaySendsForItsRoute() {
    return Samples.http().stream().map(sample -> dynamicTest(sample.file().toString(), () -> {
      JsonNode event = sample.raw();
      String method = event.at("/requestContext/http/method").asText();
      String path = event.path("rawPath").asText();
      assertEquals("2.0", event.path("version").asText());
      assertEquals(sample.routeKey(), event.at("/requestContext/routeKey").asText());
      assertEquals(path, event.at("/requestContext/http/path").asText());
      assertEquals("$default", event.at("/requestContext/stage").asText());
      assertTrue(event.at("/requestContext/timeEpoch").isNumber(), "timeEpoch");
      assertFalse(event.path("isBase64Encoded").asBoolean(true), "isBase64Encoded");
      assertTrue(event.at("/headers/authorization").asText().startsWith("Bearer ${"), "authorization header");

      LocalFunctions.RouteMatch match = tandem.tandem().functions().route(method, path).orElseThrow(
          () -> new AssertionError("no route for " + method + " " + path));
      assertEquals(sample.routeKey(), match.routeKey(), "the route the gateway finds for the path");
      assertEquals(sample.function(), match.function().name());
      assertEquals(match.pathParameters(), strings(event.get("pathParameters")), "pathParameters");

      Map<String, String> query = strings(event.get("queryStringParameters"));
      assertEquals(query, Samples.parseQuery(event.path("rawQueryString").asText()), "queryStringParameters");

      JsonNode body = event.get("body");
      if (body == null) {
        assertTrue(event.at("/headers/content-type").isMissingNode(), "a content-type without a body");
      } else {
        assertEquals("application/json; charset=utf-8", event.at("/headers/content-type").asText());
        // The length of the body as sent: each id a placeholder stands for is as long as every server-made id.
        String sent = Samples.ID_PLACEHOLDER.matcher(body.asText()).replaceAll("x".repeat(Samples.ID_LENGTH));
        assertFalse(sent.contains("${"), "a body's placeholders name ids only: " + body.asText());
        assertEquals(sent.getBytes(StandardCharsets.UTF_8).length,
            event.at("/headers/content-length").asInt(), "content-length");
        assertTrue(mapper.readTree(body.asText()).isObject(), "the body is a JSON object");
      }
    }));
  }

  @TestFactory
  Stream<DynamicTest> everySampleIsAnsweredWithSuccessByTheRealAuthorizerAndHandler() {
    Samples.Seeded program = Samples.seed(tandem, "events", "pool");
    return Samples.http().stream().map(sample -> dynamicTest(sample.file().toString(),
        () -> assertInvokedWithSuccess(sample, sample.event(program))));
  }

  /**
   * {@code tandem-local.jar invoke} on the demo programs, exactly as a developer runs it: the
   * demo seeded by {@code DemoData}, the placeholders filled from the {@code local.json} it
   * writes.
   */
  @TestFactory
  Stream<DynamicTest> everySampleIsAnsweredWithSuccessOnTheDemoProgramsAsTheLocalInvokeRunsIt(@TempDir Path dir) {
    assertEquals(404, tandem.api().call("GET", "/v1/tenants/criec", TestTandem.OPERATOR_KEY, null).status(),
        "the demo programs are seeded once per test JVM, here");
    LocalState state = new LocalState(dir, mapper);
    state.state().put("operatorKey", TestTandem.OPERATOR_KEY);
    new DemoData(tandem.api(), mapper).seed(state, TestTandem.OPERATOR_KEY);
    state.save();
    LocalState saved = new LocalState(dir, mapper);
    return Samples.http().stream().map(sample -> dynamicTest(sample.file().toString(), () -> {
      ObjectNode event = (ObjectNode) mapper.readTree(saved.substitute(sample.text()));
      assertInvokedWithSuccess(sample, event);
    }));
  }

  /**
   * As {@code tandem-local.jar invoke} runs a sample: the authorizer on its Authorization
   * header, the authorizer's context into the event, then the function's handler with the
   * event's bytes; the answer is a success.
   */
  private static void assertInvokedWithSuccess(Samples.Sample sample, ObjectNode event) {
    LocalFunctions.HttpFunctionEntry function = tandem.tandem().functions().function(sample.function()).orElseThrow();
    Gateway gateway = tandem.tandem().gateway();

    JsonNode authorized = gateway.call(tandem.tandem().functions().authorizer(), Samples.authorizerEvent(event));
    assertTrue(authorized.path("isAuthorized").asBoolean(), authorized.toString());
    assertEquals(event.at("/requestContext/authorizer/lambda"), authorized.path("context"),
        "the sample's authorizer context is what the authorizer answers for its key (so --as-is works too)");
    ((ObjectNode) event.get("requestContext")).putObject("authorizer").set("lambda", authorized.path("context"));
    if (event.hasNonNull("body")) {
      assertEquals(event.get("body").asText().getBytes(StandardCharsets.UTF_8).length,
          event.at("/headers/content-length").asInt(), "content-length, the placeholders filled");
    }
    JsonNode response = gateway.call(function.handler(), event);

    int status = response.path("statusCode").asInt();
    assertTrue(status / 100 == 2, sample.file() + " answered " + status + ": " + response.path("body").asText());
  }

  @Test
  void theAuthorizerSampleAuthorizesAValidAdminKeyWithItsProgramRoleAndKeyId() {
    Samples.Seeded program = Samples.seed(tandem, "authz", "pool");
    JsonNode event = program.fill(Samples.read(Samples.dir().resolve("authorizer/request.json")));
    assertEquals("REQUEST", event.path("type").asText());

    JsonNode answer = tandem.tandem().gateway().call(tandem.tandem().functions().authorizer(), event);

    assertTrue(answer.path("isAuthorized").asBoolean(), answer.toString());
    JsonNode context = answer.path("context");
    assertTrue(context.path("authenticated").asBoolean(), context.toString());
    assertEquals("admin", context.path("role").asText());
    assertEquals(program.program().id(), context.path("tenantId").asText());
    assertEquals(program.record().get("adminKeyId").asText(), context.path("keyId").asText());
    assertEquals("pool", context.path("isolation").asText());
  }

  @Test
  void theAuthorizerSampleWithAnUnknownKeyAuthenticatesNoOne() {
    Samples.Seeded program = Samples.seed(tandem, "authz", "pool");
    String forged = "tdm." + program.program().id() + ".key_00000000000000000000000000.forgedforgedforgedforgedforged00";
    ObjectNode event = program.fill(Samples.read(Samples.dir().resolve("authorizer/request.json")));
    ((ObjectNode) event.get("headers")).put("authorization", "Bearer " + forged);
    event.putArray("identitySource").add("Bearer " + forged);

    JsonNode answer = tandem.tandem().gateway().call(tandem.tandem().functions().authorizer(), event);

    // The HTTP API would answer 403 to isAuthorized false; the function answers the 401 instead.
    assertEquals(mapper.createObjectNode().put("authenticated", false), answer.path("context"));
  }

  @Test
  void theFollowupsSampleIsEventBridgeSchedulersEventAndRunsForTheDayItNames() throws IOException {
    JsonNode event = Samples.parse(Samples.read(Samples.dir().resolve("followups/daily.json")));
    assertEquals("Scheduled Event", event.path("detail-type").asText());
    JsonNode result = tandem.tandem().gateway().call(tandem.tandem().functions().followups(), event);
    assertEquals(event.path("time").asText().substring(0, 10), result.path("date").asText(), result.toString());
    assertTrue(result.path("failed").isEmpty(), result.toString());
    assertTrue(result.path("notReached").isEmpty(), result.toString());
  }

  @Test
  void theReadmeListsEverySample() throws IOException {
    String readme = Files.readString(Samples.dir().resolve("README.md"));
    List<String> unlisted = new ArrayList<>();
    for (Samples.Sample sample : Samples.http()) {
      if (!readme.contains(sample.file().toString())) {
        unlisted.add(sample.file().toString());
      }
    }
    for (String other : List.of("authorizer/request.json", "followups/daily.json")) {
      if (!readme.contains(other)) {
        unlisted.add(other);
      }
    }
    assertEquals(List.of(), unlisted, "samples missing from events/README.md");
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    if (object != null) {
      object.fields().forEachRemaining(field -> out.put(field.getKey(), field.getValue().asText()));
    }
    return out;
  }

  /**
   * The samples in {@code events/} and what the route tests need around them: programs seeded the
   * way {@code DemoData} seeds the demo (so every placeholder a sample names has a value), the
   * routers' routes, and requests made from the samples. Shared with {@link RouteMatrixTest} and
   * {@link BadInputTest}.
   */
  static final class Samples {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The record fields that are keys (secrets a caller presents), as opposed to ids of things. */
    static final List<String> KEY_FIELDS = List.of("adminKey", "coordinatorKey", "partnerKey", "assistantKey");
    /** In a record, the key that stands in for {@code ${operatorKey}}, where one does. */
    private static final String OPERATOR_OVERRIDE = "operatorKeyInstead";
    /** A placeholder naming a server-made id of the demo program, such as {@code ${tenants.criec.mentees.5}}. */
    static final Pattern ID_PLACEHOLDER = Pattern.compile(
        "\\$\\{tenants\\.criec\\.(mentees|mentors|mentorApplicants|referrals|runs|matches)\\.[A-Za-z0-9]+}");
    /** How long every server-made id is: a three-letter prefix, an underscore and 26 characters. */
    static final int ID_LENGTH = 30;
    private static final AtomicInteger SEEDED = new AtomicInteger();
    private static volatile List<Sample> http;

    private Samples() {}

    /** One sample event: {@code events/<function>/<operation>.json}. */
    record Sample(String function, String operation, Path file, String text, JsonNode raw) {
      String routeKey() {
        return raw.path("routeKey").asText();
      }

      boolean hasBody() {
        return raw.hasNonNull("body");
      }

      /** The event with its placeholders filled from {@code program}. */
      ObjectNode event(Seeded program) {
        return program.fill(text);
      }
    }

    static Path dir() {
      String root = System.getProperty("tandem.project.root");
      Path events = (root == null ? Path.of("..") : Path.of(root)).resolve("events").normalize();
      if (!Files.isDirectory(events)) {
        events = Path.of("events");
      }
      assertTrue(Files.isDirectory(events), "no events/ folder at " + events.toAbsolutePath());
      return events;
    }

    static String read(Path file) {
      try {
        return Files.readString(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Every HTTP sample, in a stable order. */
    static List<Sample> http() {
      if (http == null) {
        List<Sample> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir(), 2)) {
          for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
            Path relative = dir().relativize(file);
            if (relative.getNameCount() != 2) {
              fail("a sample belongs in events/<function>/: " + relative);
            }
            String function = relative.getName(0).toString();
            if (function.equals("authorizer") || function.equals("followups")) {
              continue; // not HTTP events: the authorizer's request and the daily schedule's
            }
            String text = read(file);
            out.add(new Sample(function, relative.getFileName().toString().replace(".json", ""), relative, text,
                MAPPER.readTree(text)));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        http = List.copyOf(out);
      }
      return http;
    }

    static Map<String, Sample> byRouteKey() {
      Map<String, Sample> out = new LinkedHashMap<>();
      for (Sample sample : http()) {
        out.putIfAbsent(sample.routeKey(), sample);
      }
      return out;
    }

    /** A route in code with the function that serves it and its sample. */
    record RouteCase(String function, Route route, Sample sample) {
      String key() {
        return route.key();
      }

      List<String> pathParameters() {
        List<String> out = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\{([^}]+)}").matcher(route.path());
        while (matcher.find()) {
          out.add(matcher.group(1));
        }
        return out;
      }

      @Override
      public String toString() {
        return route.key();
      }
    }

    /**
     * Every route of every function, read from the functions' routers, each with its sample. A
     * route without a sample fails here, naming it.
     */
    static List<RouteCase> routes(LocalTandem tandem) {
      Map<String, Sample> samples = byRouteKey();
      List<RouteCase> out = new ArrayList<>();
      for (LocalFunctions.HttpFunctionEntry function : tandem.functions().functions()) {
        List<Route> routes = switch (function.name()) {
          case "platform" -> PlatformComponent.create(tandem.config()).http().router().routes();
          case "participants" -> ParticipantsComponent.create(tandem.config()).http().router().routes();
          case "matching" -> MatchingComponent.create(tandem.config()).http().router().routes();
          case "relationships" -> RelationshipsComponent.create(tandem.config()).http().router().routes();
          default -> throw new AssertionError("function " + function.name()
              + " is new: teach EventsTest.Samples.routes() to read its router");
        };
        assertEquals(function.routeKeys(), routes.stream().map(Route::key).toList(),
            "the router of " + function.name() + " is the one the gateway routes to");
        for (Route route : routes) {
          Sample sample = samples.get(route.key());
          assertNotNull(sample, "no sample in events/" + function.name() + "/ for " + route.key());
          out.add(new RouteCase(function.name(), route, sample));
        }
      }
      return out;
    }

    /**
     * A program seeded as {@code DemoData} seeds the demo's, recorded the way {@code
     * .tandem/local.json} records it under {@code tenants.criec}: its id and keys with their ids, a
     * coordinator key to revoke ({@code assistantKey}); the formats one-on-one and group; four
     * mentors screened and ready and one applicant not yet screened; mentees {@code 0}, {@code 1},
     * {@code 3}, {@code 4} and {@code 5} screened and ready, {@code 2} applied, {@code 6} and
     * {@code 7} referred by the partner agency, with their referrals. Then its matching history,
     * made through {@code DemoData} itself: mentee 3 and mentor 2 matched and closed ({@code
     * matches.closed}, mentee 3 completed); a cohort run of every ready mentee ({@code runs.0});
     * mentee 0 active with mentor 0 one-on-one ({@code matches.active}) and with mentor 3 in a group
     * ({@code matches.activeGroup}, so the active matches fill two pages of one); mentee 1 proposed
     * to mentor 1, the mentor having accepted ({@code matches.proposed}); mentee 4 proposed to mentor
     * 1 ({@code matches.toWithdraw}). Mentee 5 has no match yet.
     */
    static Seeded seed(TestTandem tandem, String stem, String isolation) {
      TestTandem.Program program = tandem.onboard(stem, isolation);
      ApiClient api = tandem.api();
      ObjectNode record = MAPPER.createObjectNode();
      record.put("id", program.id());
      record.put("name", "Program " + program.id());
      record.put("adminKey", program.admin());
      record.put("coordinatorKey", program.coordinator());
      record.put("partnerKey", program.partner());
      record.put("assistantKey", tandem.createKey(program.admin(), "coordinator", "Summer intake assistant"));
      for (String key : KEY_FIELDS) {
        record.put(key + "Id", ApiKeys.parse(record.get(key).asText()).orElseThrow().keyId());
      }
      // Settings of its own, so that no two seeded programs read the same.
      expect(200, api.call("PUT", "/v1/program", program.admin(),
          Map.of("matchTermWeeks", 1 + SEEDED.getAndIncrement() % 104, "formats", List.of("one_on_one", "group"))));
      String tag = program.id().replaceAll("[^a-z0-9]", "");
      var mentors = record.putArray("mentors");
      for (String name : List.of("Gordon", "Priya", "Louise", "Colin")) {
        String id = tandem.createMentor(program, name + tag);
        expect(200, api.call("POST", "/v1/mentors/" + id + "/screening", program.coordinator(), null));
        expect(200, api.call("PATCH", "/v1/mentors/" + id, program.coordinator(), Map.of("status", "ready")));
        mentors.add(id);
      }
      record.putArray("mentorApplicants").add(tandem.createMentor(program, "Daniel" + tag));
      var mentees = record.putArray("mentees");
      for (String name : List.of("Ana", "Tarek", "Mei", "Grace", "Wei", "Santiago")) {
        String id = tandem.createMentee(program, name + tag);
        mentees.add(id);
        if (!name.equals("Mei")) {
          expect(200, api.call("POST", "/v1/mentees/" + id + "/screening", program.coordinator(), null));
          expect(200, api.call("PATCH", "/v1/mentees/" + id, program.coordinator(), Map.of("status", "ready")));
        }
      }
      var referrals = record.putArray("referrals");
      for (String name : List.of("Oksana", "Esther")) {
        JsonNode referral = expect(201, api.call("POST", "/v1/referrals", program.partner(),
            Map.of("mentee", TestTandem.menteeIntake(name + tag), "note", "Referred after our job-search workshop.")));
        referrals.add(referral.get("id").asText());
        mentees.add(referral.get("menteeId").asText());
      }
      new DemoData(api, MAPPER).seedMatching(parse("""
          [{"match": "closed", "mentee": 3, "mentor": 2, "format": "one_on_one", "accept": ["mentor", "mentee"],
            "closure": {"reason": "objectives_met", "notes": "Met every goal of the action plan."}},
           {"run": {}},
           {"match": "active", "mentee": 0, "mentor": 0, "format": "one_on_one", "accept": ["mentor", "mentee"]},
           {"match": "activeGroup", "mentee": 0, "mentor": 3, "format": "group", "accept": ["mentee", "mentor"]},
           {"match": "proposed", "mentee": 1, "mentor": 1, "format": "one_on_one", "accept": ["mentor"]},
           {"match": "toWithdraw", "mentee": 4, "mentor": 1, "format": "one_on_one"}]"""),
          record, program.coordinator());
      // The closure sample closes the group match, so the one-on-one stays active for the
      // relationship samples that follow it.
      record.with("matches").set("toClose", record.at("/matches/activeGroup"));
      new DemoData(api, MAPPER).seedRelationships(parse("""
          [{"match": "active", "goal": {"title": "Pass the NPPE"}, "change": {"status": "in_progress"}},
           {"match": "active", "meeting": {"minutes": 60, "mode": "video"}},
           {"match": "active", "checkin": {"respondent": "mentee", "satisfaction": 4, "onTrack": true}},
           {"event": {"kind": "workshop", "title": "Canadian workplace culture"},
            "attendees": [{"mentee": 0}, {"mentor": 0}]}]"""),
          record, program.coordinator());
      return new Seeded(program, isolation, record, record);
    }

    private static JsonNode expect(int status, ApiClient.Response response) {
      assertEquals(status, response.status(), response.text());
      return response.json();
    }

    /**
     * A seeded program and the values its placeholders take.
     *
     * @param record what {@code ${tenants.criec.*}} names: ids of things, and the keys a request is made with
     * @param own the program's own record, whatever keys {@code record} holds
     */
    record Seeded(TestTandem.Program program, String isolation, ObjectNode record, ObjectNode own) {
      /** The same ids in paths and bodies, but requests made with {@code caller}'s keys. */
      Seeded withKeysOf(Seeded caller) {
        ObjectNode mixed = own.deepCopy();
        for (String key : KEY_FIELDS) {
          mixed.put(key, caller.own().get(key).asText());
        }
        return new Seeded(program, isolation, mixed, own);
      }

      /** The same ids, the requests made with {@code key} in place of every key, the operator's too. */
      Seeded withKey(String key) {
        ObjectNode mixed = own.deepCopy();
        for (String name : KEY_FIELDS) {
          mixed.put(name, key);
        }
        mixed.put(OPERATOR_OVERRIDE, key);
        return new Seeded(program, isolation, mixed, own);
      }

      /** Fills a sample's placeholders, as {@code tandem-local.jar invoke} does from {@code .tandem/local.json}. */
      ObjectNode fill(String text) {
        // A state never read from nor saved to disk: its folder does not exist.
        LocalState state = new LocalState(Path.of("target", "no-local-state"), MAPPER);
        state.state().put("operatorKey", record.path(OPERATOR_OVERRIDE).asText(TestTandem.OPERATOR_KEY));
        state.tenant("criec").setAll(record);
        return (ObjectNode) parse(state.substitute(text));
      }

      String key(String role) {
        return program.key(role);
      }
    }

    /** The authorizer event API Gateway sends for a request event, as the local gateway builds it. */
    static ObjectNode authorizerEvent(JsonNode event) {
      ObjectNode out = MAPPER.createObjectNode();
      out.put("version", "2.0");
      out.put("type", "REQUEST");
      out.put("routeArn", "arn:aws:execute-api:ca-central-1:" + event.at("/requestContext/accountId").asText() + ":"
          + event.at("/requestContext/apiId").asText() + "/$default/" + event.at("/requestContext/http/method").asText()
          + event.path("rawPath").asText());
      String authorization = event.at("/headers/authorization").asText(null);
      if (authorization != null) {
        out.putArray("identitySource").add(authorization);
      }
      out.put("routeKey", event.path("routeKey").asText());
      out.put("rawPath", event.path("rawPath").asText());
      out.put("rawQueryString", event.path("rawQueryString").asText());
      out.set("headers", event.get("headers"));
      ObjectNode context = event.get("requestContext").deepCopy();
      context.remove("authorizer");
      out.set("requestContext", context);
      if (event.has("pathParameters")) {
        out.set("pathParameters", event.get("pathParameters"));
      }
      return out;
    }

    /**
     * Makes a sample's request new: a retried {@code Idempotency-Key} would replay an earlier
     * answer, and a tenant id can be onboarded once.
     */
    static ObjectNode fresh(ObjectNode event) {
      ObjectNode headers = (ObjectNode) event.get("headers");
      if (headers.has("idempotency-key")) {
        headers.put("idempotency-key", UUID.randomUUID().toString());
      }
      if (event.path("routeKey").asText().equals("POST /v1/tenants") && event.hasNonNull("body")) {
        ObjectNode body = (ObjectNode) parse(event.get("body").asText());
        body.put("id", TestTandem.newTenantId("sample"));
        setBody(event, body.toString());
      }
      return event;
    }

    static JsonNode parse(String json) {
      try {
        return MAPPER.readTree(json);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Replaces an event's body, keeping its content-length true; null takes the body away. */
    static void setBody(ObjectNode event, String body) {
      ObjectNode headers = (ObjectNode) event.get("headers");
      if (body == null) {
        event.remove("body");
        headers.remove("content-length");
      } else {
        event.put("body", body);
        headers.put("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
      }
    }

    static void setQuery(ObjectNode event, Map<String, String> query) {
      String raw = query.entrySet().stream()
          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
              + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
      event.put("rawQueryString", raw);
      if (query.isEmpty()) {
        event.remove("queryStringParameters");
      } else {
        event.set("queryStringParameters", MAPPER.valueToTree(query));
      }
    }

    static Map<String, String> query(JsonNode event) {
      return parseQuery(event.path("rawQueryString").asText());
    }

    static Map<String, String> parseQuery(String raw) {
      Map<String, String> out = new LinkedHashMap<>();
      if (raw == null || raw.isEmpty()) {
        return out;
      }
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      return out;
    }

    /**
     * Sends a sample's request through the gateway, as a client over HTTP would: the gateway
     * routes it, runs the authorizer (with its result cache) and invokes the function.
     */
    static ApiClient.Response send(TestTandem tandem, JsonNode event) {
      Map<String, String> headers = new LinkedHashMap<>();
      event.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
      JsonNode body = event.get("body");
      byte[] bytes = body == null || body.isNull()
          ? null
          : event.path("isBase64Encoded").asBoolean()
              ? Base64.getDecoder().decode(body.asText())
              : body.asText().getBytes(StandardCharsets.UTF_8);
      String query = event.path("rawQueryString").asText();
      Gateway.HttpResponse response = tandem.tandem().gateway().handle(new Gateway.HttpRequest(
          event.at("/requestContext/http/method").asText(), event.path("rawPath").asText(),
          query.isEmpty() ? null : query, headers, bytes, event.at("/requestContext/http/sourceIp").asText()));
      JsonNode json = null;
      if (response.headers().getOrDefault("content-type", "").contains("json") && response.body().length > 0) {
        try {
          json = MAPPER.readTree(response.body());
        } catch (IOException e) {
          throw new AssertionError("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
        }
      }
      return new ApiClient.Response(response.status(), response.headers(), response.body(), json);
    }

    /** Sets the {@code Authorization} header; null takes it away. */
    static ObjectNode authorize(ObjectNode event, String key) {
      ObjectNode headers = (ObjectNode) event.get("headers");
      if (key == null) {
        headers.remove("authorization");
      } else {
        headers.put("authorization", "Bearer " + key);
      }
      return event;
    }

    /**
     * Everything a program holds, as its admin reads it through the API, its counters, and its
     * cohort runs (which no route lists), read behind the API.
     */
    static ObjectNode snapshot(TestTandem tandem, Seeded seeded) {
      ObjectNode out = MAPPER.createObjectNode();
      String admin = seeded.program().admin();
      for (String list : List.of("/v1/mentees", "/v1/mentors", "/v1/referrals", "/v1/keys", "/v1/matches",
          "/v1/events", "/v1/followups?before=2100-01-01")) {
        out.set(list, listAll(tandem, list, admin));
      }
      ApiClient.Response program = tandem.api().call("GET", "/v1/program", admin, null);
      assertEquals(200, program.status(), program.text());
      out.set("/v1/program", program.json());
      out.set("counters", MAPPER.valueToTree(tandem.participantCounters(seeded.program(), seeded.isolation())));
      // The report counters every write moves: matches and goals by status, and this month's.
      for (String item : List.of("matches", "goals", "month#" + java.time.YearMonth.now(java.time.ZoneOffset.UTC))) {
        out.set("counters:" + item, MAPPER.valueToTree(tandem.counters(seeded.program(), seeded.isolation(), item)));
      }
      out.set("runs", MAPPER.valueToTree(runIds(tandem, seeded)));
      return out;
    }

    /** The ids of a program's cohort runs, each stored in a partition of its own ({@code <tenant>#RUN#<runId>}). */
    static Set<String> runIds(TestTandem tandem, Seeded seeded) {
      String table = "silo".equals(seeded.isolation())
          ? LocalTandem.DATA_TABLE + "-" + seeded.program().id()
          : LocalTandem.DATA_TABLE;
      String prefix = seeded.program().id() + "#RUN#";
      Set<String> out = new TreeSet<>();
      ScanRequest scan = ScanRequest.builder().tableName(table)
          .filterExpression("begins_with(pk, :p) AND sk = :head")
          .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(prefix), ":head", AttributeValue.fromS("HEAD")))
          .projectionExpression("pk").consistentRead(true).build();
      tandem.tandem().config().sharedClient().scanPaginator(scan).items()
          .forEach(item -> out.add(item.get("pk").s().substring(prefix.length())));
      return out;
    }

    /** Every item of a list, page after page. */
    static JsonNode listAll(TestTandem tandem, String path, String key) {
      var items = MAPPER.createArrayNode();
      String cursor = null;
      do {
        String url = path + (path.contains("?") ? "&" : "?") + "limit=100" + (cursor == null ? "" : "&cursor=" + cursor);
        ApiClient.Response page = tandem.api().call("GET", url, key, null);
        assertEquals(200, page.status(), url + ": " + page.text());
        items.addAll((com.fasterxml.jackson.databind.node.ArrayNode) page.json().get("items"));
        cursor = page.json().path("nextCursor").isTextual() ? page.json().get("nextCursor").asText() : null;
      } while (cursor != null);
      return items;
    }

    static final Pattern SERVER_ID = Pattern.compile("[a-z]{3}_[0-9a-hjkmnp-tv-z]{26}");

    /** Every server-made id anywhere in a JSON value. */
    static Set<String> ids(JsonNode node) {
      Set<String> out = new TreeSet<>();
      collectIds(node, out);
      return out;
    }

    private static void collectIds(JsonNode node, Set<String> out) {
      if (node == null) {
        return;
      }
      if (node.isTextual() && SERVER_ID.matcher(node.asText()).matches()) {
        out.add(node.asText());
      }
      for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
        collectIds(it.next(), out);
      }
    }

    /** A short description of an error answer, for assertion messages. */
    static String describe(ApiClient.Response response) {
      return response.status() + " " + response.text();
    }
  }
}
