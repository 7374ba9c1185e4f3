package org.tandem.http;

import java.util.Map;

/**
 * Runs one request through a function before a SnapStart snapshot, so the snapshot holds loaded
 * and initialised JSON, routing, error and SDK classes and a warm HTTP client. The request is
 * made by a tenant that does not exist, so it reads nothing and is answered 401.
 */
public final class Priming {
  private Priming() {}

  public static void prime(HttpFunction function, String method, String path) {
    ApiEvent event = new ApiEvent("2.0", method + " " + path, path, "", Map.of("accept", "application/json"),
        Map.of(), Map.of(),
        new ApiEvent.RequestContext(null, null, null, "priming", null, "$default", null, null,
            new ApiEvent.Http(method, path, "HTTP/1.1", "127.0.0.1", "priming"),
            new ApiEvent.Authorizer(Map.of("authenticated", true, "role", "admin", "tenantId", "priming",
                "keyId", "key_00000000000000000000000000", "isolation", "pool"))),
        null, false);
    function.handle(event);
  }
}
