package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.tandem.EventsTest.Samples;
import org.tandem.EventsTest.Samples.RouteCase;
import org.tandem.EventsTest.Samples.Seeded;
import org.tandem.auth.Role;
import org.tandem.local.ApiClient;
import org.tandem.support.TestTandem;

/**
 * Every route in code, read from the functions' routers and called with its sample from
 * {@code events/}: who may call it, who may not, and that no key of another program reaches
 * anything of this one. A new route is in the matrix the moment it is in a router; without a
 * sample, the matrix fails naming it.
 */
class RouteMatrixTest {
  private static final TestTandem tandem = TestTandem.get();
  private static final List<RouteCase> ROUTES = Samples.routes(tandem.tandem());
  private static final List<Role> ROLES = List.of(Role.OPERATOR, Role.ADMIN, Role.COORDINATOR, Role.PARTNER);

  // ---------------------------------------------------------------- roles

  /**
   * Each role calls every route on a program of its own, so that a sample that changes what it
   * names (closing the active match, withdrawing a proposal) finds it as the sample expects.
   */
  @TestFactory
  Stream<DynamicTest> aRoleTheRouteAllowsIsServedAndAnyOtherIsForbidden() {
    Map<Role, Seeded> programs = new EnumMap<>(Role.class);
    for (Role role : ROLES) {
      programs.put(role, Samples.seed(tandem, "roles-" + role.wireName(), "pool"));
    }
    return ROUTES.stream().flatMap(route -> ROLES.stream().map(role -> dynamicTest(
        route.key() + " as " + role.wireName(), () -> {
          Seeded program = programs.get(role);
          ObjectNode event = Samples.authorize(Samples.fresh(route.sample().event(program)),
              program.key(role.wireName()));
          ApiClient.Response response = Samples.send(tandem, event);
          if (route.route().roles().contains(role)) {
            assertTrue(response.status() / 100 == 2,
                role.wireName() + " may call " + route.key() + " but got " + Samples.describe(response));
          } else {
            assertError(403, "forbidden", response);
          }
        })));
  }

  @Test
  void operatorRoutesAreTheOperatorsAloneAndTenantRoutesAreTheTenantsAlone() {
    for (RouteCase route : ROUTES) {
      Set<Role> roles = route.route().roles();
      assertTrue(!roles.contains(Role.OPERATOR) || roles.equals(Set.of(Role.OPERATOR)),
          route.key() + " mixes the operator with tenant roles: " + roles);
    }
  }

  @Test
  void aPartnerSeesOnlyTheReferralsMadeWithItsOwnKey() {
    Seeded program = Samples.seed(tandem, "partners", "pool");
    String otherPartner = tandem.createKey(program.program().admin(), "partner", "Another settlement agency");

    JsonNode own = Samples.listAll(tandem, "/v1/referrals", program.program().partner());
    JsonNode other = Samples.listAll(tandem, "/v1/referrals", otherPartner);
    JsonNode all = Samples.listAll(tandem, "/v1/referrals", program.program().coordinator());

    assertEquals(Set.copyOf(strings(program.record().get("referrals"))), idsOf(own));
    assertEquals(0, other.size(), other.toString());
    assertEquals(idsOf(own), idsOf(all));
  }

  // ---------------------------------------------------------------- 401

  @TestFactory
  Stream<DynamicTest> aRequestWithoutAKeyIsUnauthorized() {
    Seeded program = Samples.seed(tandem, "nokey", "pool");
    return ROUTES.stream().flatMap(route -> Stream.of(
        dynamicTest(route.key() + " through the gateway, no Authorization header", () -> {
          ObjectNode event = Samples.authorize(Samples.fresh(route.sample().event(program)), null);
          ApiClient.Response response = Samples.send(tandem, event);
          // An HTTP API answers this 401 itself, in its own words, before any authorizer or function runs.
          assertEquals(401, response.status(), Samples.describe(response));
          assertEquals("Unauthorized", response.json().path("message").asText(), Samples.describe(response));
        }),
        dynamicTest(route.key() + " invoked directly with no authorizer context", () -> {
          ObjectNode event = Samples.authorize(Samples.fresh(route.sample().event(program)), null);
          ((ObjectNode) event.get("requestContext")).remove("authorizer");
          assertError(401, "unauthorized", invoke(route, event));
        }),
        dynamicTest(route.key() + " invoked directly with an unauthenticated authorizer context", () -> {
          ObjectNode event = Samples.authorize(Samples.fresh(route.sample().event(program)), null);
          ((ObjectNode) event.at("/requestContext/authorizer")).putObject("lambda").put("authenticated", false);
          assertError(401, "unauthorized", invoke(route, event));
        })));
  }

