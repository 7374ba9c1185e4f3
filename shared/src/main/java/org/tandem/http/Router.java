package org.tandem.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.tandem.errors.NotFound;

/** Maps method and path to a route. One router per function. */
public final class Router {
  private final List<Route> routes;

  public Router(List<Route> routes) {
    this.routes = List.copyOf(routes);
    TreeSet<String> keys = new TreeSet<>();
    for (Route route : routes) {
      if (!keys.add(route.key())) {
        throw new IllegalArgumentException("route declared twice: " + route.key());
      }
    }
  }

  public List<Route> routes() {
    return routes;
  }

  /**
   * The route and its path parameters; {@link NotFound} when no route has the path, 405 when
   * routes have it with other methods.
   */
  public Matched match(String method, String path) {
    String[] actual = Route.segments(path);
    List<String> allowed = new ArrayList<>(2);
    for (Route route : routes) {
      Map<String, String> params = route.match(actual);
      if (params != null) {
        if (route.method().equals(method)) {
          return new Matched(route, params);
        }
        allowed.add(route.method());
      }
    }
    if (!allowed.isEmpty()) {
      throw new MethodNotAllowed(method, allowed);
    }
    throw new NotFound("no route for " + method + " " + path);
  }

  /** A route and the values of its path parameters. */
  public record Matched(Route route, Map<String, String> pathParameters) {}
}
