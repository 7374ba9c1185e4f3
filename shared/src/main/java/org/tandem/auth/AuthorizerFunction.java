package org.tandem.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API Lambda authorizer (payload 2.0, simple responses). A known key is answered with
 * its context {@code {tenantId, role, keyId, isolation}}. An HTTP API answers 403 to
 * {@code isAuthorized: false} and lets no one change that, while the contract says 401; so an
 * unknown key is let through with no role, and the function answers 401 without reading data.
 */
public final class AuthorizerFunction {
  private final Authenticator authenticator;
  private final ObjectMapper mapper;
  private final ObjectReader reader;

  @Inject
  public AuthorizerFunction(Authenticator authenticator, ObjectMapper mapper) {
    this.authenticator = authenticator;
    this.mapper = mapper;
    this.reader = mapper.readerFor(Event.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /** The parts of the authorizer event read here. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Event(List<String> identitySource, Map<String, String> headers) {}

  /** The simple response. */
  public record Response(boolean isAuthorized, Map<String, Object> context) {}

  public void handle(InputStream in, OutputStream out) throws IOException {
    Event event = reader.readValue(in);
    mapper.writeValue(out, decide(event));
  }

  public Response decide(Event event) {
    return new Response(true, context(authorizationHeader(event)));
  }

  /** The context API Gateway passes on to the function, for the given header value. */
  public Map<String, Object> context(String authorizationHeader) {
    Optional<Principal> principal = authenticator.authenticate(authorizationHeader);
    Map<String, Object> context = new LinkedHashMap<>();
    if (principal.isEmpty()) {
      context.put("authenticated", false);
      return context;
    }
    Principal p = principal.get();
    context.put("authenticated", true);
    context.put("role", p.role().wireName());
    context.put("keyId", p.keyId());
    if (!p.isOperator()) {
      context.put("tenantId", p.scope().id());
      context.put("isolation", p.scope().isolation().wireName());
    }
    return context;
  }

  private static String authorizationHeader(Event event) {
    if (event.headers() != null) {
      for (Map.Entry<String, String> header : event.headers().entrySet()) {
        if (header.getKey().toLowerCase(Locale.ROOT).equals("authorization")) {
          return header.getValue();
        }
      }
    }
    if (event.identitySource() != null && !event.identitySource().isEmpty()) {
      return event.identitySource().get(0);
    }
    return null;
  }
}
