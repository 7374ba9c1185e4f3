package org.tandem.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an endpoint answers: a status, a body (a value written as JSON, or text or bytes with
 * their own content type) and extra headers.
 */
public record Reply(int status, Object body, String contentType, Map<String, String> headers, Object replayBody) {
  public Reply {
    Objects.requireNonNull(contentType, "contentType == null");
    headers = Map.copyOf(headers);
  }

  public Reply(int status, Object body, String contentType, Map<String, String> headers) {
    this(status, body, contentType, headers, null);
  }

  /**
   * What a retry with the same {@code Idempotency-Key} gets instead of this body: a secret shown
   * once is not kept for replays.
   */
  public Reply replayAs(Object replay) {
    return new Reply(status, body, contentType, headers, replay);
  }

  /** The reply an idempotent retry is given. */
  public Reply forReplay() {
    return replayBody == null ? this : new Reply(status, replayBody, contentType, headers, null);
  }

  public static Reply ok(Object body) {
    return new Reply(200, body, ApiResponse.JSON, Map.of());
  }

  public static Reply created(Object body) {
    return new Reply(201, body, ApiResponse.JSON, Map.of());
  }

  public static Reply noContent() {
    return new Reply(204, null, ApiResponse.JSON, Map.of());
  }

  /** A body that is not JSON: {@code String} for text, {@code byte[]} for binary. */
  public static Reply raw(int status, String contentType, Object body) {
    return new Reply(status, body, contentType, Map.of());
  }

  /** The same reply with an {@code ETag} carrying the resource's version. */
  public Reply etag(long version) {
    return header("etag", "\"" + version + "\"");
  }

  public Reply header(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Reply(status, body, contentType, more, replayBody);
  }

  public boolean isJson() {
    return ApiResponse.JSON.equals(contentType);
  }
}
