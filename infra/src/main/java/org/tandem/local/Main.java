package org.tandem.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tandem.auth.ApiKeys;
import org.tandem.auth.OperatorKey;
import org.tandem.json.Json;

/**
 * {@code java -jar infra/target/tandem-local.jar [serve|invoke] ...}: Tandem on a development
 * machine, with the same authorizer and handlers as in Lambda.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    String command = rest.isEmpty() || rest.get(0).startsWith("--") ? "serve" : rest.remove(0);
    switch (command) {
      case "serve" -> serve(rest);
      case "invoke" -> invoke(rest);
      default -> {
        System.err.println("usage: tandem-local.jar serve [--in-memory] [--no-demo]");
        System.err.println("       tandem-local.jar invoke <authorizer|followups|platform|participants|matching|relationships> <event.json> [--as-is]");
        System.exit(2);
      }
    }
  }

  private static int envInt(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  static void serve(List<String> args) throws Exception {
    boolean inMemory = args.contains("--in-memory");
    boolean demo = !args.contains("--no-demo");
    int port = envInt("TANDEM_PORT", 3000);
    int dynamoPort = envInt("TANDEM_DYNAMODB_PORT", 8000);
    ObjectMapper mapper = new ObjectMapper();
    LocalState state = new LocalState(Path.of(".tandem"), mapper);
    if (inMemory) {
      state.reset();
    }

    String operatorKey = System.getenv("TANDEM_OPERATOR_KEY");
    if (operatorKey == null || operatorKey.isBlank()) {
      operatorKey = state.state().path("operatorKey").asText(null);
    }
    if (operatorKey == null || operatorKey.isBlank()) {
      byte[] secret = new byte[32];
      new SecureRandom().nextBytes(secret);
      operatorKey = "tdm-operator." + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }
    state.state().put("operatorKey", operatorKey);
    state.state().put("dynamodbEndpoint", "http://localhost:" + dynamoPort);

    EmbeddedDynamo dynamo = EmbeddedDynamo.start(dynamoPort, inMemory ? null : state.dataDir());
    LocalTandem tandem = new LocalTandem(dynamo.endpoint(), new OperatorKey(ApiKeys.hash(operatorKey)),
        Clock.systemUTC(), Duration.ofSeconds(300));
    tandem.createTables();
    if (demo) {
      new DemoData(tandem.client(), tandem.mapper()).seed(state, operatorKey);
    }
    state.save();
    LocalServer server = LocalServer.start(port, tandem.gateway());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      dynamo.close();
    }));
    printBanner(state, server.port(), dynamo.port(), inMemory);
    Thread.currentThread().join();
  }

  private static void printBanner(LocalState state, int port, int dynamoPort, boolean inMemory) {
    StringBuilder out = new StringBuilder();
    out.append("\nTandem is running on http://localhost:").append(port).append("/v1\n");
    out.append("DynamoDB Local: http://localhost:").append(dynamoPort)
        .append(inMemory ? " (in memory: gone when this stops)\n" : " (data kept in .tandem/data)\n");
    out.append("\nOperator key:\n  ").append(state.state().get("operatorKey").asText()).append("\n");
    JsonNode tenants = state.state().path("tenants");
    for (Iterator<Map.Entry<String, JsonNode>> it = tenants.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> tenant = it.next();
      out.append("\n").append(tenant.getKey()).append(": ").append(tenant.getValue().path("name").asText()).append('\n');
      for (String role : List.of("admin", "coordinator", "partner")) {
        JsonNode key = tenant.getValue().get(role + "Key");
        if (key != null) {
          out.append(String.format("  %-12s %s%n", role, key.asText()));
        }
      }
    }
    out.append("\nKeys and demo ids are also in .tandem/local.json. Try:\n")
        .append("  curl -s localhost:").append(port).append("/v1/mentees -H \"Authorization: Bearer ")
        .append(tenants.path("criec").path("adminKey").asText("<admin key>")).append("\"\n");
    System.out.println(out);
  }

  /**
   * Runs one function's handler on one event file against the local DynamoDB and prints the
   * response, as {@code sam local invoke} does. The event's placeholders ({@code ${...}}) are
   * filled from {@code .tandem/local.json}. Unless {@code --as-is}, the authorizer runs first on
   * the event's Authorization header, as API Gateway would.
   */
  static void invoke(List<String> args) throws Exception {
    if (args.size() < 2) {
      throw new IllegalArgumentException("invoke <authorizer|followups|platform|participants|matching|relationships> <event.json> [--as-is]");
    }
    String name = args.get(0);
    ObjectMapper mapper = Json.shared();
    LocalState state = new LocalState(Path.of(".tandem"), mapper);
    String operatorKey = System.getenv("TANDEM_OPERATOR_KEY");
    if (operatorKey == null || operatorKey.isBlank()) {
      operatorKey = state.state().path("operatorKey").asText("unset-operator-key");
    }
    String endpoint = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
    if (endpoint == null || endpoint.isBlank()) {
      endpoint = "http://localhost:" + envInt("TANDEM_DYNAMODB_PORT", 8000);
    }
    LocalTandem tandem = new LocalTandem(URI.create(endpoint), new OperatorKey(ApiKeys.hash(operatorKey)),
        Clock.systemUTC(), Duration.ZERO);
    ObjectNode event = (ObjectNode) mapper.readTree(state.substitute(Files.readString(Path.of(args.get(1)))));
    JsonNode response;
    if (name.equals("authorizer")) {
      response = tandem.gateway().call(tandem.functions().authorizer(), event);
    } else if (name.equals("followups")) {
      response = tandem.gateway().call(tandem.functions().followups(), event);
    } else {
      LocalFunctions.HttpFunctionEntry function = tandem.functions().function(name)
          .orElseThrow(() -> new IllegalArgumentException("no function " + name));
      if (!args.contains("--as-is")) {
        String authorization = event.path("headers").path("authorization").asText(null);
        Map<String, Object> context = authorization == null ? Map.of("authenticated", false)
            : tandem.gateway().authorize(authorization, event);
        ((ObjectNode) event.with("requestContext")).putObject("authorizer").set("lambda", mapper.valueToTree(context));
      }
      response = tandem.gateway().call(function.handler(), event);
    }
    System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(response));
  }
}
