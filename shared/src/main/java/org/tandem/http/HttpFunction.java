package org.tandem.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tandem.auth.Principal;
import org.tandem.auth.Role;
import org.tandem.errors.ApiError;
import org.tandem.errors.Forbidden;
import org.tandem.errors.PayloadTooLarge;
import org.tandem.errors.Unauthorized;
import org.tandem.errors.UnsupportedMediaType;
import org.tandem.errors.ValidationFailed;
import org.tandem.tenancy.Isolation;
import org.tandem.tenancy.TenantScope;

/**
 * The way every function serves an HTTP API event: who calls, which route, whether the key is
 * still live and its role allowed, the body's size and type, idempotent replays, then the
 * endpoint; every error is answered in one shape.
 */
public final class HttpFunction {
  /** The largest body accepted: 1 MiB. */
  public static final int MAX_BODY_BYTES = 1 << 20;
  private static final int MAX_IDEMPOTENCY_KEY = 255;

  private final Router router;
  private final ObjectMapper mapper;
  private final ObjectReader eventReader;
  private final AccessGuard guard;
  private final IdempotencyStore idempotency;

  public HttpFunction(Router router, ObjectMapper mapper, AccessGuard guard, IdempotencyStore idempotency) {
    this.router = router;
    this.mapper = mapper;
    // The event is API Gateway's, not the client's: read it leniently.
    this.eventReader = mapper.readerFor(ApiEvent.class)
        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .without(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    this.guard = guard;
    this.idempotency = idempotency;
  }

  public Router router() {
    return router;
  }

  /** Reads an event from {@code in}, writes the response to {@code out}: the Lambda entry. */
  public void handle(InputStream in, OutputStream out) throws IOException {
    ApiEvent event = eventReader.readValue(in);
    mapper.writeValue(out, handle(event));
  }

  public ApiResponse handle(ApiEvent event) {
    try {
      return serve(event);
    } catch (ApiError e) {
      return ErrorResponses.of(e, mapper);
    } catch (RuntimeException e) {
      Log.error("unhandled error", event, e);
      return ErrorResponses.internal(mapper);
    }
  }

  private ApiResponse serve(ApiEvent event) {
    Principal principal = principal(event);
    if (!principal.isOperator()) {
      guard.checkLive(principal);
    }
    String method = event.requestContext() != null && event.requestContext().http() != null
        ? event.requestContext().http().method()
        : null;
    if (method == null || event.rawPath() == null) {
      throw ValidationFailed.of("request", "has no method or path");
    }
    Router.Matched matched = router.match(method.toUpperCase(Locale.ROOT), event.rawPath());
    Route route = matched.route();
    if (!route.roles().contains(principal.role())) {
      throw new Forbidden("the " + principal.role().wireName() + " role may not " + route.key());
    }
    Map<String, String> headers = lowerCase(event.headers());
    String body = body(event, headers, method);
    ApiRequest request = new ApiRequest(principal, route.method(), event.rawPath(),
        matched.pathParameters(),
        event.queryStringParameters() == null ? Map.of() : event.queryStringParameters(),
        headers, body, mapper);

    Optional<String> key = route.idempotent() ? idempotencyKey(headers) : Optional.empty();
    if (key.isEmpty()) {
      return render(route.endpoint().handle(request));
    }
    String hash = sha256(canonical(body));
    Optional<ApiResponse> earlier = idempotency.claim(principal, route.key(), key.get(), hash);
    if (earlier.isPresent()) {
      return earlier.get().withHeader("idempotent-replayed", "true");
    }
    Reply reply;
    ApiResponse response;
    try {
      reply = route.endpoint().handle(request);
      response = render(reply);
    } catch (RuntimeException e) {
      idempotency.release(principal, route.key(), key.get());
      throw e;
    }
    if (response.statusCode() / 100 == 2) {
      idempotency.complete(principal, route.key(), key.get(), render(reply.forReplay()));
    } else {
      idempotency.release(principal, route.key(), key.get());
    }
    return response;
  }

  private static Principal principal(ApiEvent event) {
    Map<String, Object> context = event.requestContext() == null || event.requestContext().authorizer() == null
        ? null
        : event.requestContext().authorizer().lambda();
    if (context == null) {
      throw new Unauthorized("missing credentials");
    }
    Role role = Role.fromWire(String.valueOf(context.get("role")));
    Object keyId = context.get("keyId");
    if (!Boolean.TRUE.equals(context.get("authenticated")) || role == null || keyId == null) {
      throw new Unauthorized("the key is unknown, revoked, or its program is suspended");
    }
    if (role == Role.OPERATOR) {
      return Principal.operator();
    }
    Object tenantId = context.get("tenantId");
    Isolation isolation = Isolation.fromWire(String.valueOf(context.get("isolation")));
    if (!TenantScope.isSlug(tenantId == null ? null : tenantId.toString()) || isolation == null) {
      throw new Unauthorized("missing credentials");
    }
    return new Principal(new TenantScope(tenantId.toString(), isolation), role, keyId.toString());
  }

  private static String body(ApiEvent event, Map<String, String> headers, String method) {
    String raw = event.body();
    if (raw == null) {
      return null;
    }
    byte[] bytes;
    if (event.isBase64Encoded()) {
      try {
        bytes = Base64.getDecoder().decode(raw);
      } catch (IllegalArgumentException e) {
        throw ValidationFailed.of("body", "is not valid base64");
      }
    } else {
      bytes = raw.getBytes(StandardCharsets.UTF_8);
    }
    if (bytes.length > MAX_BODY_BYTES) {
      throw new PayloadTooLarge("the body is " + bytes.length + " bytes; at most " + MAX_BODY_BYTES + " are accepted");
    }
    if (bytes.length == 0) {
      return null;
    }
    String contentType = headers.get("content-type");
    if (contentType == null || !isJson(contentType)) {
      throw new UnsupportedMediaType(
          "the body must be application/json; got " + (contentType == null ? "no content-type" : contentType));
    }
    return event.isBase64Encoded() ? new String(bytes, StandardCharsets.UTF_8) : raw;
  }

  private static boolean isJson(String contentType) {
    String[] parts = contentType.split(";");
    if (!parts[0].trim().equalsIgnoreCase("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String[] pair = parts[i].trim().split("=", 2);
      if (pair[0].trim().equalsIgnoreCase("charset")
          && (pair.length < 2 || !pair[1].trim().replace("\"", "").equalsIgnoreCase("utf-8"))) {
        return false;
      }
    }
    return true;
  }

  private static Optional<String> idempotencyKey(Map<String, String> headers) {
    String key = headers.get("idempotency-key");
    if (key == null) {
      return Optional.empty();
    }
    if (key.isEmpty() || key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c > 32 && c < 127)) {
      throw ValidationFailed.of("Idempotency-Key", "must be 1 to 255 visible ASCII characters");
    }
    return Optional.of(key);
  }

  private ApiResponse render(Reply reply) {
    Map<String, String> headers = new HashMap<>(reply.headers());
    if (reply.body() == null) {
      return new ApiResponse(reply.status(), headers, null, false);
    }
    headers.put("content-type", reply.contentType());
    if (reply.isJson()) {
      try {
        return new ApiResponse(reply.status(), headers, mapper.writeValueAsString(reply.body()), false);
      } catch (IOException e) {
        throw new IllegalStateException("cannot write " + reply.body().getClass().getName(), e);
      }
    }
    if (reply.body() instanceof byte[] bytes) {
      return new ApiResponse(reply.status(), headers, Base64.getEncoder().encodeToString(bytes), true);
    }
    return new ApiResponse(reply.status(), headers, reply.body().toString(), false);
  }

  private static Map<String, String> lowerCase(Map<String, String> headers) {
    if (headers == null) {
      return Map.of();
    }
    Map<String, String> out = new HashMap<>();
    headers.forEach((name, value) -> out.put(name.toLowerCase(Locale.ROOT), value));
    return out;
  }

  /** The body with its keys sorted and spaces dropped, so a retry that re-serialises still matches. */
  private String canonical(String body) {
    if (body == null) {
      return "";
    }
    try {
      Object value = mapper.convertValue(mapper.readTree(body), Object.class);
      return mapper.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(value);
    } catch (IOException | IllegalArgumentException e) {
      return body;
    }
  }

  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The routes' keys, for checks that code, template and OpenAPI agree. */
  public List<String> routeKeys() {
    return router.routes().stream().map(Route::key).toList();
  }
}
