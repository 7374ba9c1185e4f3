package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tandem.EventsTest.Samples;
import org.tandem.EventsTest.Samples.RouteCase;
import org.tandem.EventsTest.Samples.Seeded;
import org.tandem.local.ApiClient;
import org.tandem.support.TestTandem;

/**
 * Bad input of every kind, on every route that can get it, starting from the route's sample in
 * {@code events/}: each is refused with a 4xx whose details name the field, and changes nothing
 * (the program's lists, settings and counters, the tenants, read before and after).
 */
class BadInputTest {
  private static final TestTandem tandem = TestTandem.get();
  private static final ObjectMapper mapper = new ObjectMapper();
  private static final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private static final List<RouteCase> ROUTES = Samples.routes(tandem.tandem());

  /** Well-formed ids that name nothing: of a mentee, of a mentor. */
  private static final String NO_MENTEE = "mte_" + "0".repeat(26);
  private static final String NO_MENTOR = "mtr_" + "0".repeat(26);

  /**
   * What each body's fields must be, beyond their JSON types: the fields a body cannot leave
   * out, and values out of range with the field the refusal names. Every route that takes a
   * body needs an entry; a route added without one fails {@link #everyBadBodyIsRefusedAndChangesNothing}.
   */
  private static final Map<String, Rules> RULES = Map.ofEntries(Map.entry(
      "POST /v1/tenants", new Rules(List.of("id", "name"), Map.of(
          "id", List.of(text("Not A Slug!"), text("x"), text("-criec")),
          "isolation", List.of(text("shared")),
          "languages", List.of(array("de"), array("en", "en"), array())))), Map.entry(
      "PATCH /v1/tenants/{tenantId}", new Rules(List.of(), Map.of(
          "status", List.of(text("closed")),
          "languages", List.of(array("de")),
          "name", List.of(text(" "))))), Map.entry(
      "POST /v1/keys", new Rules(List.of("role", "label"), Map.of(
          "role", List.of(text("operator"), text("owner")),
          "label", List.of(text(""), text("x".repeat(121)))))), Map.entry(
      "PUT /v1/program", new Rules(List.of("menteeEligibility[0].field", "menteeEligibility[0].op",
          "menteeEligibility[0].value"), Map.of(
          "matchTermWeeks", List.of(IntNode.valueOf(0), IntNode.valueOf(105)),
          "checkinIntervalDays", List.of(IntNode.valueOf(0)),
          "menteeEligibility[0].field", List.of(text("favouriteColour")),
          "menteeEligibility[0].op", List.of(text("between")),
          "menteeEligibility[0].value", List.of(text("six")),
          "outcomeFollowupMonths", List.of(array(0), array(3, 3)),
          "matchingWeights", List.of(object("height", 10), object("occupation", 101)),
          "formats", List.of(array("webinar"), array())))),
      Map.entry("POST /v1/mentees", menteeRules("", true)),
      Map.entry("PATCH /v1/mentees/{menteeId}", menteeRules("", false)),
      Map.entry("POST /v1/referrals", menteeRules("mentee.", true)),
      Map.entry("POST /v1/mentors", mentorRules(true)),
      Map.entry("PATCH /v1/mentors/{mentorId}", mentorRules(false)),
      // Malformed id lists: not ids, ids of the other kind, none, a null, more than a run takes.
      Map.entry("POST /v1/matching/runs", Rules.optionalBody(Map.of(
          "menteeIds", List.of(array("not-an-id"), array(NO_MENTOR), array(), arrayWithNull(NO_MENTEE),
              idList("mte", 2001)),
          "mentorIds", List.of(array("not-an-id"), array(NO_MENTEE), array(), arrayWithNull(NO_MENTOR),
              idList("mtr", 2001))))),
      // Bad ids, an unknown format, a format the program does not offer (the seeded programs offer
      // one-on-one and group), ids well formed but naming nothing.
      Map.entry("POST /v1/matches", new Rules(List.of("menteeId", "mentorId", "format"), Map.of(
          "menteeId", List.of(text("not-an-id"), text(NO_MENTOR), text("")),
          "mentorId", List.of(text("not-an-id"), text(NO_MENTEE)),
          "format", List.of(text("speed_mentoring"), text("ONE_ON_ONE"), text("connector"), text("employer_hosted")),
          "runId", List.of(text("not-a-run"), text("mat_" + "0".repeat(26)))),
          Map.of("menteeId", List.of(text(NO_MENTEE)), "mentorId", List.of(text(NO_MENTOR))), false)),
      Map.entry("POST /v1/matches/{matchId}/decisions", new Rules(List.of("party", "decision"), Map.of(
          "party", List.of(text("coordinator"), text("Mentee"), text("")),
          "decision", List.of(text("maybe"), text("accepted"), text(""))))),
      // A reason not in the list, more than three people to meet next, or any for a match that is
      // no connector (the sample closes a one-on-one).
      Map.entry("POST /v1/matches/{matchId}/closure", new Rules(List.of("reason"), Map.of(
          "reason", List.of(text("graduated"), text("closed"), text("")),
          "employmentAtExit", List.of(object("status", "retired"), object("status", "seeking", "employer", "SAIT")),
          "notes", List.of(text(" "), text("x".repeat(4001))),
          "nextContacts", List.of(array("Dana Whitecloud", "Luc Fortin", "Amira Haddad", "Joe Sousa"),
              array(""), arrayWithNull("Dana Whitecloud"), array("Dana Whitecloud"))))),
      Map.entry("POST /v1/matches/{matchId}/withdrawal", Rules.optionalBody(Map.of(
          "reason", List.of(text(""), text("x".repeat(501)))))),
      Map.entry("POST /v1/matches/{matchId}/goals", new Rules(List.of("title"), Map.of(
          "title", List.of(text(" "), text("x".repeat(201))),
          "description", List.of(text("x".repeat(4001))),
          "dueDate", List.of(text("2027-02-30"), text("soon"))))),
      Map.entry("PATCH /v1/matches/{matchId}/goals/{goalId}", new Rules(List.of(), Map.of(
          "status", List.of(text("done"), text("ACHIEVED")),
          "noteAuthor", List.of(text("coach")),
          "note", List.of(text(" "), text("x".repeat(4001)))))),
      // A meeting in the future, of no minutes or more than a working day, by carrier pigeon.
      Map.entry("POST /v1/matches/{matchId}/meetings", new Rules(List.of("minutes", "mode"), Map.of(
          "minutes", List.of(IntNode.valueOf(0), IntNode.valueOf(601)),
          "mode", List.of(text("zoom"), text("")),
          "date", List.of(text("2999-01-01"), text("2026-13-01")),
          "notes", List.of(text("x".repeat(4001)))))),
      Map.entry("POST /v1/matches/{matchId}/checkins", new Rules(List.of("respondent", "satisfaction", "onTrack"),
          Map.of(
              "satisfaction", List.of(IntNode.valueOf(0), IntNode.valueOf(6)),
              "respondent", List.of(text("coordinator")),
              "kind", List.of(text("survey")),
              "date", List.of(text("2999-01-01")),
              "comment", List.of(text(" "))))),
      // Checkpoints that are none or not the program's, statuses that are none, a job's NOC code
      // that is no unit group, an employment dated in the future.
      Map.entry("POST /v1/mentees/{menteeId}/outcomes", new Rules(List.of("checkpoint", "status"), Map.of(
          "checkpoint", List.of(text("exit2"), text("0_months"), text("61_months"), text("4_months")),
          "status", List.of(text("retired"), text("EMPLOYED")),
          "nocCode", List.of(text("2130"), text("1110x")),
          "dateEmployed", List.of(text("2999-01-01")),
          "matchId", List.of(text("not-a-match"))))),
      Map.entry("POST /v1/events", new Rules(List.of("kind", "title", "date"), Map.of(
          "kind", List.of(text("gala"), text("")),
          "title", List.of(text(" "), text("x".repeat(201))),
          "startTime", List.of(text("25:00"), text("6pm")),
          "durationMinutes", List.of(IntNode.valueOf(0), IntNode.valueOf(1441)),
          "capacity", List.of(IntNode.valueOf(0)),
          "language", List.of(text("de"))))),
      Map.entry("POST /v1/events/{eventId}/attendance", new Rules(List.of("attendees"), Map.of(
          "attendees", List.of(array(), attendees(26)),
          "attendees[0].participantId", List.of(text("not-an-id"), text("mat_" + "0".repeat(26))),
          "attendees[0].role", List.of(text("host"))))));

