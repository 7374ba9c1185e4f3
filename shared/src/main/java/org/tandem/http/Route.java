package org.tandem.http;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tandem.auth.Role;

/**
 * A method and a path template ({@code /v1/mentees/{menteeId}}), the roles that may call it,
 * and the endpoint behind it. Creating POSTs are marked {@link #idempotent()}.
 */
public record Route(String method, String path, Set<Role> roles, boolean idempotent, Endpoint endpoint) {
  public Route {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(path, "path == null");
    Objects.requireNonNull(endpoint, "endpoint == null");
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a route needs at least one role: " + path);
    }
    roles = Set.copyOf(roles);
  }

  public static Route get(String path, Set<Role> roles, Endpoint endpoint) {
    return new Route("GET", path, roles, false, endpoint);
  }

  public static Route post(String path, Set<Role> roles, Endpoint endpoint) {
    return new Route("POST", path, roles, false, endpoint);
  }

  /** A POST that creates: it honours {@code Idempotency-Key}. */
  public static Route create(String path, Set<Role> roles, Endpoint endpoint) {
    return new Route("POST", path, roles, true, endpoint);
  }

  public static Route put(String path, Set<Role> roles, Endpoint endpoint) {
    return new Route("PUT", path, roles, false, endpoint);
  }

  public static Route patch(String path, Set<Role> roles, Endpoint endpoint) {
    return new Route("PATCH", path, roles, false, endpoint);
  }

  public static Route delete(String path, Set<Role> roles, Endpoint endpoint) {
    return new Route("DELETE", path, roles, false, endpoint);
  }

  public static Set<Role> roles(Role first, Role... rest) {
    return EnumSet.of(first, rest);
  }

  /** The route key API Gateway uses, e.g. {@code GET /v1/mentees/{menteeId}}. */
  public String key() {
    return method + " " + path;
  }

  /** The path parameters if {@code actualPath} fits this route's template, else null. */
  Map<String, String> match(String[] actual) {
    String[] template = segments(path);
    if (template.length != actual.length) {
      return null;
    }
    List<String> names = new ArrayList<>(2);
    List<String> values = new ArrayList<>(2);
    for (int i = 0; i < template.length; i++) {
      String part = template[i];
      if (part.startsWith("{") && part.endsWith("}")) {
        if (actual[i].isEmpty()) {
          return null;
        }
        names.add(part.substring(1, part.length() - 1));
        values.add(actual[i]);
      } else if (!part.equals(actual[i])) {
        return null;
      }
    }
    java.util.LinkedHashMap<String, String> params = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      params.put(names.get(i), values.get(i));
    }
    return params;
  }

  static String[] segments(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.split("/", -1);
  }
}
