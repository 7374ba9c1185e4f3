package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.util.NameTransformer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.auth.OperatorKey;
import org.tandem.auth.Principal;
import org.tandem.auth.Role;
import org.tandem.dynamo.DynamoConfig;
import org.tandem.errors.Checks;
import org.tandem.errors.ValidationFailed;
import org.tandem.functions.matching.MatchingComponent;
import org.tandem.functions.participants.ParticipantsComponent;
import org.tandem.functions.platform.PlatformComponent;
import org.tandem.functions.relationships.PdfCertificates;
import org.tandem.functions.relationships.RelationshipsComponent;
import org.tandem.http.ErrorResponses;
import org.tandem.http.Page;
import org.tandem.http.Route;
import org.tandem.ids.Ids;
import org.tandem.json.Json;
import org.tandem.local.LocalFunctions;
import org.tandem.matching.Match;
import org.tandem.matching.MatchRepository;
import org.tandem.matching.MatchService;
import org.tandem.matching.MatchStatus;
import org.tandem.matching.MatchView;
import org.tandem.matching.MatchingRun;
import org.tandem.matching.RunService;
import org.tandem.matching.SuggestionService;
import org.tandem.participants.Mentee;
import org.tandem.participants.MenteeIntake;
import org.tandem.participants.Mentor;
import org.tandem.participants.MentorIntake;
import org.tandem.participants.ParticipantRepository;
import org.tandem.participants.ParticipantService;
import org.tandem.participants.PrivacyService;
import org.tandem.participants.ReferralService;
import org.tandem.participants.ReferralView;
import org.tandem.program.ProgramRepository;
import org.tandem.program.ProgramService;
import org.tandem.program.ProgramSettings;
import org.tandem.relationships.Attendance;
import org.tandem.relationships.Checkin;
import org.tandem.relationships.Checkpoint;
import org.tandem.relationships.Employment;
import org.tandem.relationships.EmploymentReport;
import org.tandem.relationships.EventRepository;
import org.tandem.relationships.EventService;
import org.tandem.relationships.FollowUp;
import org.tandem.relationships.Goal;
import org.tandem.relationships.Meeting;
import org.tandem.relationships.Outcome;
import org.tandem.relationships.OutcomeRepository;
import org.tandem.relationships.OutcomeService;
import org.tandem.relationships.ProgramEvent;
import org.tandem.relationships.RelationshipRepository;
import org.tandem.relationships.RelationshipService;
import org.tandem.tenancy.ApiKey;
import org.tandem.tenancy.Isolation;
import org.tandem.tenancy.KeyService;
import org.tandem.tenancy.Tenant;
import org.tandem.tenancy.TenantScope;
import org.tandem.tenancy.TenantService;
import org.tandem.wiring.TandemConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Keeps {@code openapi.yaml} and the code in step: the routes, their roles, idempotency and
 * {@code If-Match}, the request and response shapes against the Java records, the examples
 * against the code's own reading and checks, and the document's own integrity (OpenAPI 3.1,
 * every {@code $ref} resolves, every operation complete).
 */
class OpenApiTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
      "trace");
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

  /** The body each route reads, by route key. Records are compared component by component. */
  private static final Map<String, Class<?>> REQUEST_TYPES = Map.ofEntries(
      Map.entry("POST /v1/tenants", TenantService.Onboard.class),
      Map.entry("PATCH /v1/tenants/{tenantId}", TenantService.Change.class),
      Map.entry("POST /v1/keys", KeyService.Create.class),
      Map.entry("PUT /v1/program", ProgramService.Replace.class),
      Map.entry("POST /v1/mentees", MenteeIntake.class),
      Map.entry("POST /v1/mentors", MentorIntake.class),
      Map.entry("POST /v1/referrals", ReferralService.Refer.class),
      Map.entry("POST /v1/matching/runs", RunService.Start.class),
      Map.entry("POST /v1/matches", MatchService.Propose.class),
      Map.entry("POST /v1/matches/{matchId}/decisions", MatchService.Decide.class),
      Map.entry("POST /v1/matches/{matchId}/closure", MatchService.Close.class),
      Map.entry("POST /v1/matches/{matchId}/withdrawal", MatchService.Withdraw.class),
      Map.entry("POST /v1/matches/{matchId}/goals", RelationshipService.NewGoal.class),
      // Not an intake with status: each field is optional and null leaves it as it is.
      Map.entry("PATCH /v1/matches/{matchId}/goals/{goalId}", RelationshipService.GoalChange.class),
      Map.entry("POST /v1/matches/{matchId}/meetings", RelationshipService.NewMeeting.class),
      Map.entry("POST /v1/matches/{matchId}/checkins", RelationshipService.NewCheckin.class),
      Map.entry("POST /v1/mentees/{menteeId}/outcomes", OutcomeService.NewOutcome.class),
      Map.entry("POST /v1/events", EventService.Create.class),
      Map.entry("POST /v1/events/{eventId}/attendance", EventService.Attend.class));

  /** The partial updates: the intake's fields, each optional, plus {@code status}. */
  private static final Map<String, Class<?>> PATCH_TYPES = Map.of(
      "PATCH /v1/mentees/{menteeId}", MenteeIntake.class,
      "PATCH /v1/mentors/{mentorId}", MentorIntake.class);

  /** The responses that are not JSON, by route key, with the media type the code writes. */
  private static final Map<String, String> BINARY_RESPONSES = Map.of(
      "GET /v1/matches/{matchId}/certificate", new PdfCertificates().contentType());

  private static ObjectMapper yaml;
  private static ObjectMapper json;
  private static JsonNode doc;
  private static Path documentPath;
  private static List<String> codeRouteKeys;
  private static Map<String, Route> codeRoutes;

  @BeforeAll
  static void load() throws IOException {
    String root = System.getProperty("tandem.project.root");
    assertNotNull(root, "system property tandem.project.root is not set (see infra/pom.xml)");
    documentPath = Path.of(root).resolve("openapi.yaml").normalize();
    assertTrue(Files.isRegularFile(documentPath), "no OpenAPI document at " + documentPath);
    yaml = new ObjectMapper(new YAMLFactory());
    doc = yaml.readTree(documentPath.toFile());
    json = Json.strictMapper();

    TandemConfig config = new TandemConfig(
        new DynamoConfig("ca-central-1", URI.create("http://127.0.0.1:1"), "p", "d"),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")),
        new OperatorKey("0".repeat(64)), false, Clock.systemUTC());
    codeRouteKeys = new ArrayList<>();
    for (LocalFunctions.HttpFunctionEntry function : new LocalFunctions(config).functions()) {
      codeRouteKeys.addAll(function.routeKeys());
    }
    codeRoutes = new TreeMap<>();
    List<Route> routes = new ArrayList<>(PlatformComponent.create(config).http().router().routes());
    routes.addAll(ParticipantsComponent.create(config).http().router().routes());
    routes.addAll(MatchingComponent.create(config).http().router().routes());
    routes.addAll(RelationshipsComponent.create(config).http().router().routes());
    for (Route route : routes) {
      codeRoutes.put(route.key(), route);
    }
  }

  // ---- 1. routes, both ways ------------------------------------------------------------------

  @Test
  void everyRouteInCodeIsDocumentedAndEveryDocumentedOperationIsARoute() {
    Set<String> code = new TreeSet<>(codeRouteKeys);
    Set<String> documented = operations().keySet();
    Set<String> undocumented = new TreeSet<>(code);
    undocumented.removeAll(documented);
    Set<String> notInCode = new TreeSet<>(documented);
    notInCode.removeAll(code);
    if (!undocumented.isEmpty() || !notInCode.isEmpty()) {
      fail("openapi.yaml and the code disagree on the routes.\n"
          + "  in code, missing from openapi.yaml: " + undocumented + "\n"
          + "  in openapi.yaml, not a route in code: " + notInCode);
    }
  }

  @Test
  void theComponentsThisTestReadsRolesFromServeEveryRoute() {
    // Roles come from the components built below; a new function must be added there too.
    Set<String> withRoles = new TreeSet<>(codeRoutes.keySet());
    Set<String> all = new TreeSet<>(codeRouteKeys);
    assertEquals(all, withRoles, "OpenApiTest builds the platform, participants, matching and relationships components"
        + " to read roles; add the component of every function LocalFunctions serves");
  }

  // ---- 2. roles ------------------------------------------------------------------------------

  @Test
  void everyOperationListsTheRolesOfItsRoute() {
    List<String> problems = new ArrayList<>();
    operations().forEach((key, operation) -> {
      Route route = codeRoutes.get(key);
      JsonNode roles = operation.get("x-roles");
      if (roles == null || !roles.isArray() || roles.isEmpty()) {
        problems.add(key + ": has no x-roles");
        return;
      }
      Set<String> documented = new TreeSet<>();
      roles.forEach(role -> documented.add(role.asText()));
      if (documented.size() != roles.size()) {
        problems.add(key + ": x-roles repeats a role: " + roles);
      }
      if (route == null) {
        return; // reported by the route test
      }
      Set<String> inCode = route.roles().stream().map(Role::wireName).collect(Collectors.toCollection(TreeSet::new));
      if (!documented.equals(inCode)) {
        problems.add(key + ": x-roles " + documented + " but the code allows " + inCode);
      }
      String description = operation.path("description").asText("");
      for (String role : inCode) {
        if (!description.toLowerCase(Locale.ROOT).contains(role)) {
          problems.add(key + ": the description does not name the role " + role);
        }
      }
      Set<String> schemes = new TreeSet<>();
      JsonNode security = operation.has("security") ? operation.get("security") : doc.get("security");
      if (security != null) {
        security.forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
      }
      Set<String> expected = new TreeSet<>();
      if (inCode.contains("operator")) {
        expected.add("operatorKey");
      }
      if (inCode.stream().anyMatch(role -> !role.equals("operator"))) {
        expected.add("tenantKey");
      }
      if (!schemes.equals(expected)) {
        problems.add(key + ": security " + schemes + ", expected " + expected + " for roles " + inCode);
      }
    });
    assertNoProblems("roles", problems);
  }

  // ---- 3. Idempotency-Key and If-Match -------------------------------------------------------

  @Test
  void exactlyTheCreatingRoutesTakeAnIdempotencyKey() {
    List<String> problems = new ArrayList<>();
    operations().forEach((key, operation) -> {
      Route route = codeRoutes.get(key);
      if (route == null) {
        return;
      }
      boolean documented = header(key, "Idempotency-Key").isPresent();
      if (route.idempotent() && !documented) {
        problems.add(key + ": creates (Route.create) but does not document the Idempotency-Key header");
      } else if (!route.idempotent() && documented) {
        problems.add(key + ": documents Idempotency-Key but the code does not honour it there");
      }
      if (route.idempotent()) {
        JsonNode success = successResponse(operation);
        if (success == null || !success.path("headers").has("Idempotent-Replayed")) {
          problems.add(key + ": its success response does not document the Idempotent-Replayed header");
        }
        if (!operation.path("responses").has("409")) {
          problems.add(key + ": takes an Idempotency-Key but does not document 409");
        }
      }
    });
    assertNoProblems("Idempotency-Key", problems);
  }

  @Test
  void everyPatchAndPutTakesIfMatchAndDocuments412() {
    List<String> problems = new ArrayList<>();
    operations().forEach((key, operation) -> {
      boolean update = key.startsWith("PATCH ") || key.startsWith("PUT ");
      boolean documented = header(key, "If-Match").isPresent();
      if (update && !documented) {
        problems.add(key + ": does not document If-Match");
      }
      if (documented && !operation.path("responses").has("412")) {
        problems.add(key + ": takes If-Match but does not document 412");
      }
    });
    assertNoProblems("If-Match", problems);
  }

  // ---- 4. request and response shapes against the records ------------------------------------

  @Test
  void requestBodiesHaveTheFieldsOfTheRecordsTheCodeReads() {
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> operations = operations();
    REQUEST_TYPES.forEach((key, type) -> {
      JsonNode schema = requestSchema(operations.get(key), key, problems);
      if (schema != null) {
        compare(key + " request", schema, json.constructType(type), true, problems, new LinkedHashSet<>());
      }
    });
    PATCH_TYPES.forEach((key, type) -> {
      JsonNode schema = requestSchema(operations.get(key), key, problems);
      if (schema == null) {
        return;
      }
      schema = deref(schema);
      Set<String> expected = new TreeSet<>(componentNames(type));
      expected.add("status");
      Set<String> actual = propertyNames(schema);
      if (!expected.equals(actual)) {
        problems.add(key + " request: properties " + diff(expected, actual));
      }
      if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
        problems.add(key + " request: must say additionalProperties: false (unknown fields are refused)");
      }
    });
    // Every request body an operation takes must be known to this test, so its shape is checked.
    operations.forEach((key, operation) -> {
      if (operation.has("requestBody") && !REQUEST_TYPES.containsKey(key) && !PATCH_TYPES.containsKey(key)) {
        problems.add(key + ": has a request body this test does not know; add its record to REQUEST_TYPES");
      }
    });
    assertNoProblems("request bodies", problems);
  }

  @Test
  void theNamedRecordsMatchTheirSchemasFieldForField() {
    // The ones the contract leans on, by schema name, so a field added in code fails here directly.
    List<String> problems = new ArrayList<>();
    Map<String, Class<?>> named = new LinkedHashMap<>();
    named.put("MenteeIntake", MenteeIntake.class);
    named.put("MentorIntake", MentorIntake.class);
    named.put("TenantOnboard", TenantService.Onboard.class);
    named.put("KeyCreate", KeyService.Create.class);
    named.put("ProgramReplace", ProgramService.Replace.class);
    named.put("MatchingRunStart", RunService.Start.class);
    named.put("MatchPropose", MatchService.Propose.class);
    named.put("MatchDecide", MatchService.Decide.class);
    named.put("MatchClose", MatchService.Close.class);
    named.put("MatchWithdraw", MatchService.Withdraw.class);
    named.put("GoalCreate", RelationshipService.NewGoal.class);
    named.put("GoalChange", RelationshipService.GoalChange.class);
    named.put("MeetingCreate", RelationshipService.NewMeeting.class);
    named.put("CheckinCreate", RelationshipService.NewCheckin.class);
    named.put("EmploymentReport", EmploymentReport.class);
    named.put("OutcomeRecord", OutcomeService.NewOutcome.class);
    named.put("ProgramEventCreate", EventService.Create.class);
    named.put("AttendanceRecord", EventService.Attend.class);
    named.put("Attendee", EventService.Attendee.class);
    named.forEach((name, type) -> {
      JsonNode schema = doc.path("components").path("schemas").path(name);
      if (schema.isMissingNode()) {
        problems.add("components.schemas." + name + " is missing");
        return;
      }
      Set<String> expected = new TreeSet<>(componentNames(type));
      Set<String> actual = propertyNames(schema);
      if (!expected.equals(actual)) {
        problems.add(name + " vs " + type.getName() + ": " + diff(expected, actual));
      }
    });
    assertNoProblems("named request schemas", problems);
  }

  @Test
  void responseBodiesHaveTheFieldsTheCodeWrites() {
    TypeFactory types = json.getTypeFactory();
    Map<String, JavaType> responses = new LinkedHashMap<>();
    responses.put("POST /v1/tenants", types.constructType(TenantService.Onboarded.class));
    responses.put("GET /v1/tenants", types.constructParametricType(Page.class, Tenant.class));
    responses.put("GET /v1/tenants/{tenantId}", types.constructType(Tenant.class));
    responses.put("PATCH /v1/tenants/{tenantId}", types.constructType(Tenant.class));
    responses.put("POST /v1/keys", types.constructType(ApiKey.Issued.class));
    responses.put("GET /v1/keys", types.constructParametricType(Page.class, ApiKey.View.class));
    responses.put("GET /v1/program", types.constructType(ProgramSettings.class));
    responses.put("PUT /v1/program", types.constructType(ProgramSettings.class));
    responses.put("POST /v1/mentees", types.constructType(Mentee.class));
    responses.put("GET /v1/mentees", types.constructParametricType(Page.class, Mentee.class));
    responses.put("GET /v1/mentees/{menteeId}", types.constructType(Mentee.class));
    responses.put("PATCH /v1/mentees/{menteeId}", types.constructType(Mentee.class));
    responses.put("POST /v1/mentees/{menteeId}/screening", types.constructType(ParticipantService.ScreeningAnswer.class));
    responses.put("POST /v1/mentors", types.constructType(Mentor.class));
    responses.put("GET /v1/mentors", types.constructParametricType(Page.class, Mentor.class));
    responses.put("GET /v1/mentors/{mentorId}", types.constructType(Mentor.class));
    responses.put("PATCH /v1/mentors/{mentorId}", types.constructType(Mentor.class));
    responses.put("POST /v1/mentors/{mentorId}/screening", types.constructType(ParticipantService.ScreeningAnswer.class));
    responses.put("POST /v1/referrals", types.constructType(ReferralView.class));
    responses.put("GET /v1/referrals", types.constructParametricType(Page.class, ReferralView.class));
    responses.put("GET /v1/participants/{participantId}/export", types.constructType(PrivacyService.Export.class));
    responses.put("GET /v1/mentees/{menteeId}/suggestions", types.constructType(SuggestionService.Suggestions.class));
    responses.put("POST /v1/matching/runs", types.constructType(MatchingRun.class));
    responses.put("GET /v1/matching/runs/{runId}", types.constructType(MatchingRun.class));
    responses.put("POST /v1/matches", types.constructType(MatchView.class));
    responses.put("GET /v1/matches", types.constructParametricType(Page.class, Match.class));
    responses.put("GET /v1/matches/{matchId}", types.constructType(MatchView.class));
    responses.put("POST /v1/matches/{matchId}/decisions", types.constructType(MatchView.class));
    responses.put("POST /v1/matches/{matchId}/closure", types.constructType(MatchView.class));
    responses.put("POST /v1/matches/{matchId}/withdrawal", types.constructType(MatchView.class));
    responses.put("POST /v1/matches/{matchId}/goals", types.constructType(Goal.class));
    responses.put("GET /v1/matches/{matchId}/goals", types.constructParametricType(Page.class, Goal.class));
    responses.put("PATCH /v1/matches/{matchId}/goals/{goalId}", types.constructType(Goal.class));
    responses.put("POST /v1/matches/{matchId}/meetings", types.constructType(Meeting.class));
    responses.put("GET /v1/matches/{matchId}/meetings", types.constructParametricType(Page.class, Meeting.class));
    responses.put("POST /v1/matches/{matchId}/checkins", types.constructType(Checkin.class));
    responses.put("GET /v1/matches/{matchId}/checkins", types.constructParametricType(Page.class, Checkin.class));
    responses.put("POST /v1/mentees/{menteeId}/outcomes", types.constructType(Outcome.class));
    responses.put("GET /v1/mentees/{menteeId}/outcomes", types.constructParametricType(Page.class, Outcome.class));
    responses.put("GET /v1/followups", types.constructParametricType(Page.class, FollowUp.class));
    responses.put("POST /v1/events", types.constructType(ProgramEvent.class));
    responses.put("GET /v1/events", types.constructParametricType(Page.class, ProgramEvent.class));
    responses.put("GET /v1/events/{eventId}", types.constructType(ProgramEvent.class));
    responses.put("POST /v1/events/{eventId}/attendance", types.constructType(EventService.Recorded.class));
    responses.put("GET /v1/events/{eventId}/attendance", types.constructParametricType(Page.class, Attendance.class));
    responses.put("GET /v1/participants/{participantId}/events",
        types.constructParametricType(Page.class, Attendance.class));

    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> operations = operations();
    responses.forEach((key, type) -> {
      JsonNode operation = operations.get(key);
      if (operation == null) {
        problems.add(key + ": not in openapi.yaml");
        return;
      }
      // Every success status the operation answers (201 created, 200 corrected) has the shape.
      List<String> statuses = successStatuses(operation);
      if (statuses.isEmpty()) {
        problems.add(key + ": has no success response");
      }
      for (String status : statuses) {
        JsonNode success = deref(operation.path("responses").get(status));
        JsonNode schema = success.path("content").path("application/json").get("schema");
        if (schema == null) {
          problems.add(key + ": its " + status + " response has no application/json schema");
          continue;
        }
        compare(key + " " + status + " response", schema, type, false, problems, new LinkedHashSet<>());
      }
    });
    BINARY_RESPONSES.forEach((key, mediaType) -> {
      JsonNode operation = operations.get(key);
      if (operation == null) {
        problems.add(key + ": not in openapi.yaml");
        return;
      }
      JsonNode success = successResponse(operation);
      Set<String> media = new TreeSet<>();
      if (success != null) {
        success.path("content").fieldNames().forEachRemaining(media::add);
      }
      if (!media.equals(Set.of(mediaType))) {
        problems.add(key + ": its success response must be " + mediaType + " (what the code writes), is " + media);
      }
    });
    operations.forEach((key, operation) -> {
      JsonNode success = successResponse(operation);
      if (success != null && success.has("content") && !responses.containsKey(key)
          && !BINARY_RESPONSES.containsKey(key)) {
        problems.add(key + ": has a response body this test does not know; add its type to the map above");
      }
    });
    compare("components.schemas.ErrorBody", doc.at("/components/schemas/ErrorBody"),
        json.constructType(ErrorResponses.Body.class), false, problems, new LinkedHashSet<>());
    assertNoProblems("response bodies", problems);
  }

  @Test
  void theStatusFiltersListTheStatusesTheCodeAccepts() {
    List<String> problems = new ArrayList<>();
    checkEnumParameter("GET /v1/mentees", "status", org.tandem.participants.MenteeStatus.class, problems);
    checkEnumParameter("GET /v1/mentors", "status", org.tandem.participants.MentorStatus.class, problems);
    checkEnumParameter("GET /v1/matches", "status", MatchStatus.class, problems);
    assertNoProblems("status filters", problems);
  }

  @Test
  void theEnumeratedStringsListTheValuesTheCodeAccepts() {
    // Values the records hold as strings, checked against the lists the code checks them by.
    Map<String, Collection<String>> lists = new LinkedHashMap<>();
    lists.put("MatchFormat", Match.FORMATS);
    lists.put("ClosureReason", Match.CLOSURE_REASONS);
    lists.put("GoalStatus", Goal.STATUSES);
    lists.put("GoalNoteAuthor", Goal.AUTHORS);
    lists.put("MeetingMode", Meeting.MODES);
    lists.put("CheckinKind", Checkin.KINDS);
    lists.put("CheckinRespondent", Checkin.RESPONDENTS);
    lists.put("EmploymentStatus", Employment.STATUSES);
    lists.put("ReportedEmploymentStatus", Employment.ACCEPTED);
    lists.put("FollowUpKind", List.of(FollowUp.CHECKIN, FollowUp.OUTCOME));
    lists.put("FollowUpStatus", List.of(FollowUp.SCHEDULED, FollowUp.DUE));
    lists.put("EventKind", ProgramEvent.KINDS);
    lists.put("AttendanceRole", Attendance.ROLES);
    lists.put("ServiceLanguage", ProgramEvent.LANGUAGES);
    List<String> problems = new ArrayList<>();
    lists.forEach((name, values) -> {
      JsonNode schema = doc.path("components").path("schemas").path(name);
      if (schema.isMissingNode()) {
        problems.add("components.schemas." + name + " is missing");
        return;
      }
      Set<String> actual = new TreeSet<>();
      schema.path("enum").forEach(value -> actual.add(value.asText()));
      if (!actual.equals(new TreeSet<>(values))) {
        problems.add(name + ": enum " + diff(new TreeSet<>(values), actual));
      }
    });
    assertNoProblems("enumerated strings", problems);
  }

  @Test
  void theCheckpointPatternAcceptsWhatTheCodeReads() {
    Pattern pattern = Pattern.compile(doc.at("/components/schemas/Checkpoint/pattern").asText("^$"));
    List<String> problems = new ArrayList<>();
    List<String> candidates = new ArrayList<>(List.of("exit", "Exit", "exits", "0_months", "0_month", "01_months",
        "1_months", "2_month", "61_months", "100_months", "3months", "3_Months", ""));
    for (int months = 1; months <= 60; months++) {
      candidates.add(months + "_month");
      candidates.add(months + "_months");
    }
    for (String candidate : candidates) {
      boolean code = Checkpoint.fromWire(candidate).isPresent();
      boolean documented = pattern.matcher(candidate).find();
      if (code != documented) {
        problems.add("'" + candidate + "': the code " + (code ? "reads" : "refuses") + " it, the pattern "
            + (documented ? "allows" : "refuses") + " it");
      }
    }
    for (int months = 0; months <= 60; months++) {
      String wire = new Checkpoint(months).wireName();
      if (!pattern.matcher(wire).find()) {
        problems.add("the code writes " + wire + ", which the pattern refuses");
      }
    }
    assertNoProblems("the checkpoint pattern", problems);
  }

  // ---- examples, read and checked by the code ------------------------------------------------

  @Test
  void theMenteeIntakeExampleIsTheOneInApiMdAndPassesIntake() throws JsonProcessingException {
    JsonNode operation = operations().get("POST /v1/mentees");
    assertNotNull(operation, "POST /v1/mentees is not documented");
    List<JsonNode> examples = examples(operation.path("requestBody").path("content").path("application/json"));
    assertTrue(!examples.isEmpty(), "POST /v1/mentees has no request example");
    JsonNode ana = json.readTree("""
        {"firstName": "Ana", "lastName": "Popescu", "email": "ana@example.org",
         "languages": ["en", "ro"], "preferredLanguage": "en", "city": "Toronto", "province": "ON",
         "nocCode": "21300", "naicsCode": "541330", "clbLevel": 8,
         "immigrationStatus": "permanent_resident", "internationallyEducated": true,
         "jobSearchWorkshopCompleted": true, "careerGoals": "Licensed civil engineer (P.Eng.)",
         "consentGiven": true}""");
    assertTrue(examples.contains(ana), "the mentee intake example is not API.md's: " + examples);
  }

  @Test
  void everyRequestExampleIsReadAndAcceptedByTheCode() {
    List<String> problems = new ArrayList<>();
    operations().forEach((key, operation) -> {
      JsonNode media = operation.path("requestBody").path("content").path("application/json");
      for (JsonNode example : examples(media)) {
        JsonNode schema = media.has("schema") ? deref(media.get("schema")) : null;
        if (schema != null) {
          Set<String> allowed = propertyNames(schema);
          example.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
              problems.add(key + ": the example has " + field + ", which the schema does not");
            }
          });
        }
        try {
          accept(key, example);
        } catch (ValidationFailed e) {
          problems.add(key + ": the code refuses the example: " + e.details());
        } catch (IllegalArgumentException | JsonProcessingException e) {
          problems.add(key + ": the code cannot read the example: " + e.getMessage());
        }
      }
    });
    assertNoProblems("request examples", problems);
  }

  /** Reads an example as the endpoint would, then runs the checks the service runs before any write. */
  private static void accept(String key, JsonNode example) throws JsonProcessingException {
    if (PATCH_TYPES.containsKey(key)) {
      ObjectNode intakeFields = ((ObjectNode) example).deepCopy();
      intakeFields.remove("status");
      json.treeToValue(intakeFields, PATCH_TYPES.get(key));
      return;
    }
    Class<?> type = REQUEST_TYPES.get(key);
    if (type == null) {
      return;
    }
    Object body = json.treeToValue(example, type);
    if (body instanceof MenteeIntake intake) {
      intake.check("").throwIfAny();
    } else if (body instanceof MentorIntake intake) {
      intake.check().throwIfAny();
    } else if (body instanceof ReferralService.Refer refer) {
      refer.mentee().check("mentee").throwIfAny();
    } else if (body instanceof MatchService.Propose propose) {
      if (!Match.FORMATS.contains(propose.format())) {
        throw ValidationFailed.of("format", "must be one of " + Match.FORMATS);
      }
    } else if (body instanceof MatchService.Close close) {
      if (!Match.CLOSURE_REASONS.contains(close.reason())) {
        throw ValidationFailed.of("reason", "must be one of " + Match.CLOSURE_REASONS);
      }
      if (close.employmentAtExit() != null) {
        Checks checks = Checks.under("employmentAtExit");
        close.employmentAtExit().check(checks);
        checks.throwIfAny();
      }
    } else if (body instanceof RelationshipService.NewGoal goal) {
      passesChecks(() -> relationships().addGoal(EXAMPLE_CALLER, EXAMPLE_MATCH, goal));
    } else if (body instanceof RelationshipService.GoalChange change) {
      passesChecks(() -> relationships().changeGoal(EXAMPLE_CALLER, EXAMPLE_MATCH, "gol_" + EXAMPLE_ID, change,
          Optional.empty()));
    } else if (body instanceof RelationshipService.NewMeeting meeting) {
      passesChecks(() -> relationships().addMeeting(EXAMPLE_CALLER, EXAMPLE_MATCH, meeting));
    } else if (body instanceof RelationshipService.NewCheckin checkin) {
      passesChecks(() -> relationships().addCheckin(EXAMPLE_CALLER, EXAMPLE_MATCH, checkin));
    } else if (body instanceof OutcomeService.NewOutcome outcome) {
      passesChecks(() -> outcomes().record(EXAMPLE_CALLER, "mte_" + EXAMPLE_ID, outcome, Optional.empty()));
    } else if (body instanceof EventService.Create create) {
      passesChecks(() -> events().create(EXAMPLE_CALLER, create));
    } else if (body instanceof EventService.Attend attend) {
      passesChecks(() -> events().record(EXAMPLE_CALLER, "evt_" + EXAMPLE_ID, attend));
    } else if (body instanceof ProgramService.Replace replace) {
      ProgramRepository nothingStored = new ProgramRepository() {
        @Override
        public Optional<ProgramSettings> find(TenantScope tenant) {
          return Optional.empty();
        }

        @Override
        public boolean save(TenantScope tenant, ProgramSettings settings, long expectedVersion) {
          return true;
        }
      };
      new ProgramService(nothingStored, Clock.systemUTC())
          .replace(new TenantScope("example", Isolation.POOL), replace, Optional.empty());
    }
  }

  private static final String EXAMPLE_ID = "01jd3k7q8m2x4v6b9c1d3f5g7h";
  private static final String EXAMPLE_MATCH = "mat_" + EXAMPLE_ID;
  private static final Principal EXAMPLE_CALLER = new Principal(new TenantScope("example", Isolation.POOL),
      Role.COORDINATOR, "key_" + EXAMPLE_ID);

  /** Thrown by a repository the checks reached: everything before the first read passed. */
  private static final class ChecksPassed extends RuntimeException {
    ChecksPassed() {
      super("the checks before the first read passed", null, false, false);
    }
  }

  /** A repository that ends the service's work at its first read: the checks before it passed. */
  @SuppressWarnings("unchecked")
  private static <T> T reached(Class<?> type) {
    return (T) Proxy.newProxyInstance(OpenApiTest.class.getClassLoader(), new Class<?>[] {type},
        (proxy, method, args) -> {
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "hashCode" -> System.identityHashCode(proxy);
              case "equals" -> proxy == args[0];
              default -> type.getSimpleName() + " (stops at the first read)";
            };
          }
          throw new ChecksPassed();
        });
  }

  private static RelationshipService relationships() {
    Clock clock = Clock.systemUTC();
    return new RelationshipService(reached(MatchRepository.class), reached(RelationshipRepository.class),
        new Ids(clock), clock);
  }

  private static OutcomeService outcomes() {
    Clock clock = Clock.systemUTC();
    return new OutcomeService(reached(OutcomeRepository.class), reached(MatchRepository.class),
        reached(ParticipantRepository.class), new ProgramService(reached(ProgramRepository.class), clock),
        new Ids(clock), clock);
  }

  private static EventService events() {
    Clock clock = Clock.systemUTC();
    return new EventService(reached(EventRepository.class), reached(MatchRepository.class),
        reached(ParticipantRepository.class), reached(ParticipantRepository.class), new Ids(clock), clock);
  }

  /** Runs a service call up to its first read: only the checks on the body itself can refuse it. */
  private static void passesChecks(Runnable call) {
    try {
      call.run();
    } catch (ChecksPassed expected) {
      return;
    }
    fail("the service went past its checks without reading anything");
  }

  // ---- 5. the document itself ----------------------------------------------------------------

  @Test
  void theDocumentIsOpenApi31() {
    assertTrue(doc.path("openapi").isTextual() && doc.path("openapi").asText().matches("3\\.1\\.\\d+"),
        "openapi must be 3.1.x, is " + doc.path("openapi"));
    assertTrue(doc.path("info").path("title").isTextual(), "info.title is required");
    assertTrue(doc.path("info").path("version").isTextual(), "info.version is required");
    assertTrue(doc.path("paths").isObject(), "paths is required");
  }

  @Test
  void everyRefResolves() {
    List<String> problems = new ArrayList<>();
    refs(doc, "#", problems);
    assertNoProblems("$ref", problems);
  }

  @Test
  void everyOperationIsComplete() {
    List<String> problems = new ArrayList<>();
    Set<String> operationIds = new TreeSet<>();
    operations().forEach((key, operation) -> {
      String id = operation.path("operationId").asText("");
      if (id.isEmpty()) {
        problems.add(key + ": no operationId");
      } else if (!operationIds.add(id)) {
        problems.add(key + ": operationId " + id + " is used twice");
      }
      if (operation.path("summary").asText("").isBlank()) {
        problems.add(key + ": no summary");
      }
      JsonNode responses = operation.path("responses");
      if (successResponse(operation) == null) {
        problems.add(key + ": no 2xx response");
      }
      for (String status : List.of("401", "403", "500", "503")) {
        if (!responses.has(status)) {
          problems.add(key + ": does not document " + status);
        }
      }
      String path = key.substring(key.indexOf(' ') + 1);
      boolean takesInput = operation.has("requestBody") || !parameters(key).isEmpty();
      if (takesInput && !responses.has("400")) {
        problems.add(key + ": takes input but does not document 400");
      }
      if (PATH_PARAMETER.matcher(path).find() && !responses.has("404")) {
        problems.add(key + ": names a resource but does not document 404");
      }
      if (operation.has("requestBody")) {
        for (String status : List.of("413", "415")) {
          if (!responses.has(status)) {
            problems.add(key + ": takes a body but does not document " + status);
          }
        }
        if (!operation.path("requestBody").path("content").has("application/json")) {
          problems.add(key + ": its body is not application/json");
        }
      }
      // Path parameters: each template variable documented, required, and nothing extra.
      Set<String> inTemplate = new TreeSet<>();
      Matcher matcher = PATH_PARAMETER.matcher(path);
      while (matcher.find()) {
        inTemplate.add(matcher.group(1));
      }
      Set<String> documented = new TreeSet<>();
      for (JsonNode parameter : parameters(key)) {
        if (parameter.path("in").asText().equals("path")) {
          documented.add(parameter.path("name").asText());
          if (!parameter.path("required").asBoolean(false)) {
            problems.add(key + ": path parameter " + parameter.path("name").asText() + " is not required: true");
          }
        }
      }
      if (!inTemplate.equals(documented)) {
        problems.add(key + ": path parameters " + diff(inTemplate, documented));
      }
      // Errors in the one shape.
      responses.fields().forEachRemaining(entry -> {
        if (entry.getKey().startsWith("4") || entry.getKey().startsWith("5")) {
          JsonNode error = deref(entry.getValue());
          JsonNode schema = error.path("content").path("application/json").path("schema");
          if (!mentions(schema, "#/components/schemas/ErrorBody")) {
            problems.add(key + ": " + entry.getKey() + " is not an ErrorBody");
          }
        }
      });
    });
    assertNoProblems("operations", problems);
  }

  // ---- shape comparison ----------------------------------------------------------------------

  /**
   * Compares a schema with a Java type, recursively: a record's properties (its components for a
   * request, the properties Jackson writes for a response), arrays' items, enums' wire values and
   * scalar types.
   */
  private static void compare(String where, JsonNode schemaOrRef, JavaType type, boolean request,
      List<String> problems, Set<String> seen) {
    JsonNode schema = deref(schemaOrRef);
    if (schema == null || schema.isMissingNode()) {
      problems.add(where + ": no schema");
      return;
    }
    Class<?> raw = type.getRawClass();
    if (raw.isRecord()) {
      if (!seen.add(raw.getName() + type.getBindings() + request)) {
        return;
      }
      if (!types(schema).contains("object")) {
        problems.add(where + ": must be type object for " + raw.getName());
      }
      Map<String, JavaType> expected = request ? components(type) : written(type);
      Set<String> actual = propertyNames(schema);
      if (!expected.keySet().equals(actual)) {
        problems.add(where + " (" + raw.getName() + "): properties " + diff(expected.keySet(), actual));
      }
      if (request) {
        if (!schema.path("additionalProperties").isBoolean() || schema.path("additionalProperties").asBoolean()) {
          problems.add(where + ": must say additionalProperties: false (the code refuses unknown fields)");
        }
      } else {
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        if (!required.equals(expected.keySet())) {
          problems.add(where + ": every field is always written (null when empty), so required must list them all: "
              + diff(expected.keySet(), required));
        }
      }
      expected.forEach((name, fieldType) -> {
        JsonNode property = schema.path("properties").get(name);
        if (property != null) {
          compare(where + "." + name, property, fieldType, request, problems, seen);
        }
      });
      seen.remove(raw.getName() + type.getBindings() + request);
    } else if (type.isCollectionLikeType() || type.isArrayType()) {
      if (!types(schema).contains("array")) {
        problems.add(where + ": must be an array, is " + types(schema));
      } else {
        compare(where + "[]", schema.path("items"), type.getContentType(), request, problems, seen);
      }
    } else if (type.isMapLikeType()) {
      if (!types(schema).contains("object")) {
        problems.add(where + ": must be an object, is " + types(schema));
      }
    } else if (type.isEnumType()) {
      Set<String> expected = wireValues(raw);
      if (raw == Role.class) {
        expected.remove(Role.OPERATOR.wireName()); // no tenant key, and nothing a tenant sees, is the operator
      }
      Set<String> actual = new TreeSet<>();
      schema.path("enum").forEach(value -> actual.add(value.asText()));
      if (!expected.equals(actual)) {
        problems.add(where + ": enum " + diff(expected, actual));
      }
    } else {
      String scalar = scalarType(raw);
      if (scalar != null && !types(schema).contains(scalar)) {
        problems.add(where + ": must be " + scalar + " for " + raw.getSimpleName() + ", is " + types(schema));
      }
    }
  }

  private static String scalarType(Class<?> raw) {
    if (raw == String.class || raw == Instant.class || raw == LocalDate.class) {
      return "string";
    }
    if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class
        || raw == Short.class) {
      return "integer";
    }
    if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) {
      return "number";
    }
    if (raw == boolean.class || raw == Boolean.class) {
      return "boolean";
    }
    return null; // Object, JsonNode: any JSON value
  }

  /** A record's components and their types, resolved against the record's type parameters. */
  private static Map<String, JavaType> components(JavaType type) {
    Map<String, JavaType> out = new LinkedHashMap<>();
    for (RecordComponent component : type.getRawClass().getRecordComponents()) {
      out.put(component.getName(), json.getTypeFactory().resolveMemberType(component.getGenericType(),
          type.getBindings()));
    }
    return out;
  }

  /**
   * The properties the project's mapper writes for a type, and their types; an
   * {@code @JsonUnwrapped} property's own properties are written in its place (MatchView).
   */
  private static Map<String, JavaType> written(JavaType type) {
    Map<String, JavaType> out = new LinkedHashMap<>();
    AnnotationIntrospector annotations = json.getSerializationConfig().getAnnotationIntrospector();
    for (BeanPropertyDefinition property : json.getSerializationConfig().introspect(type).findProperties()) {
      if (!property.couldSerialize()) {
        continue;
      }
      NameTransformer unwrapped = property.getAccessor() == null
          ? null
          : annotations.findUnwrappingNameTransformer(property.getAccessor());
      if (unwrapped != null) {
        written(property.getPrimaryType()).forEach((name, inner) -> out.put(unwrapped.transform(name), inner));
      } else {
        out.put(property.getName(), property.getPrimaryType());
      }
    }
    return out;
  }

  private static List<String> componentNames(Class<?> record) {
    List<String> names = new ArrayList<>();
    for (RecordComponent component : record.getRecordComponents()) {
      names.add(component.getName());
    }
    return names;
  }

  private static Set<String> wireValues(Class<?> enumType) {
    Set<String> out = new TreeSet<>();
    for (Object constant : enumType.getEnumConstants()) {
      out.add(json.valueToTree(constant).asText());
    }
    return out;
  }

  private static void checkEnumParameter(String key, String name, Class<?> enumType, List<String> problems) {
    Optional<JsonNode> parameter = parameters(key).stream()
        .filter(p -> p.path("in").asText().equals("query") && p.path("name").asText().equals(name))
        .findFirst();
    if (parameter.isEmpty()) {
      problems.add(key + ": does not document ?" + name + "=");
      return;
    }
    Set<String> actual = new TreeSet<>();
    deref(parameter.get().path("schema")).path("enum").forEach(v -> actual.add(v.asText()));
    Set<String> expected = wireValues(enumType);
    if (!expected.equals(actual)) {
      problems.add(key + " ?" + name + "=: " + diff(expected, actual));
    }
  }

  // ---- reading the document ------------------------------------------------------------------

  /** Every operation by route key, e.g. {@code GET /v1/mentees/{menteeId}}. */
  private static Map<String, JsonNode> operations() {
    Map<String, JsonNode> out = new TreeMap<>();
    doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      if (METHODS.contains(entry.getKey())) {
        out.put(entry.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), entry.getValue());
      }
    }));
    return out;
  }

  /** An operation's parameters with its path's, references resolved. */
  private static List<JsonNode> parameters(String key) {
    int space = key.indexOf(' ');
    JsonNode pathItem = doc.path("paths").path(key.substring(space + 1));
    JsonNode operation = pathItem.path(key.substring(0, space).toLowerCase(Locale.ROOT));
    List<JsonNode> out = new ArrayList<>();
    pathItem.path("parameters").forEach(p -> out.add(deref(p)));
    operation.path("parameters").forEach(p -> out.add(deref(p)));
    return out;
  }

  private static Optional<JsonNode> header(String key, String name) {
    return parameters(key).stream()
        .filter(p -> p.path("in").asText().equals("header") && p.path("name").asText().equalsIgnoreCase(name))
        .findFirst();
  }

  private static List<String> successStatuses(JsonNode operation) {
    List<String> out = new ArrayList<>();
    operation.path("responses").fieldNames().forEachRemaining(status -> {
      if (status.startsWith("2")) {
        out.add(status);
      }
    });
    return out;
  }

  private static JsonNode successResponse(JsonNode operation) {
    Iterator<Map.Entry<String, JsonNode>> it = operation.path("responses").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> entry = it.next();
      if (entry.getKey().startsWith("2")) {
        return deref(entry.getValue());
      }
    }
    return null;
  }

  private static JsonNode requestSchema(JsonNode operation, String key, List<String> problems) {
    if (operation == null) {
      problems.add(key + ": not in openapi.yaml");
      return null;
    }
    JsonNode schema = operation.path("requestBody").path("content").path("application/json").get("schema");
    if (schema == null) {
      problems.add(key + ": documents no application/json request body schema");
    }
    return schema;
  }

  private static List<JsonNode> examples(JsonNode media) {
    List<JsonNode> out = new ArrayList<>();
    if (media.has("example")) {
      out.add(media.get("example"));
    }
    media.path("examples").forEach(example -> out.add(deref(example).path("value")));
    return out;
  }

  /**
   * Follows {@code $ref}s, and through a {@code oneOf}/{@code anyOf} of one schema and
   * {@code null} (a nullable reference) to the one schema.
   */
  private static JsonNode deref(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 20 && current != null; hops++) {
      if (current.has("$ref")) {
        current = resolve(current.get("$ref").asText());
        continue;
      }
      for (String combinator : List.of("oneOf", "anyOf")) {
        if (current.has(combinator) && !current.has("type")) {
          List<JsonNode> notNull = new ArrayList<>();
          for (JsonNode branch : current.get(combinator)) {
            JsonNode resolved = deref(branch);
            if (!(resolved != null && resolved.path("type").asText("").equals("null"))) {
              notNull.add(branch);
            }
          }
          if (notNull.size() == 1 && notNull.size() < current.get(combinator).size()) {
            current = notNull.get(0);
            break;
          }
        }
      }
      if (current.has("$ref")) {
        continue;
      }
      return current;
    }
    return current;
  }

  private static JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) {
      return null;
    }
    JsonNode target = doc.at(ref.substring(1));
    return target.isMissingNode() ? null : target;
  }

  private static void refs(JsonNode node, String where, List<String> problems) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null) {
        if (!ref.isTextual() || !ref.asText().startsWith("#/")) {
          problems.add(where + ": $ref " + ref + " is not a reference inside this document");
        } else if (resolve(ref.asText()) == null) {
          problems.add(where + ": $ref " + ref.asText() + " does not resolve");
        }
      }
      node.fields().forEachRemaining(e -> {
        // An example's value is data, where "$ref" would be just a field name.
        if (!e.getKey().equals("example") && !(e.getKey().equals("value") && where.contains("/examples/"))) {
          refs(e.getValue(), where + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), problems);
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        refs(node.get(i), where + "/" + i, problems);
      }
    }
  }

  private static boolean mentions(JsonNode schema, String ref) {
    if (schema == null || schema.isMissingNode()) {
      return false;
    }
    if (schema.path("$ref").asText("").equals(ref)) {
      return true;
    }
    if (schema.has("$ref")) {
      return mentions(resolve(schema.get("$ref").asText()), ref);
    }
    for (JsonNode branch : schema.path("allOf")) {
      if (mentions(branch, ref)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> types(JsonNode schema) {
    Set<String> out = new TreeSet<>();
    JsonNode type = schema.path("type");
    if (type.isTextual()) {
      out.add(type.asText());
    } else if (type.isArray()) {
      type.forEach(t -> out.add(t.asText()));
    }
    return out;
  }

  private static Set<String> propertyNames(JsonNode schema) {
    Set<String> out = new TreeSet<>();
    deref(schema).path("properties").fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static String diff(Collection<String> expected, Collection<String> actual) {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    Set<String> extra = new TreeSet<>(actual);
    extra.removeAll(expected);
    return "missing from the document " + missing + ", in the document but not in code " + extra;
  }

  private static void assertNoProblems(String what, List<String> problems) {
    if (!problems.isEmpty()) {
      fail(problems.size() + " problem(s) with " + what + " in " + documentPath + ":\n  - "
          + String.join("\n  - ", problems));
    }
  }
}
