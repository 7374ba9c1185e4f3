package org.tandem.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What API Gateway's HTTP API does in front of the functions, done the same way outside AWS:
 * it builds the payload 2.0 event, calls the authorizer (caching its answer per Authorization
 * header, as the template configures), passes the authorizer's context on, invokes the
 * function's handler with the event's bytes and reads the response it writes.
 */
public final class Gateway {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final LocalFunctions functions;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final Duration authorizerTtl;
  private final Map<String, Cached> authorizerCache = new ConcurrentHashMap<>();

  public Gateway(LocalFunctions functions, ObjectMapper mapper, Clock clock, Duration authorizerTtl) {
    this.functions = functions;
    this.mapper = mapper;
    this.clock = clock;
    this.authorizerTtl = authorizerTtl;
  }

  private record Cached(Map<String, Object> context, Instant until) {}

  /** An HTTP request as a client sent it. Header names in any case; query not yet decoded. */
  public record HttpRequest(String method, String path, String rawQuery, Map<String, String> headers, byte[] body,
      String sourceIp) {}

  /** The HTTP answer. */
  public record HttpResponse(int status, Map<String, String> headers, byte[] body) {}

  public HttpResponse handle(HttpRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    request.headers().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    Optional<LocalFunctions.RouteMatch> route = functions.route(request.method(), request.path());
    if (route.isEmpty()) {
      return gatewayError(404, "Not Found");
    }
    String authorization = headers.get("authorization");
    if (authorization == null || authorization.isBlank()) {
      // An HTTP API answers 401 itself when the identity source is missing.
      return gatewayError(401, "Unauthorized");
    }
    ObjectNode event = event(request, headers);
    event.put("routeKey", route.get().routeKey());
    ((ObjectNode) event.get("requestContext")).put("routeKey", route.get().routeKey());
    if (!route.get().pathParameters().isEmpty()) {
      event.set("pathParameters", mapper.valueToTree(route.get().pathParameters()));
    }
    Map<String, Object> context = authorize(authorization, event);
    if (context == null) {
      return gatewayError(403, "Forbidden");
    }
    ((ObjectNode) event.get("requestContext")).putObject("authorizer").set("lambda", mapper.valueToTree(context));
    return invoke(route.get().function(), event);
  }

  /** The payload 2.0 event API Gateway would send for this request. */
  public ObjectNode event(HttpRequest request, Map<String, String> headers) {
    ObjectNode event = mapper.createObjectNode();
    event.put("version", "2.0");
    event.put("routeKey", "$default");
    event.put("rawPath", request.path());
    event.put("rawQueryString", request.rawQuery() == null ? "" : request.rawQuery());
    event.set("headers", mapper.valueToTree(headers));
    Map<String, String> query = Query.parse(request.rawQuery());
    if (!query.isEmpty()) {
      event.set("queryStringParameters", mapper.valueToTree(query));
    }
    ObjectNode context = event.putObject("requestContext");
    context.put("accountId", "000000000000");
    context.put("apiId", "local");
    context.put("domainName", "localhost");
    context.put("requestId", UUID.randomUUID().toString());
    context.put("routeKey", "$default");
    context.put("stage", "$default");
    Instant now = clock.instant();
    context.put("time", TIME.format(now));
    context.put("timeEpoch", now.toEpochMilli());
    ObjectNode http = context.putObject("http");
    http.put("method", request.method());
    http.put("path", request.path());
    http.put("protocol", "HTTP/1.1");
    http.put("sourceIp", request.sourceIp());
    http.put("userAgent", headers.getOrDefault("user-agent", ""));
    byte[] body = request.body();
    if (body != null && body.length > 0) {
      if (isText(headers.get("content-type"))) {
        event.put("body", new String(body, StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
      } else {
        event.put("body", Base64.getEncoder().encodeToString(body));
        event.put("isBase64Encoded", true);
      }
    } else {
      event.put("isBase64Encoded", false);
    }
    return event;
  }

  /** The authorizer's context for this header, cached per header like the HTTP API's result cache. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> authorize(String authorization, ObjectNode requestEvent) {
    Instant now = clock.instant();
    Cached cached = authorizerCache.get(authorization);
    if (cached != null && cached.until().isAfter(now)) {
      return cached.context();
    }
    ObjectNode event = mapper.createObjectNode();
    event.put("version", "2.0");
    event.put("type", "REQUEST");
    event.put("routeArn", "arn:aws:execute-api:local:000000000000:local/$default/"
        + requestEvent.at("/requestContext/http/method").asText() + requestEvent.get("rawPath").asText());
    event.putArray("identitySource").add(authorization);
    event.put("routeKey", requestEvent.get("routeKey").asText());
    event.put("rawPath", requestEvent.get("rawPath").asText());
    event.put("rawQueryString", requestEvent.get("rawQueryString").asText());
    event.set("headers", requestEvent.get("headers"));
    event.set("requestContext", requestEvent.get("requestContext"));
    JsonNode answer = call(functions.authorizer(), event);
    if (!answer.path("isAuthorized").asBoolean(false)) {
      return null;
    }
    Map<String, Object> context = mapper.convertValue(answer.path("context"), Map.class);
    if (!authorizerTtl.isZero()) {
      authorizerCache.put(authorization, new Cached(context, now.plus(authorizerTtl)));
    }
    return context;
  }

  /** Invokes a function's handler with an event and turns its answer into HTTP. */
  public HttpResponse invoke(LocalFunctions.HttpFunctionEntry function, JsonNode event) {
    JsonNode answer = call(function.handler(), event);
    Map<String, String> headers = new LinkedHashMap<>();
    answer.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
    JsonNode body = answer.get("body");
    byte[] bytes = body == null || body.isNull()
        ? new byte[0]
        : answer.path("isBase64Encoded").asBoolean(false)
            ? Base64.getDecoder().decode(body.asText())
            : body.asText().getBytes(StandardCharsets.UTF_8);
    return new HttpResponse(answer.path("statusCode").asInt(502), headers, bytes);
  }

  /** Calls a handler exactly as the Lambda runtime does: event bytes in, response bytes out. */
  public JsonNode call(com.amazonaws.services.lambda.runtime.RequestStreamHandler handler, JsonNode event) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(new ByteArrayInputStream(mapper.writeValueAsBytes(event)), out, new LocalContext());
      return mapper.readTree(out.toByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("handler failed", e);
    }
  }

  private HttpResponse gatewayError(int status, String message) {
    return new HttpResponse(status, Map.of("content-type", "application/json"),
        ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.contains("json") || type.contains("xml")
        || type.startsWith("application/x-www-form-urlencoded");
  }
}
