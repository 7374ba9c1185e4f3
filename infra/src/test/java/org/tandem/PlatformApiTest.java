package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tandem.support.ApiAssertions.assertError;
import static org.tandem.support.ApiAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.local.ApiClient;
import org.tandem.local.LocalTandem;
import org.tandem.support.TestTandem;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** The operator's tenant routes, the admins' key routes and the program settings. */
class PlatformApiTest {
  private static final String OPERATOR = TestTandem.OPERATOR_KEY;
  private static final String MENTEE_FIELDS = "city, clbLevel, immigrationStatus, internationallyEducated, "
      + "jobSearchWorkshopCompleted, languages, naicsCode, nocCode, preferredLanguage, province";

  private static final TestTandem tandem = TestTandem.get();
  /** A program the tests only read from, or change in ways the others do not look at. */
  private static TestTandem.Program shared;

  @BeforeAll
  static void onboardSharedProgram() {
    shared = tandem.onboard("platform", "pool");
  }

  // ---------------------------------------------------------------- onboarding

  @Test
  void onboardingAnswersTheTenantAndItsFirstAdminKeyShownOnce() {
    String id = TestTandem.newTenantId("onboard");
    ApiClient.Response created = call("POST", "/v1/tenants", OPERATOR,
        onboardBody(id, List.of("en", "fr"), "pool"));

    assertEquals(201, created.status(), created.text());
    assertEquals("/v1/tenants/" + id, created.header("location"));
    assertEquals("\"1\"", created.header("etag"));
    JsonNode tenant = created.json().get("tenant");
    assertEquals(id, tenant.get("id").asText());
    assertEquals("Program " + id, tenant.get("name").asText());
    assertEquals(List.of("en", "fr"), strings(tenant.get("languages")));
    assertEquals("pool", tenant.get("isolation").asText());
    assertEquals("active", tenant.get("status").asText());
    assertEquals(1, tenant.get("version").asLong());
    assertTrue(tenant.get("createdAt").isTextual());
    assertEquals(tenant.get("createdAt"), tenant.get("updatedAt"));

    JsonNode adminKey = created.json().get("adminKey");
    assertEquals("admin", adminKey.get("role").asText());
    assertEquals("active", adminKey.get("status").asText());
    String key = adminKey.get("key").asText();
    assertTrue(key.startsWith("tdm." + id + "." + adminKey.get("keyId").asText() + "."), key);
    assertFalse(adminKey.has("hash"));

    // The key works, and is never shown again: not by the tenant, not by the key list.
    ApiClient.Response program = call("GET", "/v1/program", key, null);
    assertEquals(200, program.status(), program.text());
    ApiClient.Response read = call("GET", "/v1/tenants/" + id, OPERATOR, null);
    assertEquals(200, read.status());
    assertFalse(read.text().contains(key.substring(key.lastIndexOf('.') + 1)));
    ApiClient.Response keys = call("GET", "/v1/keys", key, null);
    assertEquals(200, keys.status(), keys.text());
    assertEquals(1, keys.json().get("items").size());
    JsonNode listed = keys.json().get("items").get(0);
    assertEquals(adminKey.get("keyId"), listed.get("keyId"));
    assertFalse(listed.has("key"));
    assertFalse(listed.has("hash"));
    assertEquals("operator", listed.get("createdBy").asText());
  }

  @Test
  void onboardingATakenIdIsAConflict() {
    ApiClient.Response again = call("POST", "/v1/tenants", OPERATOR, onboardBody(shared.id(), List.of("en"), "pool"));

    assertError(again, 409, "conflict", "tenant " + shared.id() + " exists already");
    // The existing tenant's admin key is untouched.
    assertEquals(200, call("GET", "/v1/keys", shared.admin(), null).status());
  }

  @Test
  void onboardingValidatesTheIdSlug() {
    for (String bad : List.of("A-Program", "a", "-leading", "trailing-", "under_score", "x".repeat(33), "sp ace")) {
      ApiClient.Response refused = call("POST", "/v1/tenants", OPERATOR, onboardBody(bad, List.of("en"), "pool"));
      assertProblem(refused, "id", "must be 2 to 32 lower-case letters, digits or inner hyphens");
      assertEquals(1, refused.json().at("/error/details").size(), bad);
    }
    Map<String, Object> noId = onboardBody("x", List.of("en"), "pool");
    noId.remove("id");
    assertProblem(call("POST", "/v1/tenants", OPERATOR, noId), "id", "is required");
  }

  @Test
  void onboardingValidatesLanguagesAndIsolation() {
    String id = TestTandem.newTenantId("badonboard");
    for (List<String> bad : List.of(List.<String>of(), List.of("de"), List.of("en", "en"), List.of("en", "fr", "es"))) {
      assertProblem(call("POST", "/v1/tenants", OPERATOR, onboardBody(id, bad, "pool")),
          "languages", "must be en, fr or both, each once");
    }
    assertProblem(call("POST", "/v1/tenants", OPERATOR, onboardBody(id, List.of("en"), "bridge")),
        "isolation", "must be one of pool, silo");
    Map<String, Object> unknown = onboardBody(id, List.of("en"), "pool");
    unknown.put("region", "ca-central-1");
    assertProblem(call("POST", "/v1/tenants", OPERATOR, unknown), "region", "is not a known field");
    Map<String, Object> wrongType = onboardBody(id, List.of("en"), "pool");
    wrongType.put("languages", "en");
    assertProblem(call("POST", "/v1/tenants", OPERATOR, wrongType), "languages", "must be an array");

    // Nothing of the refused requests was made.
    assertError(call("GET", "/v1/tenants/" + id, OPERATOR, null), 404, "not_found", "tenant " + id + " not found");
  }