  /**
   * Required fields (paths such as {@code mentee.email}), out-of-range values by path, values
   * well formed but naming nothing (answered 404), and whether the body may be left out.
   */
  private record Rules(List<String> required, Map<String, List<JsonNode>> outOfRange,
      Map<String, List<JsonNode>> namingNothing, boolean bodyOptional) {
    Rules(List<String> required, Map<String, List<JsonNode>> outOfRange) {
      this(required, outOfRange, Map.of(), false);
    }

    /** A body with nothing required, that may be left out: no body and {} are fine. */
    static Rules optionalBody(Map<String, List<JsonNode>> outOfRange) {
      return new Rules(List.of(), outOfRange, Map.of(), true);
    }
  }

  private static Rules menteeRules(String prefix, boolean intake) {
    Map<String, List<JsonNode>> bad = new LinkedHashMap<>();
    bad.put("clbLevel", List.of(IntNode.valueOf(13), IntNode.valueOf(0)));
    bad.put("nocCode", List.of(text("2130"), text("21300a"), text("213000")));
    bad.put("naicsCode", List.of(text("5"), text("5413301")));
    bad.put("province", List.of(text("XX"), text("on")));
    bad.put("email", List.of(text("ana.example.org"), text("ana@"), text("ana @example.org")));
    bad.put("immigrationStatus", List.of(text("visitor")));
    bad.put("preferredLanguage", List.of(text("ro")));
    bad.put("languages", List.of(array("english"), array()));
    bad.put("consentGiven", List.of(nodes.booleanNode(false)));
    bad.put("availability", List.of(array("mornings")));
    Map<String, List<JsonNode>> prefixed = new LinkedHashMap<>();
    bad.forEach((field, values) -> prefixed.put(prefix + field, values));
    List<String> required = intake
        ? Stream.of("firstName", "lastName", "email", "languages", "preferredLanguage", "nocCode", "clbLevel",
            "immigrationStatus", "consentGiven").map(field -> prefix + field).toList()
        : List.of();
    if (prefix.equals("mentee.")) {
      required = Stream.concat(Stream.of("mentee"), required.stream()).toList();
    }
    return new Rules(required, prefixed);
  }

