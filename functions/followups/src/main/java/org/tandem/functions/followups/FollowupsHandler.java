package org.tandem.functions.followups;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.crac.Core;
import org.crac.Resource;
import org.tandem.relationships.FollowUpRun;
import org.tandem.wiring.TandemConfig;

/**
 * The Lambda entry point of the daily EventBridge schedule. The day is the scheduled event's
 * {@code time} (UTC), so a retried or late delivery works on the day it was meant for; a
 * {@code detail.date} names another day, for a run by hand.
 */
public final class FollowupsHandler implements RequestStreamHandler, Resource {
  /** Stop starting tenants when less than this is left of the invocation's time: one tenant's share is seconds. */
  private static final long RESERVE_MILLIS = 15_000;

  /** Built once per execution environment, on first use, from Lambda's environment. */
  private static final class FromEnvironment {
    static final FollowupsComponent COMPONENT = FollowupsComponent.create(TandemConfig.fromEnvironment(System.getenv()));
  }

  private final FollowupsComponent component;

  public FollowupsHandler() {
    this(FromEnvironment.COMPONENT);
    Core.getGlobalContext().register(this);
  }

  /** A handler on a component built elsewhere: the local run and the tests. */
  public FollowupsHandler(FollowupsComponent component) {
    this.component = component;
  }

  /** Before a SnapStart snapshot: a read of the register of tenants loads the SDK and JSON paths. */
  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    component.run().prime();
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to renew: a connection opened while priming that went stale is retried by the SDK.
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    ObjectMapper mapper = component.mapper();
    JsonNode event = mapper.readTree(input);
    LocalDate day = day(event);
    FollowUpRun.Result result = component.run().run(day,
        () -> context == null || context.getRemainingTimeInMillis() > RESERVE_MILLIS);
    mapper.writeValue(output, result);
  }

  static LocalDate day(JsonNode event) {
    JsonNode date = event == null ? null : event.path("detail").path("date");
    try {
      if (date != null && date.isTextual()) {
        return LocalDate.parse(date.asText());
      }
      JsonNode time = event == null ? null : event.path("time");
      if (time != null && time.isTextual()) {
        return LocalDate.ofInstant(Instant.parse(time.asText()), ZoneOffset.UTC);
      }
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("the event's date is not a date: " + e.getParsedString(), e);
    }
    return LocalDate.now(ZoneOffset.UTC);
  }
}
