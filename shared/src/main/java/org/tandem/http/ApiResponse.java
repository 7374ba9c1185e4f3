package org.tandem.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP API (payload format 2.0) response a function returns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiResponse(
    int statusCode,
    Map<String, String> headers,
    String body,
    @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

  public static final String JSON = "application/json; charset=utf-8";

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse of(int status, String contentType, String body) {
    return new ApiResponse(status, Map.of("content-type", contentType), body, false);
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, Map.of(), null, false);
  }

  /** A copy with one more header. */
  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(statusCode, more, body, isBase64Encoded);
  }

  public String header(String name) {
    return headers.get(name);
  }
}