  @Test
  void onlyTheOperatorManagesTenants() {
    Map<String, Object> body = onboardBody(TestTandem.newTenantId("notop"), List.of("en"), "pool");
    for (String role : List.of("admin", "coordinator", "partner")) {
      assertEquals(403, call("POST", "/v1/tenants", shared.key(role), body).status(), role);
      assertEquals(403, call("GET", "/v1/tenants", shared.key(role), null).status(), role);
      assertEquals(403, call("GET", "/v1/tenants/" + shared.id(), shared.key(role), null).status(), role);
      assertEquals(403, call("PATCH", "/v1/tenants/" + shared.id(), shared.key(role),
          Map.of("status", "suspended")).status(), role);
    }
    assertError(call("GET", "/v1/tenants", "not-a-key-at-all-0123456789abcdef", null), 401, "unauthorized", null);
  }

  @Test
  void anIdempotentOnboardingRetryReplaysWithoutTheKey() {
    String id = TestTandem.newTenantId("idemonboard");
    Map<String, String> headers = Map.of("idempotency-key", "onboard-" + UUID.randomUUID());
    ApiClient.Response first = tandem.api().call("POST", "/v1/tenants", OPERATOR,
        onboardBody(id, List.of("en"), "pool"), headers);
    ApiClient.Response retry = tandem.api().call("POST", "/v1/tenants", OPERATOR,
        onboardBody(id, List.of("en"), "pool"), headers);

    assertEquals(201, first.status(), first.text());
    assertEquals(201, retry.status(), retry.text());
    assertEquals("true", retry.header("idempotent-replayed"));
    assertEquals(first.json().at("/adminKey/keyId"), retry.json().at("/adminKey/keyId"));
    assertEquals(first.json().get("tenant"), retry.json().get("tenant"));
    assertTrue(first.json().at("/adminKey/key").isTextual());
    assertTrue(retry.json().at("/adminKey/key").isMissingNode() || retry.json().at("/adminKey/key").isNull(),
        retry.text());

    ApiClient.Response otherBody = tandem.api().call("POST", "/v1/tenants", OPERATOR,
        onboardBody(id, List.of("fr"), "pool"), headers);
    assertError(otherBody, 409, "conflict", "this Idempotency-Key was used with another body");
  }

  // ---------------------------------------------------------------- silo