  private static Rules mentorRules(boolean intake) {
    Map<String, List<JsonNode>> bad = new LinkedHashMap<>();
    bad.put("capacity", List.of(IntNode.valueOf(0), IntNode.valueOf(11)));
    bad.put("yearsCanadianExperience", List.of(IntNode.valueOf(-1)));
    bad.put("nocCode", List.of(text("2130")));
    bad.put("naicsCode", List.of(text("5")));
    bad.put("province", List.of(text("XX")));
    bad.put("email", List.of(text("rebecca.example.org")));
    bad.put("consentGiven", List.of(nodes.booleanNode(false)));
    List<String> required = intake
        ? List.of("firstName", "lastName", "email", "languages", "preferredLanguage", "nocCode",
            "yearsCanadianExperience", "capacity", "consentGiven")
        : List.of();
    return new Rules(required, bad);
  }

  // ---------------------------------------------------------------- bodies

  @TestFactory
  Stream<DynamicNode> everyBadBodyIsRefusedAndChangesNothing() {
    Fixture fixture = new Fixture(Samples.seed(tandem, "badbody", "pool"));
    List<DynamicNode> routes = new ArrayList<>();
    for (RouteCase route : ROUTES) {
      if (!route.sample().hasBody()) {
        continue;
      }
      Rules rules = RULES.get(route.key());
      if (rules == null) {
        routes.add(dynamicTest(route.key(), () -> fail("tell BadInputTest.RULES which fields the body of "
            + route.key() + " requires and which values are out of range")));
        continue;
      }
      ObjectNode body = (ObjectNode) Samples.parse(route.sample().event(fixture.program).get("body").asText());
      List<DynamicTest> cases = new ArrayList<>();

      cases.add(badText(fixture, route, "malformed JSON", "{\"firstName\": \"Ana\",", "body"));
      cases.add(badText(fixture, route, "a JSON array instead of an object", "[" + body + "]", "body"));
      cases.add(badText(fixture, route, "a JSON string instead of an object", "\"" + route.key() + "\"", "body"));
      cases.add(badText(fixture, route, "JSON null", "null", "body"));
      cases.add(badText(fixture, route, "an object and then more", body + " {}", "body"));
      String first = body.fieldNames().next();
      String json = body.toString();
      cases.add(badText(fixture, route, "a field given twice",
          json.substring(0, json.length() - 1) + ", \"" + first + "\": " + body.get(first) + "}", "body"));
      if (!rules.bodyOptional()) {
        cases.add(refused(fixture, route, "no body at all", event -> Samples.setBody(event, null), 400,
            "validation_failed", "body"));
      }

      for (Map.Entry<String, JsonNode> leaf : paths(body).entrySet()) {
        JsonNode wrong = wrongType(leaf.getValue());
        cases.add(badBody(fixture, route, leaf.getKey() + " of the wrong type (" + wrong + ")",
            with(body, leaf.getKey(), wrong), leaf.getKey()));
      }
      for (String object : objectPaths(body)) {
        String field = object.isEmpty() ? "favouriteColour" : object + ".favouriteColour";
        cases.add(badBody(fixture, route, "an unknown field " + field, with(body, field, text("teal")), field));
      }
      if (rules.required().isEmpty() && body.size() > 0 && !rules.bodyOptional()) {
        cases.add(badBody(fixture, route, "an empty object", nodes.objectNode(), "body"));
      }
      for (String field : rules.required()) {
        cases.add(badBody(fixture, route, "without " + field, without(body, field), field));
      }
      rules.outOfRange().forEach((field, values) -> {
        for (JsonNode value : values) {
          cases.add(badBody(fixture, route, field + " " + abbreviate(value.toString()), with(body, field, value),
              field));
        }
      });
      rules.namingNothing().forEach((field, values) -> {
        for (JsonNode value : values) {
          String text = with(body, field, value).toString();
          cases.add(refused(fixture, route, field + " " + value + ", well formed but naming nothing",
              event -> Samples.setBody(event, text), 404, "not_found", null));
        }
      });

      String huge = with(body, "notes", text("x".repeat((1 << 20) + 1))).toString();
      cases.add(refused(fixture, route, "a body over 1 MiB", event -> Samples.setBody(event, huge), 413,
          "payload_too_large", "body"));
      cases.add(refused(fixture, route, "a body sent as text/plain",
          event -> header(event, "content-type", "text/plain; charset=utf-8"), 415, "unsupported_media_type",
          "Content-Type"));
      cases.add(refused(fixture, route, "JSON in another charset",
          event -> header(event, "content-type", "application/json; charset=iso-8859-1"), 415,
          "unsupported_media_type", "Content-Type"));
      cases.add(refused(fixture, route, "a body without a content type",
          event -> ((ObjectNode) event.get("headers")).remove("content-type"), 415, "unsupported_media_type",
          "Content-Type"));
      routes.add(dynamicContainer(route.key(), cases));
    }
    return routes.stream();
  }