  @TestFactory
  Stream<DynamicTest> anUnknownKeyIsUnauthorized() {
    Seeded program = Samples.seed(tandem, "unknown", "pool");
    String tenant = program.program().id();
    String realKeyId = program.record().get("adminKeyId").asText();
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("a key id the program never issued",
        "tdm." + tenant + ".key_00000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    keys.put("the admin key's id with another secret",
        "tdm." + tenant + "." + realKeyId + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    keys.put("a key of a program that does not exist",
        "tdm.no-such-program." + realKeyId + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    keys.put("a word that is no key", "letmein");
    keys.put("the operator key with one character changed", TestTandem.OPERATOR_KEY.substring(1) + "x");
    return ROUTES.stream().flatMap(route -> keys.entrySet().stream().map(key -> dynamicTest(
        route.key() + " with " + key.getKey(), () -> {
          ObjectNode event = Samples.authorize(Samples.fresh(route.sample().event(program)), key.getValue());
          assertError(401, "unauthorized", Samples.send(tandem, event));
        })));
  }

  @Test
  void anAuthorizationHeaderThatIsNotABearerTokenIsUnauthorized() {
    Seeded program = Samples.seed(tandem, "basic", "pool");
    for (String header : List.of("Basic " + program.program().admin(), program.program().admin(), "Bearer ")) {
      ObjectNode event = Samples.fresh(Samples.byRouteKey().get("GET /v1/mentees").event(program));
      ((ObjectNode) event.get("headers")).put("authorization", header);
      ApiClient.Response response = Samples.send(tandem, event);
      assertEquals(401, response.status(), header + ": " + Samples.describe(response));
    }
  }

  @TestFactory
  Stream<DynamicTest> aRevokedKeyIsUnauthorizedAtOnceThoughTheGatewayCachedItsAnswer() {
    Seeded program = Samples.seed(tandem, "revoked", "pool");
    String admin = program.program().admin();
    Map<String, String> revoked = new LinkedHashMap<>();
    for (Role role : List.of(Role.ADMIN, Role.COORDINATOR, Role.PARTNER)) {
      String key = tandem.createKey(admin, role.wireName(), "Revoked " + role.wireName());
      // Warm the gateway's authorizer cache with a call that succeeds.
      String warm = role == Role.ADMIN ? "/v1/keys" : role == Role.COORDINATOR ? "/v1/mentees" : "/v1/referrals";
      assertEquals(200, tandem.api().call("GET", warm, key, null).status(), "warming " + role);
      String keyId = org.tandem.auth.ApiKeys.parse(key).orElseThrow().keyId();
      assertEquals(204, tandem.api().call("DELETE", "/v1/keys/" + keyId, admin, null).status(), "revoking " + role);
      revoked.put(role.wireName(), key);
    }
    ObjectNode before = Samples.snapshot(tandem, program);
    List<DynamicTest> tests = new ArrayList<>();
    for (RouteCase route : ROUTES) {
      for (Map.Entry<String, String> key : revoked.entrySet()) {
        tests.add(dynamicTest(route.key() + " with a revoked " + key.getKey() + " key", () -> {
          ObjectNode event = Samples.fresh(route.sample().event(program.withKey(key.getValue())));
          assertError(401, "unauthorized", Samples.send(tandem, event));
        }));
      }
    }
    tests.add(dynamicTest("the revoked keys changed nothing", () ->
        assertEquals(before, Samples.snapshot(tandem, program))));
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> aSuspendedProgramsKeysAreUnauthorizedAtOnceAndWorkAgainWhenItIsActive() {
    Seeded program = Samples.seed(tandem, "suspended", "pool");
    Map<String, String> warm = Map.of("admin", "/v1/keys", "coordinator", "/v1/mentees", "partner", "/v1/referrals");
    for (Map.Entry<String, String> call : warm.entrySet()) {
      assertEquals(200, tandem.api().call("GET", call.getValue(), program.key(call.getKey()), null).status(),
          "warming " + call.getKey());
    }
    ObjectNode before = Samples.snapshot(tandem, program);
    ApiClient.Response suspended = tandem.api().call("PATCH", "/v1/tenants/" + program.program().id(),
        TestTandem.OPERATOR_KEY, Map.of("status", "suspended"));
    assertEquals(200, suspended.status(), suspended.text());

    List<DynamicTest> tests = new ArrayList<>();
    for (RouteCase route : ROUTES) {
      for (String role : List.of("admin", "coordinator", "partner")) {
        tests.add(dynamicTest(route.key() + " with the suspended program's " + role + " key", () -> {
          ObjectNode event = Samples.fresh(route.sample().event(program.withKey(program.key(role))));
          assertError(401, "unauthorized", Samples.send(tandem, event));
        }));
      }
    }
    tests.add(dynamicTest("once active again, its keys work and its data is as it was", () -> {
      ApiClient.Response active = tandem.api().call("PATCH", "/v1/tenants/" + program.program().id(),
          TestTandem.OPERATOR_KEY, Map.of("status", "active"));
      assertEquals(200, active.status(), active.text());
      for (Map.Entry<String, String> call : warm.entrySet()) {
        ApiClient.Response response = tandem.api().call("GET", call.getValue(), program.key(call.getKey()), null);
        assertEquals(200, response.status(), call.getKey() + ": " + response.text());
      }
      assertEquals(before, Samples.snapshot(tandem, program));
    }));
    return tests.stream();
  }

  // ---------------------------------------------------------------- tenant isolation

  /**
   * Another program's key, on every tenant route, naming this program's ids: a route naming a
   * resource answers 404, a list holds none of this program's items (and refuses its cursors),
   * a creating or changing route acts on the caller's own program, where the ids its body names
   * (a proposal's mentee, a run's mentees) are answered as ids that name nothing; this program's
   * data does not move.
   */
  @TestFactory
  Stream<DynamicNode> anotherProgramsKeyNeitherSeesNorChangesAnythingOfThisProgram() {
    Seeded poolIntruder = Samples.seed(tandem, "intruder", "pool");
    Seeded siloIntruder = Samples.seed(tandem, "intruder-silo", "silo");
    return Stream.of(
        isolation("a pooled program's key on a pooled program", Samples.seed(tandem, "owner", "pool"), poolIntruder),
        isolation("a silo program's key on a pooled program", Samples.seed(tandem, "owner", "pool"), siloIntruder),
        isolation("a pooled program's key on a silo program", Samples.seed(tandem, "owner-silo", "silo"),
            poolIntruder));
  }

  private DynamicNode isolation(String name, Seeded owner, Seeded intruder) {
    ObjectNode baseline = Samples.snapshot(tandem, owner);
    Set<String> ownerIds = Samples.ids(baseline);
    List<DynamicTest> tests = new ArrayList<>();
    for (RouteCase route : ROUTES) {
      if (route.route().roles().contains(Role.OPERATOR)) {
        continue;
      }
      tests.add(dynamicTest(route.key(), () -> {
        ObjectNode event = Samples.fresh(route.sample().event(owner.withKeysOf(intruder)));
        ApiClient.Response response = Samples.send(tandem, event);

        if (!route.pathParameters().isEmpty()) {
          assertError(404, "not_found", response);
        } else if (route.route().method().equals("GET")) {
          assertEquals(200, response.status(), Samples.describe(response));
          Set<String> seen = Samples.ids(response.json());
          Set<String> leaked = new TreeSet<>(seen);
          leaked.retainAll(ownerIds);
          assertEquals(Set.of(), leaked, "the other program's ids in " + response.text());
          if (response.json().has("items")) {
            assertListIsTheCallers(route, response, owner, intruder);
          } else {
            ApiClient.Response owners = Samples.send(tandem, Samples.fresh(route.sample().event(owner)));
            assertNotEquals(owners.json(), response.json(), "the caller was answered the other program's");
          }
        } else {
          Set<String> named = new TreeSet<>();
          if (event.hasNonNull("body")) {
            named.addAll(Samples.ids(Samples.parse(event.get("body").asText())));
          }
          named.retainAll(ownerIds);
          if (named.isEmpty()) {
            assertTrue(response.status() / 100 == 2,
                route.key() + " acts on the caller's own program, but got " + Samples.describe(response));
            Set<String> made = Samples.ids(response.json());
            made.retainAll(ownerIds);
            assertEquals(Set.of(), made, "the answer names the other program's ids: " + response.text());
          } else {
            assertAnsweredAsIdsThatNameNothing(event, response, named);
          }
        }
        assertEquals(baseline, Samples.snapshot(tandem, owner), "the other program's data changed");
      }));
    }
    return dynamicContainer(name, tests);
  }

  /**
   * The answer to a request whose body names another program's ids is the answer the same
   * request gets with ids that name nothing anywhere (a 404, or a run that finds no such mentee),
   * so it tells nothing of whether they exist elsewhere. Compared with those ids put back, and
   * without what differs from one answer to the next (the new run's id, its times).
   */
  private void assertAnsweredAsIdsThatNameNothing(ObjectNode event, ApiClient.Response response, Set<String> named) {
    Map<String, String> nothing = new LinkedHashMap<>();
    for (String id : named) {
      // The same kind of id, from the first millisecond of 1970: no id the server makes.
      nothing.put(id, id.substring(0, 4) + "0".repeat(10) + id.substring(14));
    }
    String body = event.get("body").asText();
    String answer = response.text();
    for (Map.Entry<String, String> id : nothing.entrySet()) {
      body = body.replace(id.getKey(), id.getValue());
      answer = answer.replace(id.getKey(), id.getValue());
    }
    ObjectNode control = Samples.fresh(event.deepCopy());
    Samples.setBody(control, body);
    ApiClient.Response unknown = Samples.send(tandem, control);
    assertEquals(unknown.status(), response.status(), "the other program's ids got " + Samples.describe(response)
        + " where ids that name nothing got " + Samples.describe(unknown));
    assertEquals(withoutVolatile(unknown.json()), withoutVolatile(Samples.parse(answer)),
        "the other program's ids are answered otherwise than ids that name nothing");
  }

  private static JsonNode withoutVolatile(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      ((ObjectNode) node).remove(List.of("id", "createdAt", "updatedAt", "solveMillis", "requestId"));
    }
    node.elements().forEachRemaining(RouteMatrixTest::strip);
  }

  /** A list answers the caller's own items, and a cursor of the other program's list is refused. */
  private void assertListIsTheCallers(RouteCase route, ApiClient.Response response, Seeded owner, Seeded intruder) {
    JsonNode items = response.json().get("items");
    assertFalse(items.isEmpty(), "the caller's own items are missing: " + response.text());
    Set<String> callers = Samples.ids(Samples.snapshot(tandem, intruder));
    for (JsonNode item : items) {
      // A key is named by its keyId, a follow-up (whose id is its kind and match) by its match.
      String id = item.hasNonNull("id") && Samples.SERVER_ID.matcher(item.get("id").asText()).matches()
          ? item.get("id").asText()
          : item.hasNonNull("keyId") ? item.get("keyId").asText() : item.path("matchId").asText();
      assertTrue(callers.contains(id), id + " is not the caller's: " + item);
    }

    ObjectNode ownersPage = Samples.fresh(route.sample().event(owner));
    Map<String, String> query = Samples.query(ownersPage);
    query.put("limit", "1");
    Samples.setQuery(ownersPage, query);
    ApiClient.Response first = Samples.send(tandem, ownersPage);
    assertEquals(200, first.status(), Samples.describe(first));
    String cursor = first.json().path("nextCursor").asText(null);
    assertNotNull(cursor, "seed the program with two items or more for " + route.key() + ": " + first.text());

    ObjectNode stolen = Samples.fresh(route.sample().event(owner.withKeysOf(intruder)));
    query.put("cursor", cursor);
    Samples.setQuery(stolen, query);
    ApiClient.Response refused = Samples.send(tandem, stolen);
    assertError(400, "validation_failed", refused);
    assertEquals("cursor", refused.json().at("/error/details/0/field").asText(), refused.text());
  }

  // ---------------------------------------------------------------- helpers

  /** Calls the route's function directly with an event, as {@code invoke --as-is} does. */
  private static ApiClient.Response invoke(RouteCase route, ObjectNode event) {
    var function = tandem.tandem().functions().function(route.function()).orElseThrow();
    var response = tandem.tandem().gateway().invoke(function, event);
    JsonNode json = Samples.parse(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
    return new ApiClient.Response(response.status(), response.headers(), response.body(), json);
  }

  static void assertError(int status, String code, ApiClient.Response response) {
    assertEquals(status, response.status(), Samples.describe(response));
    assertNotNull(response.json(), "no JSON body: " + Samples.describe(response));
    assertEquals(code, response.json().at("/error/code").asText(), Samples.describe(response));
    assertFalse(response.json().at("/error/message").asText().isBlank(), Samples.describe(response));
  }

  private static Set<String> idsOf(JsonNode items) {
    Set<String> out = new TreeSet<>();
    items.forEach(item -> out.add(item.get("id").asText()));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(value -> out.add(value.asText()));
    return out;
  }
}
