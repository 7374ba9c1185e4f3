package org.tandem.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.tandem.auth.ApiKeys;
import org.tandem.auth.OperatorKey;
import org.tandem.local.ApiClient;
import org.tandem.local.EmbeddedDynamo;
import org.tandem.local.LocalTandem;
import java.time.Clock;

/**
 * One DynamoDB Local in the test JVM, one Tandem in front of it, shared by every test class.
 * Tests never clean up: each makes its own tenants with fresh ids, so they cannot see each
 * other's data, which is itself what tenancy promises.
 */
public final class TestTandem {
  public static final String OPERATOR_KEY = "test-operator-key-0123456789abcdefghijklmnopqrstuvwxyz";
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static volatile TestTandem instance;

  private final EmbeddedDynamo dynamo;
  private final LocalTandem tandem;
  private final ApiClient client;

  private TestTandem() {
    dynamo = EmbeddedDynamo.start(0, null);
    // The gateway caches authorizer answers as API Gateway does, so tests prove that revocation
    // and suspension still bite at once.
    tandem = new LocalTandem(dynamo.endpoint(), new OperatorKey(ApiKeys.hash(OPERATOR_KEY)), Clock.systemUTC(),
        Duration.ofSeconds(300));
    tandem.createTables();
    client = tandem.client();
    Runtime.getRuntime().addShutdownHook(new Thread(dynamo::close));
  }

  public static TestTandem get() {
    if (instance == null) {
      synchronized (TestTandem.class) {
        if (instance == null) {
          instance = new TestTandem();
        }
      }
    }
    return instance;
  }

  public LocalTandem tandem() {
    return tandem;
  }

  public ApiClient api() {
    return client;
  }

  /** A tenant id no other test uses. */
  public static String newTenantId(String stem) {
    return (stem + "-" + ProcessHandle.current().pid() % 10000 + "-" + SEQUENCE.incrementAndGet()).toLowerCase();
  }

  /** A new program with an admin, a coordinator and a partner key. */
  public Program onboard(String stem, String isolation) {
    String id = newTenantId(stem);
    ApiClient.Response onboarded = client.call("POST", "/v1/tenants", OPERATOR_KEY,
        Map.of("id", id, "name", "Program " + id, "languages", java.util.List.of("en", "fr"),
            "isolation", isolation));
    assertEquals(201, onboarded.status(), onboarded.text());
    String admin = onboarded.json().at("/adminKey/key").asText();
    String coordinator = createKey(admin, "coordinator", "Coordinator");
    String partner = createKey(admin, "partner", "Settlement agency");
    return new Program(id, admin, coordinator, partner);
  }

  public String createKey(String adminKey, String role, String label) {
    ApiClient.Response key = client.call("POST", "/v1/keys", adminKey, Map.of("role", role, "label", label));
    assertEquals(201, key.status(), key.text());
    return key.json().get("key").asText();
  }

  /** A program and its keys. */
  public record Program(String id, String admin, String coordinator, String partner) {
    public String key(String role) {
      return switch (role) {
        case "admin" -> admin;
        case "coordinator" -> coordinator;
        case "partner" -> partner;
        case "operator" -> OPERATOR_KEY;
        default -> throw new IllegalArgumentException(role);
      };
    }
  }

  /** The body of a valid mentee intake; {@code email} varies so records can be told apart. */
  public static Map<String, Object> menteeIntake(String firstName) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("firstName", firstName);
    body.put("lastName", "Popescu");
    body.put("email", firstName.toLowerCase() + "@example.org");
    body.put("languages", java.util.List.of("en", "ro"));
    body.put("preferredLanguage", "en");
    body.put("city", "Toronto");
    body.put("province", "ON");
    body.put("nocCode", "21300");
    body.put("naicsCode", "541330");
    body.put("clbLevel", 8);
    body.put("immigrationStatus", "permanent_resident");
    body.put("internationallyEducated", true);
    body.put("jobSearchWorkshopCompleted", true);
    body.put("careerGoals", "Licensed civil engineer (P.Eng.)");
    body.put("consentGiven", true);
    return body;
  }

  /** The body of a valid mentor intake. */
  public static Map<String, Object> mentorIntake(String firstName) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("firstName", firstName);
    body.put("lastName", "Whitfield");
    body.put("email", firstName.toLowerCase() + "@example.org");
    body.put("languages", java.util.List.of("en"));
    body.put("preferredLanguage", "en");
    body.put("city", "Toronto");
    body.put("province", "ON");
    body.put("nocCode", "21300");
    body.put("naicsCode", "541330");
    body.put("yearsCanadianExperience", 12);
    body.put("employer", "Lakeshore Engineering");
    body.put("corporatePartner", false);
    body.put("capacity", 2);
    body.put("availability", java.util.List.of("weekday_evenings"));
    body.put("consentGiven", true);
    return body;
  }

  /** Creates a mentee through the API and returns its id. */
  public String createMentee(Program program, String firstName) {
    ApiClient.Response created = client.call("POST", "/v1/mentees", program.coordinator(), menteeIntake(firstName));
    assertEquals(201, created.status(), created.text());
    return created.json().get("id").asText();
  }

  public String createMentor(Program program, String firstName) {
    ApiClient.Response created = client.call("POST", "/v1/mentors", program.coordinator(), mentorIntake(firstName));
    assertEquals(201, created.status(), created.text());
    return created.json().get("id").asText();
  }

  /** The participant counters of a program, read behind the API. */
  public Map<String, Long> participantCounters(Program program, String isolation) {
    return counters(program, isolation, "participants");
  }

  /**
   * A client of the same functions on the same DynamoDB, whose clock reads {@code clock}: a test
   * that must stand months after a closure calls the API through it.
   */
  public ApiClient apiAt(Clock clock) {
    return new LocalTandem(dynamo.endpoint(), new OperatorKey(ApiKeys.hash(OPERATOR_KEY)), clock, Duration.ZERO)
        .client();
  }

  /** One counter item of a program ({@code participants}, {@code matches}, {@code month#2026-11}), read behind the API. */
  public Map<String, Long> counters(Program program, String isolation, String item) {
    String table = "silo".equals(isolation) ? LocalTandem.DATA_TABLE + "-" + program.id() : LocalTandem.DATA_TABLE;
    try (var dynamo = tandem.dynamo()) {
      var found = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
          "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(program.id() + "#COUNTERS"),
          "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(item)))).item();
      Map<String, Long> counters = new java.util.TreeMap<>();
      found.forEach((name, value) -> {
        if (value.n() != null) {
          counters.put(name, Long.parseLong(value.n()));
        }
      });
      return counters;
    }
  }

  public static JsonNode json(ApiClient.Response response) {
    return response.json();
  }
}
