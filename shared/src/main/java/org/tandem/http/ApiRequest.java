package org.tandem.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tandem.auth.Principal;
import org.tandem.errors.ValidationFailed;

/** One request as an endpoint sees it: who calls, the path and query, headers and body. */
public final class ApiRequest {
  private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?([0-9]{1,18})\"?");

  private final Principal principal;
  private final String method;
  private final String path;
  private final Map<String, String> pathParameters;
  private final Map<String, String> query;
  private final Map<String, String> headers;
  private final String body;
  private final ObjectMapper mapper;

  ApiRequest(Principal principal, String method, String path, Map<String, String> pathParameters,
      Map<String, String> query, Map<String, String> headers, String body, ObjectMapper mapper) {
    this.principal = Objects.requireNonNull(principal, "principal == null");
    this.method = method;
    this.path = path;
    this.pathParameters = Map.copyOf(pathParameters);
    this.query = Map.copyOf(query);
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.mapper = mapper;
  }

  public Principal principal() {
    return principal;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalStateException("route has no path parameter " + name);
    }
    return value;
  }

  public Optional<String> query(String name) {
    return Optional.ofNullable(query.get(name));
  }

  public Map<String, String> queryParameters() {
    return query;
  }

  /** A header by its lower-case name. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The version named by {@code If-Match}, if the header is there. */
  public Optional<Long> ifMatch() {
    Optional<String> raw = header("if-match");
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    var matcher = VERSION.matcher(raw.get().trim());
    if (!matcher.matches()) {
      throw ValidationFailed.of("If-Match", "must be a resource version, e.g. \"3\"");
    }
    return Optional.of(Long.parseLong(matcher.group(1)));
  }

  /** Whether the request came with a body. */
  public boolean hasBody() {
    return body != null && !body.isBlank();
  }

  /** The body read strictly into {@code type}; every problem names its field. */
  public <T> T body(Class<T> type) {
    JsonNode tree = bodyTree();
    try {
      T value = mapper.treeToValue(tree, type);
      if (value == null) {
        throw ValidationFailed.of("body", "must be a JSON object");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw JsonProblems.toValidation(e);
    }
  }

  /** The body as a JSON object, for partial updates. */
  public ObjectNode bodyObject() {
    JsonNode tree = bodyTree();
    if (!(tree instanceof ObjectNode object)) {
      throw ValidationFailed.of("body", "must be a JSON object");
    }
    return object;
  }

  private JsonNode bodyTree() {
    if (body == null || body.isBlank()) {
      throw ValidationFailed.of("body", "is required");
    }
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw ValidationFailed.of("body", "must be a JSON object");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw JsonProblems.toValidation(e);
    }
  }

  public ObjectMapper mapper() {
    return mapper;
  }
}
