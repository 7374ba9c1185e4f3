package org.tandem.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Calls the API through the {@link Gateway} in this process, as an HTTP client would. */
public final class ApiClient {
  private final Gateway gateway;
  private final ObjectMapper mapper;

  public ApiClient(Gateway gateway, ObjectMapper mapper) {
    this.gateway = gateway;
    this.mapper = mapper;
  }

  /** A response with its body read as JSON where it is JSON. */
  public record Response(int status, Map<String, String> headers, byte[] body, JsonNode json) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name);
    }
  }

  public Response call(String method, String pathAndQuery, String key, Object body) {
    return call(method, pathAndQuery, key, body, Map.of());
  }

  /**
   * @param body a value to send as JSON, a {@code String} sent as it is, or null
   */
  public Response call(String method, String pathAndQuery, String key, Object body, Map<String, String> headers) {
    Map<String, String> all = new LinkedHashMap<>();
    if (key != null) {
      all.put("authorization", "Bearer " + key);
    }
    byte[] bytes = null;
    if (body != null) {
      all.put("content-type", "application/json");
      try {
        bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(body);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    all.putAll(headers);
    int q = pathAndQuery.indexOf('?');
    String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? null : pathAndQuery.substring(q + 1);
    Gateway.HttpResponse response = gateway.handle(new Gateway.HttpRequest(method, path, query, all, bytes,
        "127.0.0.1"));
    JsonNode json = null;
    String type = response.headers().getOrDefault("content-type", "");
    if (type.contains("json") && response.body().length > 0) {
      try {
        json = mapper.readTree(response.body());
      } catch (java.io.IOException e) {
        throw new IllegalStateException("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), e);
      }
    }
    return new Response(response.status(), response.headers(), response.body(), json);
  }
}