  // ---------------------------------------------------------------- paths, queries, headers

  @TestFactory
  Stream<DynamicNode> aBadIdInThePathIsRefusedNamingItsParameter() {
    Fixture fixture = new Fixture(Samples.seed(tandem, "badid", "pool"));
    List<DynamicNode> out = new ArrayList<>();
    for (RouteCase route : ROUTES) {
      for (String parameter : route.pathParameters()) {
        String good = route.sample().event(fixture.program).at("/pathParameters/" + parameter).asText();
        List<DynamicTest> cases = new ArrayList<>();
        List<String> bad = parameter.equals("tenantId")
            ? List.of("Not-A-Slug", "x", "a".repeat(33), "under_score")
            : List.of("not-an-id", good.toUpperCase(), good.substring(0, good.length() - 1),
                otherKindOfId(parameter, good), good + "0");
        for (String value : bad) {
          cases.add(refused(fixture, route, "\"" + value + "\"", event -> path(event, route, parameter, value),
              400, "validation_failed", parameter));
        }
        String unknown = parameter.equals("tenantId") ? "no-such-program" : good.substring(0, 4) + "0".repeat(26);
        cases.add(refused(fixture, route, "\"" + unknown + "\", well formed but naming nothing",
            event -> path(event, route, parameter, unknown), 404, "not_found", null));
        out.add(dynamicContainer(route.key() + " " + parameter, cases));
      }
    }
    return out.stream();
  }