  @Test
  void aSiloTenantGetsItsOwnTableAndItsDataLandsThere() {
    TestTandem.Program silo = tandem.onboard("silo", "silo");
    String siloTable = LocalTandem.DATA_TABLE + "-" + silo.id();
    try (DynamoDbClient dynamo = tandem.tandem().dynamo()) {
      TableDescription table = dynamo.describeTable(b -> b.tableName(siloTable)).table();
      assertEquals(TableStatus.ACTIVE, table.tableStatus());
      assertEquals("pk", table.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).findFirst()
          .orElseThrow().attributeName());
      assertEquals("sk", table.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst()
          .orElseThrow().attributeName());
      assertEquals(List.of("gsi1", "gsi2", "gsi3"),
          table.globalSecondaryIndexes().stream().map(i -> i.indexName()).sorted().toList());
      table.globalSecondaryIndexes().forEach(index -> assertEquals(IndexStatus.ACTIVE, index.indexStatus()));

      String menteeId = tandem.createMentee(silo, "Siloed");
      ApiClient.Response settings = call("PUT", "/v1/program", silo.admin(), Map.of("matchTermWeeks", 20));
      assertEquals(200, settings.status(), settings.text());

      Map<String, AttributeValue> menteeKey = Map.of(
          "pk", AttributeValue.fromS(silo.id() + "#MENTEE"), "sk", AttributeValue.fromS(menteeId));
      assertTrue(dynamo.getItem(b -> b.tableName(siloTable).key(menteeKey).consistentRead(true)).hasItem());
      assertFalse(dynamo.getItem(b -> b.tableName(LocalTandem.DATA_TABLE).key(menteeKey).consistentRead(true))
          .hasItem());
      for (String partition : List.of(silo.id() + "#MENTEE", silo.id() + "#PROGRAM", silo.id() + "#COUNTERS")) {
        assertEquals(1, countPartition(dynamo, siloTable, partition), partition);
        assertEquals(0, countPartition(dynamo, LocalTandem.DATA_TABLE, partition), partition);
      }
      assertEquals(Map.of("mentee_applied", 1L), tandem.participantCounters(silo, "silo"));

      // Through the API the silo tenant reads its own data like any other.
      ApiClient.Response read = call("GET", "/v1/mentees/" + menteeId, silo.coordinator(), null);
      assertEquals(200, read.status(), read.text());
      assertEquals(20, call("GET", "/v1/program", silo.admin(), null).json().get("matchTermWeeks").asInt());
      // Another tenant does not see it.
      assertEquals(404, call("GET", "/v1/mentees/" + menteeId, shared.coordinator(), null).status());
    }
  }

  @Test
  void aPoolTenantHasNoTableOfItsOwn() {
    try (DynamoDbClient dynamo = tandem.tandem().dynamo()) {
      assertThrows(ResourceNotFoundException.class,
          () -> dynamo.describeTable(b -> b.tableName(LocalTandem.DATA_TABLE + "-" + shared.id())));
    }
    ApiClient.Response tenant = call("GET", "/v1/tenants/" + shared.id(), OPERATOR, null);
    assertEquals("pool", tenant.json().get("isolation").asText());
  }

  // ---------------------------------------------------------------- list, read, change tenants

  @Test
  void listingTenantsPagesThroughEveryTenantExactlyOnce() {
    Set<String> mine = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      mine.add(tandem.onboard("listing", "pool").id());
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiClient.Response page = call("GET", "/v1/tenants?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
          OPERATOR, null);
      assertEquals(200, page.status(), page.text());
      assertTrue(page.json().get("items").size() <= 2);
      page.json().get("items").forEach(t -> seen.add(t.get("id").asText()));
      cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
      pages++;
    } while (cursor != null && pages < 10_000);

    assertTrue(pages >= 3, "pages: " + pages);
    assertEquals(seen.size(), new HashSet<>(seen).size(), "a tenant was listed twice: " + seen);
    assertTrue(seen.containsAll(mine), "missing some of " + mine);
    assertTrue(seen.contains(shared.id()));
    List<String> sorted = new ArrayList<>(seen);
    sorted.sort(null);
    assertEquals(sorted, seen, "tenants are listed by id");
  }

  @Test
  void listingTenantsRefusesACursorFromAnotherListAndBadLimits() {
    ApiClient.Response keys = call("GET", "/v1/keys?limit=1", shared.admin(), null);
    assertEquals(200, keys.status(), keys.text());
    String keysCursor = keys.json().get("nextCursor").asText();
    assertFalse(keysCursor.isEmpty());

    assertProblem(call("GET", "/v1/tenants?cursor=" + keysCursor, OPERATOR, null),
        "cursor", "is not a cursor this list gave out");
    assertProblem(call("GET", "/v1/tenants?cursor=bm90LWEtY3Vyc29y", OPERATOR, null),
        "cursor", "is not a cursor this list gave out");
    assertProblem(call("GET", "/v1/tenants?cursor=has%20space", OPERATOR, null),
        "cursor", "is not a cursor this API gave out");
    for (String limit : List.of("0", "101", "-1", "ten", "2.5")) {
      assertProblem(call("GET", "/v1/tenants?limit=" + limit, OPERATOR, null),
          "limit", "must be a whole number between 1 and 100");
    }
    // And a tenants cursor is no keys cursor.
    String tenantsCursor = call("GET", "/v1/tenants?limit=1", OPERATOR, null).json().get("nextCursor").asText();
    assertProblem(call("GET", "/v1/keys?cursor=" + tenantsCursor, shared.admin(), null),
        "cursor", "is not a cursor this list gave out");
  }

  @Test
  void readingATenantAnswersItWithItsVersionAsETag() {
    ApiClient.Response read = call("GET", "/v1/tenants/" + shared.id(), OPERATOR, null);
    assertEquals(200, read.status(), read.text());
    assertEquals(shared.id(), read.json().get("id").asText());
    assertEquals("\"" + read.json().get("version").asLong() + "\"", read.header("etag"));

    String unknown = TestTandem.newTenantId("nobody");
    assertError(call("GET", "/v1/tenants/" + unknown, OPERATOR, null), 404, "not_found",
        "tenant " + unknown + " not found");
    assertProblem(call("GET", "/v1/tenants/Not_A_Slug", OPERATOR, null),
        "tenantId", "must be 2 to 32 lower-case letters, digits or inner hyphens");
  }

  @Test
  void changingATenantHonoursIfMatchAndMovesTheETag() {
    TestTandem.Program program = tandem.onboard("rename", "pool");
    String path = "/v1/tenants/" + program.id();

    ApiClient.Response renamed = call("PATCH", path, OPERATOR, Map.of("name", "Renamed Program"),
        Map.of("if-match", "\"1\""));
    assertEquals(200, renamed.status(), renamed.text());
    assertEquals("\"2\"", renamed.header("etag"));
    assertEquals("Renamed Program", renamed.json().get("name").asText());
    assertEquals(2, renamed.json().get("version").asLong());
    assertEquals(List.of("en", "fr"), strings(renamed.json().get("languages")));
    assertNotEquals(renamed.json().get("createdAt"), renamed.json().get("updatedAt"));

    ApiClient.Response stale = call("PATCH", path, OPERATOR, Map.of("name", "Lost Update"),
        Map.of("if-match", "\"1\""));
    assertError(stale, 412, "precondition_failed", "tenant " + program.id() + " is at version 2, not 1");

    ApiClient.Response read = call("GET", path, OPERATOR, null);
    assertEquals("\"2\"", read.header("etag"));
    assertEquals("Renamed Program", read.json().get("name").asText());

    ApiClient.Response unconditional = call("PATCH", path, OPERATOR, Map.of("languages", List.of("fr")));
    assertEquals(200, unconditional.status(), unconditional.text());
    assertEquals("\"3\"", unconditional.header("etag"));
    assertEquals("Renamed Program", unconditional.json().get("name").asText());

    assertProblem(call("PATCH", path, OPERATOR, Map.of("status", "closed")), "status",
        "must be one of active, suspended");
    assertProblem(call("PATCH", path, OPERATOR, Map.of("isolation", "silo")), "isolation", "is not a known field");
    assertProblem(call("PATCH", path, OPERATOR, Map.of("name", "x"), Map.of("if-match", "soon")), "If-Match",
        "must be a resource version, e.g. \"3\"");
    String unknown = TestTandem.newTenantId("ghost");
    assertEquals(404, call("PATCH", "/v1/tenants/" + unknown, OPERATOR, Map.of("name", "x")).status());
    assertEquals("\"3\"", call("GET", path, OPERATOR, null).header("etag"));
  }

  @Test
  void suspensionStopsTheTenantsKeysAtOnceAndReactivationRestoresThem() {
    TestTandem.Program program = tandem.onboard("suspend", "pool");
    String menteeId = tandem.createMentee(program, "Kept");
    // Warm the gateway's authorizer cache for the admin and the coordinator key.
    assertEquals(200, call("GET", "/v1/program", program.admin(), null).status());
    assertEquals(200, call("GET", "/v1/mentees/" + menteeId, program.coordinator(), null).status());

    ApiClient.Response suspended = call("PATCH", "/v1/tenants/" + program.id(), OPERATOR,
        Map.of("status", "suspended"));
    assertEquals(200, suspended.status(), suspended.text());
    assertEquals("suspended", suspended.json().get("status").asText());

    assertError(call("GET", "/v1/program", program.admin(), null), 401, "unauthorized", null);
    assertError(call("GET", "/v1/mentees/" + menteeId, program.coordinator(), null), 401, "unauthorized", null);
    // A key first used while its tenant is suspended is refused as well.
    assertError(call("POST", "/v1/referrals", program.partner(),
        Map.of("mentee", TestTandem.menteeIntake("Refused"))), 401, "unauthorized", null);
    assertEquals("Bearer", call("GET", "/v1/program", program.admin(), null).header("www-authenticate"));

    ApiClient.Response reactivated = call("PATCH", "/v1/tenants/" + program.id(), OPERATOR,
        Map.of("status", "active"));
    assertEquals(200, reactivated.status(), reactivated.text());
    assertEquals("active", reactivated.json().get("status").asText());

    assertEquals(200, call("GET", "/v1/program", program.admin(), null).status());
    ApiClient.Response kept = call("GET", "/v1/mentees/" + menteeId, program.coordinator(), null);
    assertEquals(200, kept.status(), kept.text());
    assertEquals("Kept", kept.json().get("firstName").asText());
    ApiClient.Response referral = call("POST", "/v1/referrals", program.partner(),
        Map.of("mentee", TestTandem.menteeIntake("Welcome")));
    assertEquals(201, referral.status(), referral.text());
    // The refused referral made nothing.
    assertEquals(Map.of("mentee_applied", 1L, "mentee_referred", 1L), tandem.participantCounters(program, "pool"));
  }

  // ---------------------------------------------------------------- keys

  @Test
  void anAdminCreatesKeysOfEachRoleAndEachWorksWithItsRole() {
    TestTandem.Program program = tandem.onboard("keyroles", "pool");
    Map<String, String> keys = new LinkedHashMap<>();
    for (String role : List.of("admin", "coordinator", "partner")) {
      ApiClient.Response created = call("POST", "/v1/keys", program.admin(),
          Map.of("role", role, "label", "  Second " + role + "  "));
      assertEquals(201, created.status(), created.text());
      JsonNode key = created.json();
      assertEquals(role, key.get("role").asText());
      assertEquals("Second " + role, key.get("label").asText());
      assertEquals("active", key.get("status").asText());
      assertEquals(1, key.get("version").asLong());
      assertEquals("/v1/keys/" + key.get("keyId").asText(), created.header("location"));
      assertTrue(key.get("key").asText().startsWith("tdm." + program.id() + "." + key.get("keyId").asText() + "."));
      assertFalse(key.has("hash"));
      keys.put(role, key.get("key").asText());
    }
    assertEquals(200, call("GET", "/v1/keys", keys.get("admin"), null).status());
    assertEquals(200, call("GET", "/v1/program", keys.get("coordinator"), null).status());
    assertEquals(403, call("GET", "/v1/keys", keys.get("coordinator"), null).status());
    assertEquals(403, call("GET", "/v1/program", keys.get("partner"), null).status());
    assertEquals(200, call("GET", "/v1/referrals", keys.get("partner"), null).status());
  }

  @Test
  void creatingAKeyValidatesRoleAndLabel() {
    assertProblem(call("POST", "/v1/keys", shared.admin(), Map.of("role", "operator", "label", "Sneaky")),
        "role", "must be one of admin, coordinator, partner");
    assertProblem(call("POST", "/v1/keys", shared.admin(), Map.of("role", "owner", "label", "Sneaky")),
        "role", "must be one of admin, coordinator, partner");
    assertProblem(call("POST", "/v1/keys", shared.admin(), Map.of("label", "No role")), "role", "is required");
    assertProblem(call("POST", "/v1/keys", shared.admin(), Map.of("role", "partner", "label", "   ")),
        "label", "must not be blank");
    assertProblem(call("POST", "/v1/keys", shared.admin(), Map.of("role", "partner", "label", "x".repeat(121))),
        "label", "must be at most 120 characters");
    assertProblem(call("POST", "/v1/keys", shared.admin(), Map.of("role", "partner")), "label", "is required");
    assertProblem(call("POST", "/v1/keys", shared.admin(), Map.of("role", "partner", "label", "A", "tenantId", "x")),
        "tenantId", "is not a known field");
  }

  @Test
  void listingKeysShowsNoSecretsAndPages() {
    TestTandem.Program program = tandem.onboard("keylist", "pool");
    tandem.createKey(program.admin(), "coordinator", "Third");
    // Four keys: the first admin, the harness's coordinator and partner, and this one.
    List<JsonNode> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      ApiClient.Response page = call("GET", "/v1/keys?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
          program.admin(), null);
      assertEquals(200, page.status(), page.text());
      page.json().get("items").forEach(seen::add);
      cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
      pages++;
    } while (cursor != null);

    assertEquals(2, pages);
    assertEquals(List.of("first admin key", "Coordinator", "Settlement agency", "Third"),
        seen.stream().map(k -> k.get("label").asText()).toList());
    for (JsonNode key : seen) {
      assertFalse(key.has("key"), key.toString());
      assertFalse(key.has("hash"), key.toString());
      assertFalse(key.toString().contains(program.admin().substring(program.admin().lastIndexOf('.') + 1)));
      assertEquals("active", key.get("status").asText());
    }
    // Another program's keys are not listed.
    ApiClient.Response others = call("GET", "/v1/keys?limit=100", shared.admin(), null);
    others.json().get("items").forEach(k -> assertNotEquals("Third", k.get("label").asText()));
  }

  @Test
  void aRevokedKeyGets401AtOnceEvenWhenTheGatewayCachedIt() {
    TestTandem.Program program = tandem.onboard("revoke", "pool");
    String coordinatorKeyId = keyId(program.coordinator());
    assertEquals(200, call("GET", "/v1/program", program.coordinator(), null).status());

    ApiClient.Response revoked = call("DELETE", "/v1/keys/" + coordinatorKeyId, program.admin(), null);
    assertEquals(204, revoked.status(), revoked.text());
    assertEquals(0, revoked.body().length);

    assertError(call("GET", "/v1/program", program.coordinator(), null), 401, "unauthorized",
        "the key was revoked or its program suspended");
    JsonNode listed = findKey(program, coordinatorKeyId);
    assertEquals("revoked", listed.get("status").asText());
    assertTrue(listed.get("revokedAt").isTextual());
    assertEquals(2, listed.get("version").asLong());
    // Revoking it again changes nothing.
    assertEquals(204, call("DELETE", "/v1/keys/" + coordinatorKeyId, program.admin(), null).status());
    assertEquals(2, findKey(program, coordinatorKeyId).get("version").asLong());
    // The program's other keys still work.
    assertEquals(200, call("GET", "/v1/referrals", program.partner(), null).status());
  }

  @Test
  void theLastAdminKeyCannotBeRevoked() {
    TestTandem.Program program = tandem.onboard("lastadmin", "pool");
    String firstAdmin = keyId(program.admin());

    assertError(call("DELETE", "/v1/keys/" + firstAdmin, program.admin(), null), 409, "conflict",
        "this is the program's last admin key; make another admin key first");
    assertEquals(200, call("GET", "/v1/keys", program.admin(), null).status());

    String second = tandem.createKey(program.admin(), "admin", "Second admin");
    assertEquals(204, call("DELETE", "/v1/keys/" + firstAdmin, second, null).status());
    assertEquals(401, call("GET", "/v1/keys", program.admin(), null).status());
    assertError(call("DELETE", "/v1/keys/" + keyId(second), second, null), 409, "conflict",
        "this is the program's last admin key; make another admin key first");
    assertEquals(200, call("GET", "/v1/keys", second, null).status());
  }

  @Test
  void revokingAnUnknownKeyIsNotFound() {
    String unknown = "key_" + "0".repeat(26);
    assertError(call("DELETE", "/v1/keys/" + unknown, shared.admin(), null), 404, "not_found",
        "key " + unknown + " not found");
    assertProblem(call("DELETE", "/v1/keys/not-a-key-id", shared.admin(), null), "keyId", "is not a key id");

    // Another program's key is unknown here, and stays working.
    TestTandem.Program other = tandem.onboard("otherkeys", "pool");
    String othersKey = keyId(other.coordinator());
    assertError(call("DELETE", "/v1/keys/" + othersKey, shared.admin(), null), 404, "not_found",
        "key " + othersKey + " not found");
    assertEquals(200, call("GET", "/v1/program", other.coordinator(), null).status());
  }

  @Test
  void onlyAnAdminManagesKeys() {
    for (String role : List.of("coordinator", "partner", "operator")) {
      String key = shared.key(role);
      assertError(call("POST", "/v1/keys", key, Map.of("role", "admin", "label", "Escalation")), 403, "forbidden",
          "the " + role + " role may not POST /v1/keys");
      assertEquals(403, call("GET", "/v1/keys", key, null).status(), role);
      assertEquals(403, call("DELETE", "/v1/keys/" + keyId(shared.admin()), key, null).status(), role);
    }
    assertEquals(1, adminKeys(shared), "no admin key was made or revoked");
  }

  @Test
  void anIdempotentKeyRetryCreatesOneKeyAndDoesNotReplayTheSecret() {
    TestTandem.Program program = tandem.onboard("idemkey", "pool");
    Map<String, String> headers = Map.of("idempotency-key", "key-" + UUID.randomUUID());
    Map<String, Object> body = Map.of("role", "coordinator", "label", "Retried");

    ApiClient.Response first = tandem.api().call("POST", "/v1/keys", program.admin(), body, headers);
    ApiClient.Response retry = tandem.api().call("POST", "/v1/keys", program.admin(), body, headers);

    assertEquals(201, first.status(), first.text());
    assertEquals(201, retry.status(), retry.text());
    assertEquals("true", retry.header("idempotent-replayed"));
    assertEquals(null, first.header("idempotent-replayed"));
    assertEquals(first.json().get("keyId"), retry.json().get("keyId"));
    assertEquals(first.header("location"), retry.header("location"));
    String secret = first.json().get("key").asText();
    assertTrue(secret.startsWith("tdm."));
    assertTrue(retry.json().get("key") == null || retry.json().get("key").isNull(), retry.text());
    assertFalse(retry.text().contains(secret.substring(secret.lastIndexOf('.') + 1)));

    ApiClient.Response otherBody = tandem.api().call("POST", "/v1/keys", program.admin(),
        Map.of("role", "admin", "label", "Retried"), headers);
    assertError(otherBody, 409, "conflict", "this Idempotency-Key was used with another body");

    long retried = 0;
    for (JsonNode key : call("GET", "/v1/keys?limit=100", program.admin(), null).json().get("items")) {
      retried += key.get("label").asText().equals("Retried") ? 1 : 0;
    }
    assertEquals(1, retried);
    assertEquals(200, call("GET", "/v1/program", secret, null).status());
  }

  @Test
  void aBadIdempotencyKeyIsRefused() {
    ApiClient.Response refused = tandem.api().call("POST", "/v1/keys", shared.admin(),
        Map.of("role", "partner", "label", "x"), Map.of("idempotency-key", "x".repeat(256)));
    assertProblem(refused, "Idempotency-Key", "must be 1 to 255 visible ASCII characters");
  }

  // ---------------------------------------------------------------- program settings

  @Test
  void aNewProgramReadsTheDefaultsAtVersionZero() {
    TestTandem.Program program = tandem.onboard("defaults", "pool");
    ApiClient.Response read = call("GET", "/v1/program", program.admin(), null);

    assertEquals(200, read.status(), read.text());
    assertEquals("\"0\"", read.header("etag"));
    JsonNode settings = read.json();
    assertEquals(0, settings.get("version").asLong());
    assertEquals(json("[{\"field\":\"immigrationStatus\",\"op\":\"in\",\"value\":[\"permanent_resident\","
            + "\"convention_refugee\",\"protected_person\",\"approved_for_immigration\"]},"
            + "{\"field\":\"internationallyEducated\",\"op\":\"eq\",\"value\":true}]"),
        settings.get("menteeEligibility"));
    assertEquals(json("[{\"field\":\"yearsCanadianExperience\",\"op\":\"gte\",\"value\":2}]"),
        settings.get("mentorEligibility"));
    assertEquals(16, settings.get("matchTermWeeks").asInt());
    assertEquals(90, settings.get("expectedMinutesPerWeek").asInt());
    assertEquals(30, settings.get("checkinIntervalDays").asInt());
    assertEquals(json("[3,6,12]"), settings.get("outcomeFollowupMonths"));
    assertEquals(json("{\"occupation\":35,\"industry\":20,\"language\":10,\"location\":10,\"goals\":15,"
        + "\"availability\":10,\"keywords\":0}"), settings.get("matchingWeights"));
    assertEquals(json("[\"language\"]"), settings.get("hardFilters"));
    assertEquals(json("[\"one_on_one\"]"), settings.get("formats"));
  }

  @Test
  void puttingSettingsValidatesEveryRuleNamingItsPlace() {
    TestTandem.Program program = tandem.onboard("badrules", "pool");
    JsonNode body = json("{\"menteeEligibility\": ["
        + "{\"field\": \"clbLevel\", \"op\": \"gte\", \"value\": 5},"
        + "{\"field\": \"shoeSize\", \"op\": \"eq\", \"value\": 42},"
        + "{\"field\": \"clbLevel\", \"op\": \"gt\", \"value\": 5},"
        + "{\"field\": \"province\", \"op\": \"gte\", \"value\": 5},"
        + "{\"field\": \"province\", \"op\": \"in\", \"value\": \"ON\"},"
        + "{\"field\": \"internationallyEducated\", \"op\": \"eq\", \"value\": \"yes\"},"
        + "{\"field\": \"province\", \"op\": \"in\", \"value\": []},"
        + "{\"field\": \"clbLevel\", \"op\": \"in\", \"value\": [5, \"6\"]}],"
        + "\"mentorEligibility\": [{\"field\": \"clbLevel\", \"op\": \"gte\", \"value\": 5}]}");

    ApiClient.Response refused = call("PUT", "/v1/program", program.admin(), body);

    assertEquals(400, refused.status(), refused.text());
    assertEquals("validation_failed", refused.json().at("/error/code").asText());
    assertEquals("menteeEligibility[1].field must be one of " + MENTEE_FIELDS + " (and 7 more)",
        refused.json().at("/error/message").asText());
    assertEquals(json("["
        + "{\"field\": \"menteeEligibility[1].field\", \"problem\": \"must be one of " + MENTEE_FIELDS + "\"},"
        + "{\"field\": \"menteeEligibility[2].op\", \"problem\": \"must be one of eq, ne, gte, lte, in\"},"
        + "{\"field\": \"menteeEligibility[3].value\", \"problem\": \"gte and lte need a number field and a number\"},"
        + "{\"field\": \"menteeEligibility[4].value\", \"problem\": \"must be an array of 1 to 100 values\"},"
        + "{\"field\": \"menteeEligibility[5].value\", \"problem\": \"must be true or false\"},"
        + "{\"field\": \"menteeEligibility[6].value\", \"problem\": \"must be an array of 1 to 100 values\"},"
        + "{\"field\": \"menteeEligibility[7].value\", \"problem\": \"must hold only numbers\"},"
        + "{\"field\": \"mentorEligibility[0].field\", \"problem\": \"must be one of capacity, city, corporatePartner, "
        + "languages, naicsCode, nocCode, preferredLanguage, province, yearsCanadianExperience\"}]"),
        refused.json().at("/error/details"));
    assertEquals(0, call("GET", "/v1/program", program.admin(), null).json().get("version").asLong());
  }

  @Test
  void puttingSettingsValidatesTheRestNamingEachField() {
    TestTandem.Program program = tandem.onboard("badsettings", "pool");
    assertProblem(call("PUT", "/v1/program", program.admin(), Map.of("matchTermWeeks", 0)),
        "matchTermWeeks", "must be between 1 and 104");
    assertProblem(call("PUT", "/v1/program", program.admin(), Map.of("matchTermWeeks", "12")),
        "matchTermWeeks", "must be a whole number");
    assertProblem(call("PUT", "/v1/program", program.admin(), Map.of("checkinIntervalDays", 366)),
        "checkinIntervalDays", "must be between 1 and 365");
    assertProblem(call("PUT", "/v1/program", program.admin(), Map.of("outcomeFollowupMonths", List.of(3, 3))),
        "outcomeFollowupMonths", "must be up to 12 distinct months between 1 and 60");
    assertProblem(call("PUT", "/v1/program", program.admin(), Map.of("matchingWeights", Map.of("beauty", 10))),
        "matchingWeights.beauty",
        "is not a criterion; criteria are occupation, industry, language, location, goals, availability, keywords");
    assertProblem(call("PUT", "/v1/program", program.admin(), Map.of("matchingWeights", Map.of("occupation", 0))),
        "matchingWeights", "must weigh at least one criterion");
    assertProblem(call("PUT", "/v1/program", program.admin(), Map.of("formats", List.of())),
        "formats", "must be one or more of one_on_one, group, connector, employer_hosted");
    assertProblem(call("PUT", "/v1/program", program.admin(), Map.of("hardFilters", List.of("age"))),
        "hardFilters", "must be distinct values among language, province, city");
    assertProblem(call("PUT", "/v1/program", program.admin(), Map.of("colour", "teal")),
        "colour", "is not a known field");
    assertProblem(call("PUT", "/v1/program", program.admin(),
            Map.of("menteeEligibility", List.of(Map.of("field", "clbLevel", "op", "gte")))),
        "menteeEligibility[0].value", "is required");
    assertProblem(call("PUT", "/v1/program", program.admin(),
            Map.of("menteeEligibility", List.of(Map.of("field", "clbLevel", "op", "gte", "value", 5, "note", "x")))),
        "menteeEligibility[0].note", "is not a known field");
    assertProblem(call("PUT", "/v1/program", program.admin(), "{\"matchTermWeeks\": 12"),
        "body", null);
    assertEquals(0, call("GET", "/v1/program", program.admin(), null).json().get("version").asLong());
  }

  @Test
  void settingsLeftOutOfAPutTakeTheirDefaults() {
    TestTandem.Program program = tandem.onboard("putdefaults", "pool");
    JsonNode defaults = call("GET", "/v1/program", program.admin(), null).json();

    ApiClient.Response first = call("PUT", "/v1/program", program.admin(),
        Map.of("matchTermWeeks", 20, "formats", List.of("one_on_one", "group"),
            "outcomeFollowupMonths", List.of(12, 3)));
    assertEquals(200, first.status(), first.text());
    assertEquals("\"1\"", first.header("etag"));
    JsonNode settings = first.json();
    assertEquals(1, settings.get("version").asLong());
    assertEquals(20, settings.get("matchTermWeeks").asInt());
    assertEquals(json("[\"one_on_one\",\"group\"]"), settings.get("formats"));
    assertEquals(json("[3,12]"), settings.get("outcomeFollowupMonths"));
    for (String left : List.of("menteeEligibility", "mentorEligibility", "expectedMinutesPerWeek",
        "checkinIntervalDays", "matchingWeights", "hardFilters")) {
      assertEquals(defaults.get(left), settings.get(left), left);
    }
    assertTrue(settings.get("createdAt").isTextual());
    assertEquals(settings, call("GET", "/v1/program", program.coordinator(), null).json());

    // A PUT replaces: what the second one leaves out goes back to its default.
    ApiClient.Response second = call("PUT", "/v1/program", program.admin(), Map.of("checkinIntervalDays", 14));
    assertEquals(200, second.status(), second.text());
    assertEquals(2, second.json().get("version").asLong());
    assertEquals(14, second.json().get("checkinIntervalDays").asInt());
    assertEquals(16, second.json().get("matchTermWeeks").asInt());
    assertEquals(defaults.get("formats"), second.json().get("formats"));
    assertEquals(settings.get("createdAt"), second.json().get("createdAt"));
  }

  @Test
  void puttingSettingsHonoursIfMatch() {
    TestTandem.Program program = tandem.onboard("putifmatch", "pool");
    ApiClient.Response first = call("PUT", "/v1/program", program.admin(), Map.of("matchTermWeeks", 10),
        Map.of("if-match", "\"0\""));
    assertEquals(200, first.status(), first.text());
    assertEquals("\"1\"", first.header("etag"));

    ApiClient.Response stale = call("PUT", "/v1/program", program.admin(), Map.of("matchTermWeeks", 11),
        Map.of("if-match", "\"0\""));
    assertError(stale, 412, "precondition_failed", "the program settings are at version 1, not 0");

    ApiClient.Response second = call("PUT", "/v1/program", program.admin(), Map.of("matchTermWeeks", 12),
        Map.of("if-match", "1"));
    assertEquals(200, second.status(), second.text());
    assertEquals("\"2\"", second.header("etag"));
    ApiClient.Response read = call("GET", "/v1/program", program.admin(), null);
    assertEquals("\"2\"", read.header("etag"));
    assertEquals(12, read.json().get("matchTermWeeks").asInt());
  }

  @Test
  void aCoordinatorReadsButDoesNotChangeTheSettings() {
    assertEquals(200, call("GET", "/v1/program", shared.coordinator(), null).status());
    assertError(call("PUT", "/v1/program", shared.coordinator(), Map.of("matchTermWeeks", 8)), 403, "forbidden",
        "the coordinator role may not PUT /v1/program");
    assertEquals(403, call("GET", "/v1/program", shared.partner(), null).status());
    assertEquals(403, call("PUT", "/v1/program", shared.partner(), Map.of("matchTermWeeks", 8)).status());
    assertEquals(403, call("GET", "/v1/program", OPERATOR, null).status());
    assertEquals(0, call("GET", "/v1/program", shared.admin(), null).json().get("version").asLong());
  }

  // ---------------------------------------------------------------- helpers

  private static ApiClient.Response call(String method, String path, String key, Object body) {
    return tandem.api().call(method, path, key, body);
  }

  private static ApiClient.Response call(String method, String path, String key, Object body,
      Map<String, String> headers) {
    return tandem.api().call(method, path, key, body, headers);
  }

  private static Map<String, Object> onboardBody(String id, List<String> languages, String isolation) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("name", "Program " + id);
    body.put("languages", languages);
    body.put("isolation", isolation);
    return body;
  }

  /** The key id inside a key {@code tdm.<tenant>.<keyId>.<secret>}. */
  private static String keyId(String key) {
    return key.split("\\.")[2];
  }

  private static JsonNode findKey(TestTandem.Program program, String keyId) {
    for (JsonNode key : call("GET", "/v1/keys?limit=100", program.admin(), null).json().get("items")) {
      if (key.get("keyId").asText().equals(keyId)) {
        return key;
      }
    }
    throw new AssertionError("no key " + keyId);
  }

  private static long adminKeys(TestTandem.Program program) {
    long admins = 0;
    for (JsonNode key : call("GET", "/v1/keys?limit=100", program.admin(), null).json().get("items")) {
      admins += key.get("role").asText().equals("admin") ? 1 : 0;
    }
    return admins;
  }

  private static int countPartition(DynamoDbClient dynamo, String table, String partition) {
    return dynamo.query(b -> b.tableName(table).consistentRead(true).keyConditionExpression("pk = :p")
        .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(partition)))).count();
  }

  private static JsonNode json(String text) {
    try {
      return tandem.tandem().mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(e -> out.add(e.asText()));
    return out;
  }
}
