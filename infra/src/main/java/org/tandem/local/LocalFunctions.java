package org.tandem.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tandem.functions.authorizer.AuthorizerComponent;
import org.tandem.functions.authorizer.AuthorizerHandler;
import org.tandem.functions.followups.FollowupsComponent;
import org.tandem.functions.followups.FollowupsHandler;
import org.tandem.functions.matching.MatchingComponent;
import org.tandem.functions.matching.MatchingHandler;
import org.tandem.functions.participants.ParticipantsComponent;
import org.tandem.functions.participants.ParticipantsHandler;
import org.tandem.functions.platform.PlatformComponent;
import org.tandem.functions.platform.PlatformHandler;
import org.tandem.functions.relationships.RelationshipsComponent;
import org.tandem.functions.relationships.RelationshipsHandler;
import org.tandem.wiring.TandemConfig;

/**
 * Tandem's Lambda functions as a process outside AWS holds them: the very handler classes the
 * template names, each on a component built for the local configuration.
 */
public final class LocalFunctions {
  /** One HTTP function: its name in the template, its handler, and the routes its router serves. */
  public record HttpFunctionEntry(String name, Class<? extends RequestStreamHandler> handlerClass,
      RequestStreamHandler handler, List<String> routeKeys) {}

  private final TandemConfig config;
  private AuthorizerHandler authorizer;
  private FollowupsHandler followups;
  private final Map<String, HttpFunctionEntry> built = new ConcurrentHashMap<>();

  public LocalFunctions(TandemConfig config) {
    this.config = config;
  }

  /** The names of the HTTP functions, as the template names them. */
  public static final List<String> NAMES = List.of("platform", "participants", "matching", "relationships");

  /** The authorizer, built on first use. */
  public synchronized AuthorizerHandler authorizer() {
    if (authorizer == null) {
      authorizer = new AuthorizerHandler(AuthorizerComponent.create(config));
    }
    return authorizer;
  }

  /** The daily follow-ups function, built on first use: EventBridge's schedule, run by hand. */
  public synchronized FollowupsHandler followups() {
    if (followups == null) {
      followups = new FollowupsHandler(FollowupsComponent.create(config));
    }
    return followups;
  }

  /** Every HTTP function (each built on first use, as Lambda builds only the function it runs). */
  public List<HttpFunctionEntry> functions() {
    return NAMES.stream().map(name -> function(name).orElseThrow()).toList();
  }

  public Optional<HttpFunctionEntry> function(String name) {
    if (!NAMES.contains(name)) {
      return Optional.empty();
    }
    return Optional.of(built.computeIfAbsent(name, this::build));
  }

  private HttpFunctionEntry build(String name) {
    return switch (name) {
      case "platform" -> {
        PlatformComponent platform = PlatformComponent.create(config);
        yield new HttpFunctionEntry(name, PlatformHandler.class, new PlatformHandler(platform),
            platform.http().routeKeys());
      }
      case "participants" -> {
        ParticipantsComponent participants = ParticipantsComponent.create(config);
        yield new HttpFunctionEntry(name, ParticipantsHandler.class, new ParticipantsHandler(participants),
            participants.http().routeKeys());
      }
      case "matching" -> {
        MatchingComponent matching = MatchingComponent.create(config);
        yield new HttpFunctionEntry(name, MatchingHandler.class, new MatchingHandler(matching),
            matching.http().routeKeys());
      }
      case "relationships" -> {
        RelationshipsComponent relationships = RelationshipsComponent.create(config);
        yield new HttpFunctionEntry(name, RelationshipsHandler.class, new RelationshipsHandler(relationships),
            relationships.http().routeKeys());
      }
      default -> throw new IllegalArgumentException("no function " + name);
    };
  }

  /** A route found for a request: the function, API Gateway's route key and the path parameters. */
  public record RouteMatch(HttpFunctionEntry function, String routeKey, Map<String, String> pathParameters) {}

  /**
   * The function serving a method and path. A path served with another method still goes to
   * its function, whose router answers 405.
   */
  public Optional<RouteMatch> route(String method, String path) {
    RouteMatch byPath = null;
    for (HttpFunctionEntry function : functions()) {
      for (String key : function.routeKeys()) {
        int space = key.indexOf(' ');
        Map<String, String> parameters = matches(key.substring(space + 1), path);
        if (parameters != null) {
          RouteMatch match = new RouteMatch(function, key, parameters);
          if (key.substring(0, space).equals(method)) {
            return Optional.of(match);
          }
          byPath = byPath == null ? match : byPath;
        }
      }
    }
    return Optional.ofNullable(byPath);
  }

  static Map<String, String> matches(String template, String path) {
    String[] t = template.split("/", -1);
    String[] p = (path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path).split("/", -1);
    if (t.length != p.length) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < t.length; i++) {
      boolean parameter = t[i].startsWith("{") && t[i].endsWith("}");
      if (parameter ? p[i].isEmpty() : !t[i].equals(p[i])) {
        return null;
      }
      if (parameter) {
        parameters.put(t[i].substring(1, t[i].length() - 1), p[i]);
      }
    }
    return parameters;
  }
}