  /**
   * Query parameters of particular routes, beyond the lists' {@code limit}, {@code cursor} and
   * {@code status}: the bad values of each. A route in this map without a sample fails.
   */
  private static final Map<String, Map<String, List<String>>> QUERIES = Map.of(
      "GET /v1/matches", Map.of(
          "mentorId", List.of("not-an-id", NO_MENTEE, ""),
          "menteeId", List.of("not-an-id", NO_MENTOR, "")),
      "GET /v1/mentees/{menteeId}/suggestions", Map.of(
          "limit", List.of("0", "51", "-1", "ten", "2.5", "")));

  @TestFactory
  Stream<DynamicNode> aBadQueryParameterOfAParticularRouteIsRefusedNamingIt() {
    Fixture fixture = new Fixture(Samples.seed(tandem, "badparam", "pool"));
    List<DynamicNode> out = new ArrayList<>();
    QUERIES.forEach((key, parameters) -> {
      RouteCase route = ROUTES.stream().filter(r -> r.key().equals(key)).findFirst()
          .orElseThrow(() -> new AssertionError("no route " + key));
      List<DynamicTest> cases = new ArrayList<>();
      parameters.forEach((name, values) -> {
        for (String value : values) {
          cases.add(refused(fixture, route, name + "=" + value, event -> query(event, name, value), 400,
              "validation_failed", name));
        }
      });
      out.add(dynamicContainer(key, cases));
    });
    return out.stream();
  }

  @TestFactory
  Stream<DynamicNode> aBadLimitCursorOrFilterIsRefusedNamingIt() {
    Fixture fixture = new Fixture(Samples.seed(tandem, "badquery", "pool"));
    List<RouteCase> lists = ROUTES.stream()
        .filter(route -> route.route().method().equals("GET") && route.pathParameters().isEmpty())
        .filter(route -> {
          ApiClient.Response response = Samples.send(tandem, route.sample().event(fixture.program));
          assertEquals(200, response.status(), Samples.describe(response));
          return response.json().has("items");
        })
        .toList();
    assertFalse(lists.isEmpty(), "no list routes found");
    List<DynamicNode> out = new ArrayList<>();
    for (RouteCase route : lists) {
      List<DynamicTest> cases = new ArrayList<>();
      for (String limit : List.of("0", "101", "-1", "ten", "2.5", "", "1e2")) {
        cases.add(refused(fixture, route, "limit=" + limit, event -> query(event, "limit", limit), 400,
            "validation_failed", "limit"));
      }
      String foreignCursor = cursorOfAnotherList(fixture, route);
      for (String cursor : List.of("!!!", "abc", "a".repeat(2049), foreignCursor)) {
        cases.add(refused(fixture, route, "cursor=" + abbreviate(cursor), event -> query(event, "cursor", cursor),
            400, "validation_failed", "cursor"));
      }
      if (Samples.query(route.sample().raw()).containsKey("status")) {
        cases.add(refused(fixture, route, "status=graduated", event -> query(event, "status", "graduated"), 400,
            "validation_failed", "status"));
      }
      out.add(dynamicContainer(route.key(), cases));
    }
    return out.stream();
  }

