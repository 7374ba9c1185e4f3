package org.tandem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tandem.auth.ApiKeys;
import org.tandem.auth.OperatorKey;
import org.tandem.dynamo.DynamoConfig;
import org.tandem.dynamo.TableBootstrap;
import org.tandem.dynamo.Tables;
import org.tandem.local.LocalFunctions;
import org.tandem.wiring.TandemConfig;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * Keeps {@code template.yaml} true to the code: the handlers it names exist, the functions are
 * the ones the local server runs, each function's routes are exactly its router's, SnapStart is
 * on, the tables have TableBootstrap's shape and are protected, and IAM gives each function what
 * its code does with DynamoDB and nothing more.
 */
class TemplateTest {
  /** Values the template's intrinsics are evaluated with. */
  private static final String STACK = "tandem-test";
  private static final String PARTITION = "aws";
  private static final String REGION = "ca-central-1";
  private static final String ACCOUNT = "123456789012";
  private static final String SILO_TENANT = "acme-silo";
  private static final String OPERATOR_KEY_SHA256 = ApiKeys.hash("an operator key for the template test");

  private static final Set<String> READS = Set.of("dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query");
  /** What a TransactWriteItems call needs on each table it writes (there is no action of its own). */
  private static final Set<String> TRANSACTION = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem",
      "dynamodb:DeleteItem", "dynamodb:ConditionCheckItem");
  private static final Set<String> ITEM_WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem",
      "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate",
      "dynamodb:PartiQLDelete");
  private static final Set<String> TABLE_MANAGEMENT = Set.of("dynamodb:CreateTable", "dynamodb:DeleteTable",
      "dynamodb:UpdateTable", "dynamodb:UpdateTimeToLive", "dynamodb:UpdateContinuousBackups",
      "dynamodb:RestoreTableToPointInTime", "dynamodb:DeleteBackup");

  private static Path root;
  private static Map<String, Object> template;
  private static Map<String, Object> resources;
  private static LocalFunctions local;

  @BeforeAll
  static void load() throws IOException {
    String property = System.getProperty("tandem.project.root");
    root = (property != null ? Path.of(property) : Path.of("..")).toAbsolutePath().normalize();
    Path file = root.resolve("template.yaml");
    assertTrue(Files.isRegularFile(file), "no template at " + file);
    try (Reader reader = Files.newBufferedReader(file)) {
      template = map(new Yaml(new CloudFormationConstructor()).load(reader), "the template");
    }
    resources = map(template.get("Resources"), "Resources");
    local = new LocalFunctions(new TandemConfig(
        new DynamoConfig(REGION, URI.create("http://127.0.0.1:1"), "p", "d"),
        StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")),
        new OperatorKey("0".repeat(64)), false, Clock.systemUTC()));
  }

  // ------------------------------------------------------------------ handlers

  @Test
  void everyFunctionsHandlerIsAPublicRequestStreamHandlerOnTheClasspathWithAPublicHandleRequest() {
    assertFalse(functions().isEmpty(), "the template has no AWS::Serverless::Function");
    for (String id : functions().keySet()) {
      String handler = string(property(id, "Handler"), id + ".Handler");
      assertTrue(handler.matches("[\\w.$]+::\\w+"), id + ": Handler should be class::method, is " + handler);
      Class<?> type = handlerClass(id);
      String method = handler.substring(handler.indexOf("::") + 2);
      assertTrue(RequestStreamHandler.class.isAssignableFrom(type),
          id + ": " + type.getName() + " does not implement RequestStreamHandler");
      assertTrue(Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()),
          id + ": " + type.getName() + " must be a public concrete class");
      try {
        assertTrue(Modifier.isPublic(type.getConstructor().getModifiers()));
      } catch (NoSuchMethodException e) {
        fail(id + ": Lambda creates " + type.getName() + " with a public no-argument constructor, which it lacks");
      }
      try {
        Method m = type.getMethod(method, InputStream.class, OutputStream.class, Context.class);
        assertTrue(Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()),
            id + ": " + handler + " must be a public instance method");
      } catch (NoSuchMethodException e) {
        fail(id + ": " + type.getName() + " has no public " + method + "(InputStream, OutputStream, Context)");
      }
    }
  }

  @Test
  void theTemplatesFunctionsAreExactlyTheHandlersTheLocalServerRuns() {
    Set<String> inCode = new TreeSet<>();
    inCode.add(local.authorizer().getClass().getName());
    inCode.add(local.followups().getClass().getName());
    local.functions().forEach(f -> inCode.add(f.handlerClass().getName()));
    Set<String> inTemplate = new TreeSet<>();
    functions().keySet().forEach(id -> inTemplate.add(handlerClass(id).getName()));
    assertEquals(inCode, inTemplate, "handlers run locally but missing from the template: " + minus(inCode, inTemplate)
        + "; handlers in the template the local server does not run: " + minus(inTemplate, inCode));
    assertEquals(functions().size(), inTemplate.size(), "two template functions share a handler");

    for (LocalFunctions.HttpFunctionEntry entry : local.functions()) {
      String id = functionFor(entry.handlerClass());
      String expectedId = Character.toUpperCase(entry.name().charAt(0)) + entry.name().substring(1) + "Function";
      assertEquals(expectedId, id, "the template function running " + entry.handlerClass().getSimpleName()
          + " should be named after its template name \"" + entry.name() + "\"");
    }
  }

  @Test
  void eachFunctionsCodeUriIsTheShadedJarOfTheModuleHoldingItsHandler() throws Exception {
    List<String> notBuilt = new ArrayList<>();
    for (String id : functions().keySet()) {
      String codeUri = string(property(id, "CodeUri"), id + ".CodeUri");
      Matcher m = Pattern.compile("(functions/([a-z0-9-]+))/target/([^/]+)").matcher(codeUri);
      assertTrue(m.matches(), id + ": CodeUri should be functions/<module>/target/<jar>, is " + codeUri);
      Path module = root.resolve(m.group(1));
      Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(module.resolve("pom.xml").toFile()).getDocumentElement();
      String artifactId = child(pom, "artifactId");
      String version = child(pom, "version") != null ? child(pom, "version") : child(child(pom), "version");
      assertEquals(artifactId + "-" + version + "-lambda.jar", m.group(3),
          id + ": CodeUri should name the shaded jar of " + m.group(1));

      Class<?> handler = handlerClass(id);
      String classFile = handler.getName().replace('.', '/');
      assertTrue(Files.isRegularFile(module.resolve("src/main/java/" + classFile + ".java")),
          id + ": " + handler.getName() + " is not a source of " + m.group(1) + ", whose jar the CodeUri names");
      Path jar = root.resolve(codeUri);
      if (!Files.isRegularFile(jar)) {
        notBuilt.add(codeUri);
        continue;
      }
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        assertNotNull(zip.getEntry(classFile + ".class"), id + ": " + codeUri + " lacks " + handler.getName());
        assertNotNull(zip.getEntry("org/crac/Resource.class"), id + ": " + codeUri + " lacks org.crac");
      }
    }
    Assumptions.assumeTrue(notBuilt.isEmpty(), "jars not built, their content unchecked: " + notBuilt);
  }

  // ------------------------------------------------------------------ routes

  @Test
  void eachFunctionsHttpApiEventsAreExactlyTheRoutesOfItsRouter() {
    Map<String, String> routeOwner = new LinkedHashMap<>();
    for (LocalFunctions.HttpFunctionEntry entry : local.functions()) {
      String id = functionFor(entry.handlerClass());
      List<String> events = httpApiRoutes(id);
      assertEquals(new LinkedHashSet<>(events).size(), events.size(), id + " declares a route twice: " + events);
      Set<String> inTemplate = new TreeSet<>(events);
      Set<String> inCode = new TreeSet<>(entry.routeKeys());
      assertEquals(inCode, inTemplate, id + " (" + entry.name() + "): routes in the router but not in the template: "
          + minus(inCode, inTemplate) + "; HttpApi events in the template the router does not serve: "
          + minus(inTemplate, inCode));
      for (String route : inTemplate) {
        String earlier = routeOwner.put(route, id);
        assertNull(earlier, route + " is sent to both " + earlier + " and " + id);
      }
    }
    String authorizer = functionFor(local.authorizer().getClass());
    assertTrue(httpApiRoutes(authorizer).isEmpty(), "the authorizer serves no route");
  }

  @Test
  void everyRouteGoesThroughTheApisLambdaAuthorizerAndNoEventOverridesIt() {
    String api = httpApi();
    String followups = functionFor(local.followups().getClass());
    for (String id : functions().keySet()) {
      if (id.equals(followups)) {
        continue; // its one event is the daily schedule, checked below
      }
      for (Map.Entry<String, Object> event : events(id).entrySet()) {
        Map<String, Object> e = map(event.getValue(), id + "." + event.getKey());
        assertEquals("HttpApi", e.get("Type"), id + "." + event.getKey() + ": only HttpApi events are expected");
        Map<String, Object> props = map(e.get("Properties"), id + "." + event.getKey() + ".Properties");
        assertEquals(Map.of("Ref", api), props.get("ApiId"), id + "." + event.getKey() + " must name ApiId " + api);
        assertNull(props.get("Auth"), id + "." + event.getKey() + " must keep the default authorizer");
      }
    }
  }

  @Test
  void theDefaultAuthorizerIsTheAuthorizerFunctionsAliasWithCachedSimpleResponsesOnTheAuthorizationHeader() {
    Map<String, Object> auth = map(map(resources.get(httpApi()), httpApi()).get("Properties"), "Api.Properties");
    auth = map(auth.get("Auth"), "Api.Properties.Auth");
    String name = string(auth.get("DefaultAuthorizer"), "DefaultAuthorizer");
    Map<String, Object> authorizer = map(map(auth.get("Authorizers"), "Authorizers").get(name), "authorizer " + name);
    String function = functionFor(local.authorizer().getClass());

    assertEquals(Map.of("Ref", function + ".Alias"), authorizer.get("FunctionArn"),
        "API Gateway must call the alias (a published version, where SnapStart applies), not $LATEST");
    assertEquals("2.0", String.valueOf(authorizer.get("AuthorizerPayloadFormatVersion")));
    assertEquals(Boolean.TRUE, authorizer.get("EnableSimpleResponses"));
    Map<String, Object> identity = map(authorizer.get("Identity"), "Identity");
    assertEquals(List.of("Authorization"), identity.get("Headers"), "identity source $request.header.Authorization");
    int ttl = ((Number) identity.get("ReauthorizeEvery")).intValue();
    assertTrue(ttl > 0 && ttl <= 300, "the authorizer's answer is cached for 1 to 300 s, is " + ttl);
    assertFalse(Boolean.TRUE.equals(authorizer.get("EnableFunctionDefaultPermissions")),
        "the permission is granted on the alias, by the template's own AWS::Lambda::Permission");

    boolean granted = resources.values().stream()
        .map(r -> map(r, "resource"))
        .filter(r -> "AWS::Lambda::Permission".equals(r.get("Type")))
        .map(r -> map(r.get("Properties"), "Permission.Properties"))
        .anyMatch(p -> Map.of("Ref", function + ".Alias").equals(p.get("FunctionName"))
            && "lambda:InvokeFunction".equals(p.get("Action"))
            && "apigateway.amazonaws.com".equals(p.get("Principal"))
            && render(p.get("SourceArn")).startsWith(
                "arn:aws:execute-api:" + REGION + ":" + ACCOUNT + ":ref:" + httpApi() + "/authorizers/"));
    assertTrue(granted, "no AWS::Lambda::Permission lets this API's authorizers invoke " + function + ".Alias");
  }

  // ------------------------------------------------------------------ functions

  @Test
  void everyFunctionRunsJava21WithSnapStartOnAPublishedAliasAndPrimesItselfBeforeTheSnapshot() {
    for (String id : functions().keySet()) {
      assertEquals("java21", property(id, "Runtime"), id + ".Runtime");
      assertEquals(Map.of("ApplyOn", "PublishedVersions"), property(id, "SnapStart"), id + ".SnapStart");
      Object alias = property(id, "AutoPublishAlias");
      assertTrue(alias instanceof String s && !s.isBlank(), id + ".AutoPublishAlias must be set");
      assertTrue(org.crac.Resource.class.isAssignableFrom(handlerClass(id)),
          id + ": the handler should implement org.crac.Resource to prime itself before the snapshot");
      String options = String.valueOf(environment(id).get("JAVA_TOOL_OPTIONS"));
      assertTrue(options.contains("-XX:+TieredCompilation") && options.contains("-XX:TieredStopAtLevel=1"),
          id + ": JAVA_TOOL_OPTIONS should stop tiered compilation at C1, is " + options);
      Object memory = property(id, "MemorySize");
      assertTrue(memory instanceof Number n && n.intValue() >= 512, id + ".MemorySize should be 512 MB or more");
      assertTrue(property(id, "Timeout") instanceof Number, id + ".Timeout should be set");
    }
    Object timeout = property(functionFor(local.authorizer().getClass()), "Timeout");
    assertTrue(((Number) timeout).intValue() <= 10, "API Gateway waits 10 s at most for an authorizer");
  }

  @Test
  void everyFunctionsEnvironmentConfiguresTheCodeWithTheTemplatesTables() {
    String authorizer = functionFor(local.authorizer().getClass());
    for (String id : functions().keySet()) {
      Map<String, String> env = new LinkedHashMap<>();
      environment(id).forEach((name, value) -> env.put(name, render(value)));
      TandemConfig config = TandemConfig.fromEnvironment(env);
      assertEquals(tableName("PlatformTable"), config.dynamo().platformTable(), id + ": TANDEM_PLATFORM_TABLE");
      assertEquals(tableName("DataTable"), config.dynamo().dataTable(), id + ": TANDEM_DATA_TABLE");
      assertNull(config.dynamo().endpoint(), id + ": in AWS, DynamoDB is the region's own");
      assertTrue(config.protectTables(), id + ": TANDEM_PROTECT_TABLES must be true: silo tables get PITR"
          + " and deletion protection like the template's");
      if (id.equals(authorizer)) {
        assertNotNull(config.operatorKey(), "the authorizer needs TANDEM_OPERATOR_KEY_SHA256");
        assertEquals(Map.of("Ref", "OperatorKeySha256"), environment(id).get("TANDEM_OPERATOR_KEY_SHA256"),
            "the operator key's hash comes from the NoEcho parameter");
      } else {
        assertNull(env.get("TANDEM_OPERATOR_KEY_SHA256"), id + " has no use for the operator key's hash");
      }
    }
    Map<String, Object> parameter = map(map(template.get("Parameters"), "Parameters").get("OperatorKeySha256"),
        "Parameters.OperatorKeySha256");
    assertEquals(Boolean.TRUE, parameter.get("NoEcho"), "OperatorKeySha256 must be NoEcho");
    Pattern allowed = Pattern.compile(string(parameter.get("AllowedPattern"), "AllowedPattern"));
    assertTrue(allowed.matcher(OPERATOR_KEY_SHA256).matches(), "AllowedPattern must accept a SHA-256 in hex");
    assertFalse(allowed.matcher(OPERATOR_KEY_SHA256.substring(1)).matches(), "AllowedPattern must want 64 digits");
    assertFalse(allowed.matcher("the operator key itself, by mistake").matches());
  }

  @Test
  void everyHandlerCanBeBuiltFromTheEnvironmentTheTemplateGivesIt() throws Exception {
    for (String id : functions().keySet()) {
      Map<String, String> env = new LinkedHashMap<>();
      environment(id).forEach((name, value) -> env.put(name, render(value)));
      TandemConfig config = TandemConfig.fromEnvironment(env);
      Class<?> handler = handlerClass(id);
      // The handler's constructor on a component (the one its no-argument constructor calls with
      // the component built from Lambda's environment), and the component's create(TandemConfig).
      Constructor<?> onComponent = Arrays.stream(handler.getConstructors())
          .filter(c -> c.getParameterCount() == 1)
          .findFirst()
          .orElseThrow(() -> new AssertionError(id + ": " + handler.getName() + " has no constructor on a component"));
      Method create = onComponent.getParameterTypes()[0].getMethod("create", TandemConfig.class);
      try {
        assertNotNull(onComponent.newInstance(create.invoke(null, config)));
      } catch (InvocationTargetException e) {
        throw new AssertionError(id + " cannot start with the template's environment " + env.keySet()
            + ": " + e.getCause(), e.getCause());
      }
    }
  }

  // ------------------------------------------------------------------ tables

  @Test
  void theTablesHaveTableBootstrapsShapeOnDemandBillingTtlAndProtection() throws Exception {
    Set<String> tables = resources.entrySet().stream()
        .filter(e -> "AWS::DynamoDB::Table".equals(map(e.getValue(), e.getKey()).get("Type")))
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(new TreeSet<>(List.of("DataTable", "PlatformTable")), tables);

    Method definition = TableBootstrap.class.getDeclaredMethod("definition", String.class, boolean.class);
    definition.setAccessible(true);
    for (String id : tables) {
      Map<String, Object> resource = map(resources.get(id), id);
      Map<String, Object> props = map(resource.get("Properties"), id + ".Properties");
      CreateTableRequest code = (CreateTableRequest) definition.invoke(null, tableName(id), true);

      assertEquals("Retain", resource.get("DeletionPolicy"), id + ".DeletionPolicy");
      assertEquals("Retain", resource.get("UpdateReplacePolicy"), id + ".UpdateReplacePolicy");
      assertEquals(code.billingModeAsString(), props.get("BillingMode"), id + ".BillingMode");
      assertEquals(Boolean.TRUE, props.get("DeletionProtectionEnabled"), id + ".DeletionProtectionEnabled");
      assertEquals(Map.of("PointInTimeRecoveryEnabled", true), props.get("PointInTimeRecoverySpecification"),
          id + ": point-in-time recovery");
      assertEquals(Boolean.TRUE, map(props.get("SSESpecification"), id + ".SSESpecification").get("SSEEnabled"));
      assertEquals(Map.of("AttributeName", Tables.EXPIRES_AT, "Enabled", true), props.get("TimeToLiveSpecification"),
          id + ": TTL on " + Tables.EXPIRES_AT);

      Map<String, String> attributes = new TreeMap<>();
      list(props.get("AttributeDefinitions")).forEach(a -> {
        Map<String, Object> m = map(a, id + ".AttributeDefinitions");
        attributes.put(string(m.get("AttributeName"), "AttributeName"), string(m.get("AttributeType"), "AttributeType"));
      });
      Map<String, String> codeAttributes = new TreeMap<>();
      code.attributeDefinitions().forEach(a -> codeAttributes.put(a.attributeName(), a.attributeTypeAsString()));
      assertEquals(codeAttributes, attributes, id + ".AttributeDefinitions");
      assertEquals(keys(code.keySchema()), keys(props.get("KeySchema")), id + ".KeySchema");

      Map<String, String> indexes = new TreeMap<>();
      list(props.get("GlobalSecondaryIndexes")).forEach(i -> {
        Map<String, Object> m = map(i, id + ".GlobalSecondaryIndexes");
        indexes.put(string(m.get("IndexName"), "IndexName"), keys(m.get("KeySchema")) + " projecting "
            + map(m.get("Projection"), "Projection").get("ProjectionType"));
      });
      Map<String, String> codeIndexes = new TreeMap<>();
      for (GlobalSecondaryIndex index : code.globalSecondaryIndexes()) {
        codeIndexes.put(index.indexName(), keys(index.keySchema()) + " projecting "
            + index.projection().projectionTypeAsString());
      }
      assertEquals(codeIndexes, indexes, id + ".GlobalSecondaryIndexes");
      for (GlobalSecondaryIndex index : code.globalSecondaryIndexes()) {
        // DynamoStore queries index gsiN on the attribute gsiNpk; the repositories sort on gsiNsk.
        assertEquals(keys(List.of(
                KeySchemaElement.builder().attributeName(index.indexName() + "pk").keyType("HASH").build(),
                KeySchemaElement.builder().attributeName(index.indexName() + "sk").keyType("RANGE").build())),
            keys(index.keySchema()), index.indexName() + " is not keyed the way DynamoStore queries it");
      }
      assertTrue(code.deletionProtectionEnabled(), "TableBootstrap protects tables when asked to, as here");
    }
    assertEquals(STACK + "-data", tableName("DataTable"), "table names are derived from the stack name");
    assertEquals(STACK + "-platform", tableName("PlatformTable"), "table names are derived from the stack name");
  }

  // ------------------------------------------------------------------ IAM

  @Test
  void everyFunctionHasItsOwnRoleWithInlineStatementsOnlyAndNoWildcards() {
    Set<String> roles = new LinkedHashSet<>();
    for (String id : functions().keySet()) {
      Map<String, Object> props = properties(id);
      if (props.get("Role") != null) {
        String role = roleOf(id);
        assertTrue(roles.add(role), id + " shares its role " + role + " with another function");
        Map<String, Object> roleProps = map(map(resources.get(role), role).get("Properties"), role + ".Properties");
        Object managed = roleProps.get("ManagedPolicyArns");
        assertTrue(managed == null || list(managed).isEmpty(), role + " must not attach managed policies: " + managed);
        assertTrue(render(roleProps.get("AssumeRolePolicyDocument")).contains("lambda.amazonaws.com"),
            role + " must be assumable by Lambda");
      } else {
        for (Object policy : list(props.getOrDefault("Policies", List.of()))) {
          assertTrue(policy instanceof Map<?, ?> m && m.containsKey("Statement"),
              id + ": only inline statements, not managed policies or policy templates: " + policy);
        }
      }
      for (Map<String, Object> statement : statements(id)) {
        assertEquals("Allow", statement.get("Effect"), id + ": only Allow statements are expected: " + statement);
        assertNull(statement.get("NotAction"), id + ": no NotAction");
        assertNull(statement.get("NotResource"), id + ": no NotResource");
        for (Object action : list(statement.get("Action"))) {
          String a = string(action, "Action");
          assertFalse(a.contains("*"), id + " grants a wildcard action: " + a);
        }
        for (Object resource : list(statement.get("Resource"))) {
          String r = render(resource);
          assertFalse(r.equals("*") || r.endsWith(":table/*") || r.endsWith(":*:*"),
              id + " grants on a wildcard resource: " + r);
        }
      }
    }
  }

  @Test
  void theAuthorizerCanReadKeysAndTenantsButNothingOnTheDataTablesAndCanWriteNothing() {
    String id = functionFor(local.authorizer().getClass());
    assertTrue(allows(id, "dynamodb:BatchGetItem", tableArn("PlatformTable")), "the authorizer reads keys");
    for (String arn : withIndexes(List.of(tableArn("DataTable"), siloArn()))) {
      List<String> granted = granted(id, arn);
      assertTrue(granted.isEmpty(), "the authorizer must have nothing on " + arn + ", has " + granted);
    }
    for (String action : union(ITEM_WRITES, TABLE_MANAGEMENT)) {
      assertFalse(allows(id, action, tableArn("PlatformTable")), "the authorizer must not " + action);
    }
  }

  @Test
  void thePlatformFunctionCanDoWhatItsCodeDoesAndCreateSiloTablesOnly() {
    String id = functionFor(local.function("platform").orElseThrow().handlerClass());
    // Tenants (listed through gsi1), keys, the live-key check and the operator's idempotency records.
    for (String action : union(READS, Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"))) {
      assertTrue(allows(id, action, tableArn("PlatformTable")), "platform needs " + action + " on the platform table");
    }
    assertTrue(allows(id, "dynamodb:Query", tableArn("PlatformTable") + "/index/gsi1"), "tenants are listed on gsi1");
    // Program settings and tenants' idempotency records, pooled and silo.
    for (String table : List.of(tableArn("DataTable"), siloArn())) {
      for (String action : List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
          "dynamodb:DeleteItem")) {
        assertTrue(allows(id, action, table), "platform needs " + action + " on " + table);
      }
    }
    // What TableBootstrap.ensureTable calls, on silo tables only.
    for (String action : List.of("dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:UpdateTimeToLive",
        "dynamodb:UpdateContinuousBackups")) {
      assertTrue(allows(id, action, siloArn()), "platform needs " + action + " on silo tables");
      assertFalse(allows(id, action, tableArn("DataTable")), "platform must not " + action + " on the pooled table");
      assertFalse(allows(id, action, tableArn("PlatformTable")), "platform must not " + action + " on the platform table");
    }
    for (String action : List.of("dynamodb:DeleteTable", "dynamodb:UpdateTable")) {
      assertFalse(allows(id, action, siloArn()), "platform must not " + action);
    }
    assertFalse(allows(id, "dynamodb:CreateTable", "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT
        + ":table/another-stack-data-" + SILO_TENANT), "silo grants must not reach another stack's tables");
  }

  @Test
  void theParticipantsFunctionCanTransactOnPooledAndSiloDataAndOnlyReadThePlatformTable() {
    String id = functionFor(local.function("participants").orElseThrow().handlerClass());
    for (String table : List.of(tableArn("DataTable"), siloArn())) {
      for (String action : union(READS, TRANSACTION)) {
        assertTrue(allows(id, action, table), "participants needs " + action + " on " + table);
      }
      assertTrue(allows(id, "dynamodb:Query", table + "/index/gsi1"), "participants lists by status on gsi1 of " + table);
    }
    assertTrue(allows(id, "dynamodb:BatchGetItem", tableArn("PlatformTable")), "the live-key check");
    assertTrue(allows(id, "dynamodb:GetItem", tableArn("PlatformTable")), "a referral names its key's label");
    for (String action : union(ITEM_WRITES, TABLE_MANAGEMENT)) {
      assertFalse(allows(id, action, tableArn("PlatformTable")), "participants must not " + action + " on keys");
      assertFalse(TABLE_MANAGEMENT.contains(action) && allows(id, action, siloArn()),
          "participants must not " + action + " on silo tables");
    }
  }

  @Test
  void theMatchingFunctionCanTransactAndQueryEveryIndexOnPooledAndSiloDataAndOnlyReadThePlatformTable() {
    String id = functionFor(local.function("matching").orElseThrow().handlerClass());
    for (String table : List.of(tableArn("DataTable"), siloArn())) {
      // Matches, pair holds, mentor seats and mentees move together in TransactWriteItems; runs
      // and mentees are read in batches; idempotency records are put, updated and deleted.
      for (String action : union(READS, TRANSACTION)) {
        assertTrue(allows(id, action, table), "matching needs " + action + " on " + table);
      }
      // Matches by status (gsi1, as ready mentors), by mentor (gsi2) and by mentee (gsi3).
      for (String index : indexNames()) {
        assertTrue(allows(id, "dynamodb:Query", table + "/index/" + index),
            "matching queries " + index + " of " + table);
      }
      for (String action : union(TABLE_MANAGEMENT, Set.of("dynamodb:Scan", "dynamodb:BatchWriteItem",
          "dynamodb:DescribeTable"))) {
        assertFalse(allows(id, action, table), "matching must not " + action + " on " + table);
      }
    }
    assertTrue(allows(id, "dynamodb:BatchGetItem", tableArn("PlatformTable")), "the live-key check");
    List<String> onPlatform = granted(id, tableArn("PlatformTable"));
    assertEquals(List.of("dynamodb:BatchGetItem", "dynamodb:GetItem"), onPlatform,
        "matching only reads keys and tenants in the platform table");
    for (String index : indexNames()) {
      List<String> onIndex = granted(id, tableArn("PlatformTable") + "/index/" + index);
      assertTrue(onIndex.isEmpty(), "matching has no use for the platform table's " + index + ": " + onIndex);
    }
  }

  @Test
  void theRelationshipsFunctionCanTransactAndQueryEveryIndexOnPooledAndSiloDataAndOnlyReadThePlatformTable() {
    String id = functionFor(local.function("relationships").orElseThrow().handlerClass());
    for (String table : List.of(tableArn("DataTable"), siloArn())) {
      // Goals, meetings, check-ins, outcomes and attendance move the match, follow-ups and
      // counters in TransactWriteItems; participants are read in batches.
      for (String action : union(READS, TRANSACTION)) {
        assertTrue(allows(id, action, table), "relationships needs " + action + " on " + table);
      }
      // Follow-ups and events by date (gsi1, gsi2), a mentee's matches and a person's events (gsi3).
      for (String index : indexNames()) {
        assertTrue(allows(id, "dynamodb:Query", table + "/index/" + index),
            "relationships queries " + index + " of " + table);
      }
      for (String action : union(TABLE_MANAGEMENT, Set.of("dynamodb:Scan", "dynamodb:BatchWriteItem"))) {
        assertFalse(allows(id, action, table), "relationships must not " + action + " on " + table);
      }
    }
    // The live-key check, and the tenant's name on its certificates.
    assertEquals(List.of("dynamodb:BatchGetItem", "dynamodb:GetItem"), granted(id, tableArn("PlatformTable")),
        "relationships only reads keys and tenants in the platform table");
  }

  @Test
  void theFollowupsFunctionRunsDailyOnASchedulePagesTenantsAndOnlyMakesFollowUpsDue() {
    String id = functionFor(local.followups().getClass());
    Map<String, Object> events = map(property(id, "Events"), id + ".Events");
    assertEquals(1, events.size(), id + " has one event, its schedule: " + events.keySet());
    Map<String, Object> event = map(events.values().iterator().next(), id + ".Events");
    assertEquals("ScheduleV2", event.get("Type"), id + " is run by EventBridge Scheduler");
    Map<String, Object> schedule = map(event.get("Properties"), id + ".Events.Properties");
    String expression = string(schedule.get("ScheduleExpression"), "ScheduleExpression");
    assertTrue(expression.matches("cron\\(\\d+ \\d+ \\* \\* \\? \\*\\)"),
        id + " runs once a day at a fixed hour, is " + expression);
    assertTrue(((Number) property(id, "Timeout")).intValue() > 30,
        id + " reaches every tenant, a run is longer than an API request");
    // Tenants are listed on gsi1 of the platform table, and nothing else there.
    assertTrue(allows(id, "dynamodb:Query", tableArn("PlatformTable") + "/index/gsi1"), "tenants are listed on gsi1");
    for (String action : union(ITEM_WRITES, TABLE_MANAGEMENT)) {
      assertFalse(allows(id, action, tableArn("PlatformTable")), id + " must not " + action + " on the register");
    }
    for (String table : List.of(tableArn("DataTable"), siloArn())) {
      assertTrue(allows(id, "dynamodb:Query", table + "/index/gsi2"), "scheduled follow-ups are read on gsi2");
      assertTrue(allows(id, "dynamodb:UpdateItem", table), "a follow-up made due and its counter are updated");
      for (String action : List.of("dynamodb:Scan", "dynamodb:PutItem", "dynamodb:DeleteItem",
          "dynamodb:BatchWriteItem", "dynamodb:CreateTable")) {
        assertFalse(allows(id, action, table), id + " must not " + action + " on " + table);
      }
      assertFalse(allows(id, "dynamodb:Query", table + "/index/gsi3"), id + " has no use for gsi3");
    }
  }

  /** Each function LocalFunctions serves must have its IAM checked by a test of its own above. */
  private static final Set<String> FUNCTIONS_WITH_IAM_TESTS =
      Set.of("platform", "participants", "matching", "relationships");

  @Test
  void everyHttpFunctionHasItsOwnIamTestAndTheLiveKeyCheck() {
    assertEquals(new TreeSet<>(LocalFunctions.NAMES), new TreeSet<>(FUNCTIONS_WITH_IAM_TESTS),
        "a function was added to or removed from LocalFunctions: give it an IAM test of its own here");
    for (LocalFunctions.HttpFunctionEntry entry : local.functions()) {
      String id = functionFor(entry.handlerClass());
      // Every HTTP function re-reads its caller's key and tenant (LiveKeyGuard), in one BatchGetItem.
      assertTrue(allows(id, "dynamodb:BatchGetItem", tableArn("PlatformTable")),
          id + " cannot check that its caller's key is still live");
    }
  }

  @Test
  void onlyThePlatformFunctionManagesTablesAndNoFunctionReachesAnotherStacksTables() {
    String platform = functionFor(local.function("platform").orElseThrow().handlerClass());
    String elsewhere = "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/another-stack-data";
    List<String> foreign = withIndexes(List.of(elsewhere, elsewhere + "-" + SILO_TENANT,
        "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/another-stack-platform"));
    List<String> ours = withIndexes(List.of(tableArn("PlatformTable"), tableArn("DataTable"), siloArn()));
    for (String id : functions().keySet()) {
      for (String arn : foreign) {
        List<String> granted = granted(id, arn);
        assertTrue(granted.isEmpty(), id + " must have nothing on " + arn + ", has " + granted);
      }
      if (id.equals(platform)) {
        continue;
      }
      for (String arn : ours) {
        for (String action : TABLE_MANAGEMENT) {
          assertFalse(allows(id, action, arn), id + " must not " + action + " on " + arn);
        }
      }
    }
  }

  @Test
  void everyFunctionWithItsOwnRoleCanWriteToItsOwnLogGroup() {
    for (String id : functions().keySet()) {
      Object logging = property(id, "LoggingConfig");
      if (properties(id).get("Role") == null || logging == null) {
        continue;
      }
      String group = render(map(logging, id + ".LoggingConfig").get("LogGroup"));
      String stream = "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:" + group + ":log-stream:2025/01/01/x";
      assertTrue(allows(id, "logs:CreateLogStream", stream), id + " cannot create streams in " + group);
      assertTrue(allows(id, "logs:PutLogEvents", stream), id + " cannot write to " + group);
    }
  }

  @Test
  void theOutputsGiveTheApiUrlAndTheTableNames() {
    Map<String, Object> outputs = map(template.get("Outputs"), "Outputs");
    assertTrue(render(map(outputs.get("ApiUrl"), "ApiUrl").get("Value")).startsWith("https://ref:" + httpApi()
        + ".execute-api."), "ApiUrl");
    assertEquals(Map.of("Ref", "PlatformTable"), map(outputs.get("PlatformTableName"), "PlatformTableName").get("Value"));
    assertEquals(Map.of("Ref", "DataTable"), map(outputs.get("DataTableName"), "DataTableName").get("Value"));
  }

  // ------------------------------------------------------------------ reading the template

  private static Map<String, Map<String, Object>> functions() {
    Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
    resources.forEach((id, resource) -> {
      Map<String, Object> r = map(resource, id);
      if ("AWS::Serverless::Function".equals(r.get("Type"))) {
        functions.put(id, r);
      }
    });
    return functions;
  }

  private static Map<String, Object> properties(String id) {
    return map(map(resources.get(id), id).get("Properties"), id + ".Properties");
  }

  /** A function's property as deployed: its own, or else the Globals'. */
  private static Object property(String id, String name) {
    Object own = properties(id).get(name);
    return own != null ? own : globalFunction().get(name);
  }

  private static Map<String, Object> globalFunction() {
    Object globals = template.get("Globals");
    if (globals == null) {
      return Map.of();
    }
    Object function = map(globals, "Globals").get("Function");
    return function == null ? Map.of() : map(function, "Globals.Function");
  }

  /** Environment variables as SAM merges them: the Globals', then the function's own. */
  private static Map<String, Object> environment(String id) {
    Map<String, Object> env = new LinkedHashMap<>();
    for (Map<String, Object> source : List.of(globalFunction(), properties(id))) {
      Object environment = source.get("Environment");
      if (environment != null && map(environment, "Environment").get("Variables") != null) {
        env.putAll(map(map(environment, "Environment").get("Variables"), "Environment.Variables"));
      }
    }
    return env;
  }

  private static Map<String, Object> events(String id) {
    Object events = properties(id).get("Events");
    return events == null ? Map.of() : map(events, id + ".Events");
  }

  /** The route keys ({@code GET /v1/mentees/{menteeId}}) of a function's HttpApi events. */
  private static List<String> httpApiRoutes(String id) {
    List<String> routes = new ArrayList<>();
    events(id).forEach((name, event) -> {
      Map<String, Object> e = map(event, id + "." + name);
      if ("HttpApi".equals(e.get("Type"))) {
        Map<String, Object> props = map(e.get("Properties"), id + "." + name + ".Properties");
        routes.add(string(props.get("Method"), "Method").toUpperCase(Locale.ROOT) + " "
            + string(props.get("Path"), "Path"));
      }
    });
    return routes;
  }

  private static String httpApi() {
    List<String> apis = resources.entrySet().stream()
        .filter(e -> "AWS::Serverless::HttpApi".equals(map(e.getValue(), e.getKey()).get("Type")))
        .map(Map.Entry::getKey)
        .toList();
    assertEquals(1, apis.size(), "one AWS::Serverless::HttpApi expected: " + apis);
    return apis.get(0);
  }

  private static Class<?> handlerClass(String id) {
    String handler = string(property(id, "Handler"), id + ".Handler");
    String name = handler.contains("::") ? handler.substring(0, handler.indexOf("::")) : handler;
    try {
      return Class.forName(name, false, TemplateTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(id + ": handler class " + name + " is not on the classpath", e);
    }
  }

  private static String functionFor(Class<?> handler) {
    List<String> ids = functions().keySet().stream()
        .filter(id -> handlerClass(id).equals(handler))
        .toList();
    assertEquals(1, ids.size(), "one template function should run " + handler.getName() + ", found " + ids);
    return ids.get(0);
  }

  private static String tableName(String id) {
    return render(properties(id).get("TableName"));
  }

  private static String tableArn(String id) {
    return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + tableName(id);
  }

  /** The table a silo tenant gets, named as the code names it. */
  private static String siloArn() {
    Tables tables = new Tables(new DynamoConfig(REGION, null, tableName("PlatformTable"), tableName("DataTable")));
    return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + tables.siloTable(SILO_TENANT);
  }

  /** The secondary indexes TableBootstrap gives every table (gsi1, gsi2, ...). */
  private static List<String> indexNames() {
    try {
      Method definition = TableBootstrap.class.getDeclaredMethod("definition", String.class, boolean.class);
      definition.setAccessible(true);
      CreateTableRequest code = (CreateTableRequest) definition.invoke(null, "t", true);
      return code.globalSecondaryIndexes().stream().map(GlobalSecondaryIndex::indexName).sorted().toList();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("cannot read TableBootstrap's table definition", e);
    }
  }

  /** The table ARNs, each followed by the ARNs of its indexes. */
  private static List<String> withIndexes(List<String> tables) {
    List<String> out = new ArrayList<>();
    for (String table : tables) {
      out.add(table);
      indexNames().forEach(index -> out.add(table + "/index/" + index));
    }
    return out;
  }

  private static String keys(Object keySchema) {
    List<String> keys = new ArrayList<>();
    for (Object key : list(keySchema)) {
      if (key instanceof KeySchemaElement element) {
        keys.add(element.attributeName() + " " + element.keyTypeAsString());
      } else {
        Map<String, Object> m = map(key, "KeySchema");
        keys.add(m.get("AttributeName") + " " + m.get("KeyType"));
      }
    }
    return keys.toString();
  }

  // ------------------------------------------------------------------ IAM, evaluated

  private static String roleOf(String id) {
    Map<String, Object> role = map(properties(id).get("Role"), id + ".Role");
    List<Object> getAtt = list(role.get("Fn::GetAtt"));
    assertEquals("Arn", getAtt.get(1), id + ".Role should be !GetAtt <Role>.Arn");
    String roleId = string(getAtt.get(0), id + ".Role");
    assertEquals("AWS::IAM::Role", map(resources.get(roleId), roleId).get("Type"), roleId);
    return roleId;
  }

  /** The statements that apply to a function: its role's inline policies, or its SAM Policies. */
  private static List<Map<String, Object>> statements(String id) {
    List<Map<String, Object>> statements = new ArrayList<>();
    Map<String, Object> props = properties(id);
    if (props.get("Role") != null) {
      String role = roleOf(id);
      Object policies = map(map(resources.get(role), role).get("Properties"), role).get("Policies");
      for (Object policy : list(policies == null ? List.of() : policies)) {
        Map<String, Object> document = map(map(policy, role + ".Policies").get("PolicyDocument"), "PolicyDocument");
        list(document.get("Statement")).forEach(s -> statements.add(map(s, role + " statement")));
      }
    }
    for (Object policy : list(props.getOrDefault("Policies", List.of()))) {
      if (policy instanceof Map<?, ?> m && m.containsKey("Statement")) {
        list(m.get("Statement")).forEach(s -> statements.add(map(s, id + " statement")));
      }
    }
    return statements;
  }

  /** Whether an Allow statement of the function covers the action on the ARN, as IAM matches them. */
  private static boolean allows(String id, String action, String arn) {
    for (Map<String, Object> statement : statements(id)) {
      if (!"Allow".equals(statement.get("Effect"))) {
        continue;
      }
      boolean actionMatches = list(statement.get("Action")).stream()
          .anyMatch(a -> glob(string(a, "Action").toLowerCase(Locale.ROOT)).matcher(action.toLowerCase(Locale.ROOT))
              .matches());
      boolean resourceMatches = list(statement.get("Resource")).stream()
          .anyMatch(r -> glob(render(r)).matcher(arn).matches());
      if (actionMatches && resourceMatches) {
        return true;
      }
    }
    return false;
  }

  /** The DynamoDB actions a function may take on an ARN. */
  private static List<String> granted(String id, String arn) {
    List<String> all = new ArrayList<>(union(union(READS, ITEM_WRITES), union(TRANSACTION, TABLE_MANAGEMENT)));
    all.addAll(List.of("dynamodb:DescribeTable", "dynamodb:Scan", "dynamodb:TransactGetItems"));
    return all.stream().filter(action -> allows(id, action, arn)).sorted().toList();
  }

  private static Pattern glob(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }

  // ------------------------------------------------------------------ intrinsics, evaluated

  /**
   * A value as CloudFormation would make it for stack {@link #STACK}: a table's Ref is its name,
   * its Arn its ARN; a log group likewise; any other resource's Ref is {@code ref:<id>}.
   */
  private static String render(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof List<?> l) {
      return l.stream().map(TemplateTest::render).collect(Collectors.joining(",", "[", "]"));
    }
    Map<String, Object> m = map(value, "value");
    if (m.size() != 1) {
      return m.entrySet().stream().map(e -> e.getKey() + "=" + render(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    Map.Entry<String, Object> intrinsic = m.entrySet().iterator().next();
    switch (intrinsic.getKey()) {
      case "Ref":
        return ref(string(intrinsic.getValue(), "Ref"));
      case "Fn::GetAtt": {
        Object target = intrinsic.getValue();
        List<Object> parts = target instanceof String s ? List.of(s.split("\\.", 2)) : list(target);
        return getAtt(string(parts.get(0), "GetAtt"), string(parts.get(1), "GetAtt"));
      }
      case "Fn::Sub": {
        Object sub = intrinsic.getValue();
        String text;
        Map<String, Object> variables = Map.of();
        if (sub instanceof String s) {
          text = s;
        } else {
          text = string(list(sub).get(0), "Fn::Sub");
          variables = map(list(sub).get(1), "Fn::Sub variables");
        }
        Map<String, Object> vars = variables;
        Matcher matcher = Pattern.compile("\\$\\{([^}]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
          String name = matcher.group(1);
          String replacement;
          if (name.startsWith("!")) {
            replacement = "${" + name.substring(1) + "}";
          } else if (vars.containsKey(name)) {
            replacement = render(vars.get(name));
          } else if (name.contains(".") && !name.startsWith("AWS::")) {
            replacement = getAtt(name.substring(0, name.indexOf('.')), name.substring(name.indexOf('.') + 1));
          } else {
            replacement = ref(name);
          }
          matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
      }
      case "Fn::Join": {
        List<Object> join = list(intrinsic.getValue());
        return list(join.get(1)).stream().map(TemplateTest::render)
            .collect(Collectors.joining(string(join.get(0), "Fn::Join delimiter")));
      }
      default:
        return intrinsic.getKey() + "=" + render(intrinsic.getValue());
    }
  }

  private static String ref(String name) {
    switch (name) {
      case "AWS::StackName":
        return STACK;
      case "AWS::Partition":
        return PARTITION;
      case "AWS::Region":
        return REGION;
      case "AWS::AccountId":
        return ACCOUNT;
      case "AWS::URLSuffix":
        return "amazonaws.com";
      default:
        break;
    }
    Object parameters = template.get("Parameters");
    if (parameters != null && map(parameters, "Parameters").containsKey(name)) {
      if (name.equals("OperatorKeySha256")) {
        return OPERATOR_KEY_SHA256;
      }
      Object fallback = map(map(parameters, "Parameters").get(name), name).get("Default");
      return fallback == null ? "param:" + name : render(fallback);
    }
    Object resource = resources.get(name);
    if (resource != null) {
      Map<String, Object> r = map(resource, name);
      Map<String, Object> props = r.get("Properties") == null ? Map.of() : map(r.get("Properties"), name);
      if ("AWS::DynamoDB::Table".equals(r.get("Type")) && props.get("TableName") != null) {
        return render(props.get("TableName"));
      }
      if ("AWS::Logs::LogGroup".equals(r.get("Type")) && props.get("LogGroupName") != null) {
        return render(props.get("LogGroupName"));
      }
    }
    return "ref:" + name;
  }

  private static String getAtt(String id, String attribute) {
    Map<String, Object> r = resources.get(id) == null ? Map.of() : map(resources.get(id), id);
    if ("Arn".equals(attribute) && "AWS::DynamoDB::Table".equals(r.get("Type"))) {
      return "arn:" + PARTITION + ":dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + ref(id);
    }
    if ("Arn".equals(attribute) && "AWS::Logs::LogGroup".equals(r.get("Type"))) {
      return "arn:" + PARTITION + ":logs:" + REGION + ":" + ACCOUNT + ":log-group:" + ref(id) + ":*";
    }
    return "getatt:" + id + "." + attribute;
  }

  // ------------------------------------------------------------------ small things

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value, String what) {
    assertInstanceOf(Map.class, value, what + " should be a mapping, is " + value);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    if (value instanceof List<?> l) {
      return (List<Object>) l;
    }
    return value == null ? List.of() : List.of(value);
  }

  private static String string(Object value, String what) {
    assertInstanceOf(String.class, value, what + " should be a string, is " + value);
    return (String) value;
  }

  private static <T extends Comparable<T>> Set<T> minus(Set<T> a, Set<T> b) {
    Set<T> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static String child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e.getTextContent().trim();
      }
    }
    return null;
  }

  /** The {@code <parent>} element of a POM. */
  private static Element child(Element pom) {
    for (Node n = pom.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals("parent")) {
        return e;
      }
    }
    throw new AssertionError("the module's pom has neither a version nor a parent");
  }

  /**
   * Reads CloudFormation's short-form intrinsics ({@code !Ref X}, {@code !GetAtt X.Arn},
   * {@code !Sub ...}) into their long forms ({@code {Ref: X}}, {@code {Fn::GetAtt: [X, Arn]}}),
   * so the test sees the template as CloudFormation does, whichever form it is written in.
   */
  static final class CloudFormationConstructor extends SafeConstructor {
    private static final List<String> FUNCTIONS = List.of("And", "Base64", "Cidr", "Equals", "FindInMap",
        "GetAtt", "GetAZs", "If", "ImportValue", "Join", "Length", "Not", "Or", "Select", "Split", "Sub",
        "ToJsonString", "Transform");

    CloudFormationConstructor() {
      super(new LoaderOptions());
      yamlConstructors.put(new Tag("!Ref"), new Intrinsic("Ref", Function.identity()));
      yamlConstructors.put(new Tag("!Condition"), new Intrinsic("Condition", Function.identity()));
      for (String function : FUNCTIONS) {
        Function<Object, Object> shape = function.equals("GetAtt")
            ? value -> value instanceof String s ? List.of(s.split("\\.", 2)) : value
            : Function.identity();
        yamlConstructors.put(new Tag("!" + function), new Intrinsic("Fn::" + function, shape));
      }
    }

    private final class Intrinsic extends AbstractConstruct {
      private final String name;
      private final Function<Object, Object> shape;

      Intrinsic(String name, Function<Object, Object> shape) {
        this.name = name;
        this.shape = shape;
      }

      @Override
      public Object construct(org.yaml.snakeyaml.nodes.Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          value = constructScalar(scalar);
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else {
          value = constructMapping((MappingNode) node);
        }
        Map<String, Object> intrinsic = new LinkedHashMap<>();
        intrinsic.put(name, shape.apply(value));
        return intrinsic;
      }
    }
  }
}