  @TestFactory
  Stream<DynamicNode> aMalformedOrStaleIfMatchIsRefusedAndChangesNothing() {
    Fixture fixture = new Fixture(Samples.seed(tandem, "ifmatch", "pool"));
    List<DynamicNode> out = new ArrayList<>();
    for (RouteCase route : ROUTES) {
      String method = route.route().method();
      if (!method.equals("PATCH") && !method.equals("PUT")) {
        continue;
      }
      List<DynamicTest> cases = new ArrayList<>();
      for (String value : List.of("banana", "-1", "1, 2", "W/", "\"99999999999999999999\"")) {
        cases.add(refused(fixture, route, "If-Match: " + value, event -> header(event, "if-match", value), 400,
            "validation_failed", "If-Match"));
      }
      cases.add(refused(fixture, route, "a version the resource is not at", event ->
          header(event, "if-match", "\"999\""), 412, "precondition_failed", null));
      out.add(dynamicContainer(route.key(), cases));
    }
    return out.stream();
  }

  @TestFactory
  Stream<DynamicNode> aBadIdempotencyKeyIsRefusedAndChangesNothing() {
    Fixture fixture = new Fixture(Samples.seed(tandem, "idemkey", "pool"));
    List<DynamicNode> out = new ArrayList<>();
    for (RouteCase route : ROUTES) {
      if (!route.route().idempotent()) {
        continue;
      }
      List<DynamicTest> cases = new ArrayList<>();
      for (String value : List.of("k".repeat(256), "two words", "caf\u00e9-1", "tab\there")) {
        cases.add(refused(fixture, route, "Idempotency-Key " + abbreviate(value),
            event -> header(event, "idempotency-key", value), 400, "validation_failed", "Idempotency-Key"));
      }
      out.add(dynamicContainer(route.key(), cases));
    }
    return out.stream();
  }

  /** A refusal keeps no claim on its Idempotency-Key: the corrected request under the same key goes through. */
  @TestFactory
  Stream<DynamicTest> aRefusedRequestLeavesItsIdempotencyKeyFreeForTheCorrectedOne() {
    Seeded program = Samples.seed(tandem, "idemfree", "pool");
    return ROUTES.stream().filter(route -> route.route().idempotent()).map(route -> dynamicTest(route.key(), () -> {
      ObjectNode good = Samples.fresh(route.sample().event(program));
      String key = good.at("/headers/idempotency-key").asText(UUID.randomUUID().toString());
      header(good, "idempotency-key", key);
      ObjectNode bad = good.deepCopy();
      Samples.setBody(bad, "{\"favouriteColour\": \"teal\"}");

      assertEquals(400, Samples.send(tandem, bad).status());
      ApiClient.Response corrected = Samples.send(tandem, good);

      assertEquals(201, corrected.status(), Samples.describe(corrected));
      assertEquals(null, corrected.header("idempotent-replayed"));
    }));
  }

  // ---------------------------------------------------------------- the cases

  /** A program, and everything it and the platform hold as last read: a refusal must leave it so. */
  private static final class Fixture {
    final Seeded program;
    ObjectNode baseline;

    Fixture(Seeded program) {
      this.program = program;
      this.baseline = state();
    }

    ObjectNode state() {
      ObjectNode state = Samples.snapshot(tandem, program);
      state.set("/v1/tenants", Samples.listAll(tandem, "/v1/tenants", TestTandem.OPERATOR_KEY));
      state.set("/v1/tenants/{tenantId}",
          tandem.api().call("GET", "/v1/tenants/" + program.program().id(), TestTandem.OPERATOR_KEY, null).json());
      return state;
    }

    void assertUnchanged(String what) {
      ObjectNode now = state();
      ObjectNode before = baseline;
      baseline = now;
      assertEquals(before, now, what + " changed the data");
    }
  }

  private static DynamicTest badText(Fixture fixture, RouteCase route, String name, String body, String field) {
    return refused(fixture, route, name, event -> Samples.setBody(event, body), 400, "validation_failed", field);
  }

  private static DynamicTest badBody(Fixture fixture, RouteCase route, String name, JsonNode body, String field) {
    return badText(fixture, route, name, body.toString(), field);
  }

  /**
   * Sends the route's sample, changed by {@code change}, with the sample's own key, and expects
   * the refusal: status, code and (unless null) a detail naming {@code field} or a field it lies in.
   */
  private static DynamicTest refused(Fixture fixture, RouteCase route, String name, Consumer<ObjectNode> change,
      int status, String code, String field) {
    return dynamicTest(name, () -> {
      ObjectNode event = Samples.fresh(route.sample().event(fixture.program));
      change.accept(event);
      ApiClient.Response response = Samples.send(tandem, event);
      try {
        RouteMatrixTest.assertError(status, code, response);
        if (field != null) {
          List<String> named = new ArrayList<>();
          response.json().at("/error/details").forEach(detail -> {
            named.add(detail.path("field").asText());
            assertFalse(detail.path("problem").asText().isBlank(), "a detail without its problem: " + detail);
          });
          assertTrue(named.stream().anyMatch(named1 -> names(named1, field)),
              "the details name " + named + ", not " + field + ": " + response.text());
        }
      } finally {
        fixture.assertUnchanged(route.key() + " with " + name);
      }
    });
  }

  /**
   * Whether a detail's field is {@code field}, one that holds it ({@code menteeEligibility[0].value}
   * for a bad element of that value), or one it holds ({@code matchingWeights.height} for a bad
   * {@code matchingWeights}).
   */
  private static boolean names(String detail, String field) {
    return detail.equals(field) || within(field, detail) || within(detail, field);
  }

  private static boolean within(String inner, String outer) {
    return inner.startsWith(outer + ".") || inner.startsWith(outer + "[");
  }

  // ---------------------------------------------------------------- JSON surgery

  /** Every value in a body by its path ({@code mentee.languages[0]}), containers before what they hold. */
  private static Map<String, JsonNode> paths(JsonNode body) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    collect(body, "", out);
    out.remove("");
    return out;
  }

  private static void collect(JsonNode node, String at, Map<String, JsonNode> out) {
    out.put(at, node);
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        collect(field.getValue(), at.isEmpty() ? field.getKey() : at + "." + field.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), at + "[" + i + "]", out);
      }
    }
  }

  /** The paths of the objects a body holds, itself ({@code ""}) included. */
  private static List<String> objectPaths(JsonNode body) {
    List<String> out = new ArrayList<>();
    paths(body).forEach((path, node) -> {
      if (node.isObject()) {
        out.add(path);
      }
    });
    out.add(0, "");
    return out;
  }

  /** A value of another JSON type: a string for a number or a boolean, a number for a string or an object. */
  private static JsonNode wrongType(JsonNode value) {
    if (value.isNumber() || value.isBoolean()) {
      return text(value.asText());
    }
    if (value.isTextual()) {
      return IntNode.valueOf(42);
    }
    if (value.isArray()) {
      return text(value.isEmpty() ? "x" : value.get(0).asText());
    }
    return IntNode.valueOf(7);
  }

  private static JsonNode with(JsonNode body, String path, JsonNode value) {
    JsonNode copy = body.deepCopy();
    Location at = locate(copy, path);
    if (at.index >= 0) {
      ((ArrayNode) at.parent).set(at.index, value);
    } else {
      ((ObjectNode) at.parent).set(at.name, value);
    }
    return copy;
  }

  private static JsonNode without(JsonNode body, String path) {
    JsonNode copy = body.deepCopy();
    Location at = locate(copy, path);
    if (at.index >= 0) {
      ((ArrayNode) at.parent).remove(at.index);
    } else {
      assertTrue(at.parent.has(at.name), "the sample's body has no " + path + " to leave out");
      ((ObjectNode) at.parent).remove(at.name);
    }
    return copy;
  }

  private record Location(JsonNode parent, String name, int index) {}

  /** The container of the value at a path, and the value's name or index in it. */
  private static Location locate(JsonNode root, String path) {
    List<Object> steps = new ArrayList<>();
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      steps.add(bracket < 0 ? part : part.substring(0, bracket));
      while (bracket >= 0) {
        int close = part.indexOf(']', bracket);
        steps.add(Integer.parseInt(part.substring(bracket + 1, close)));
        bracket = part.indexOf('[', close);
      }
    }
    JsonNode parent = root;
    for (int i = 0; i < steps.size() - 1; i++) {
      Object step = steps.get(i);
      parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
      if (parent == null) {
        throw new AssertionError("the sample's body has no " + path);
      }
    }
    Object last = steps.get(steps.size() - 1);
    return last instanceof Integer index ? new Location(parent, null, index) : new Location(parent, (String) last, -1);
  }

  // ---------------------------------------------------------------- request surgery

  private static void header(ObjectNode event, String name, String value) {
    ((ObjectNode) event.get("headers")).put(name, value);
  }

  private static void query(ObjectNode event, String name, String value) {
    Map<String, String> query = Samples.query(event);
    query.put(name, value);
    Samples.setQuery(event, query);
  }

  /** Puts {@code value} in place of a path parameter, in the path and in the event's parameters. */
  private static void path(ObjectNode event, RouteCase route, String parameter, String value) {
    String path = route.route().path();
    for (String name : route.pathParameters()) {
      String actual = name.equals(parameter) ? value : event.at("/pathParameters/" + name).asText();
      path = path.replace("{" + name + "}", actual);
    }
    event.put("rawPath", path);
    ((ObjectNode) event.at("/requestContext/http")).put("path", path);
    ((ObjectNode) event.get("pathParameters")).put(parameter, value);
  }

  /** A well-formed id of a kind the parameter does not take: a mentor id for a mentee id, and so on. */
  private static String otherKindOfId(String parameter, String id) {
    String prefix = id.substring(0, id.indexOf('_'));
    String other = parameter.equals("participantId") ? "key" : prefix.equals("mte") ? "mtr" : "mte";
    return other + id.substring(prefix.length());
  }

  /** A cursor of another list of the same program: keys for every list but the keys', mentors for that. */
  private static String cursorOfAnotherList(Fixture fixture, RouteCase route) {
    String other = route.key().equals("GET /v1/keys") ? "/v1/mentors" : "/v1/keys";
    ApiClient.Response page = tandem.api().call("GET", other + "?limit=1", fixture.program.program().admin(), null);
    assertEquals(200, page.status(), page.text());
    return Optional.ofNullable(page.json().path("nextCursor").asText(null))
        .orElseThrow(() -> new AssertionError("no cursor from " + other + ": " + page.text()));
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }

  private static TextNode text(String value) {
    return TextNode.valueOf(value);
  }

  private static ArrayNode array(Object... values) {
    return mapper.valueToTree(List.of(values));
  }

  /** An array of {@code value} and a null. */
  private static ArrayNode arrayWithNull(String value) {
    return nodes.arrayNode().add(value).addNull();
  }

  /** {@code count} distinct well-formed ids of one kind. */
  private static ArrayNode idList(String prefix, int count) {
    ArrayNode out = nodes.arrayNode();
    for (int i = 0; i < count; i++) {
      out.add(prefix + "_" + String.format("%026d", i));
    }
    return out;
  }

  private static ObjectNode object(String name, int value) {
    return nodes.objectNode().put(name, value);
  }

  /** An object of text fields: name, value, name, value... */
  private static ObjectNode object(String... namesAndValues) {
    ObjectNode out = nodes.objectNode();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return out;
  }

  /** {@code count} attendees, each a distinct well-formed mentee id. */
  private static ArrayNode attendees(int count) {
    ArrayNode out = nodes.arrayNode();
    idList("mte", count).forEach(id -> out.addObject().set("participantId", id));
    return out;
  }
}
