package org.tandem.functions.participants;

import org.tandem.http.LambdaHttpHandler;
import org.tandem.wiring.TandemConfig;

/** The Lambda entry point: an HTTP API event in, a response out. */
public final class ParticipantsHandler extends LambdaHttpHandler {
  /** Built once per execution environment, on first use, from Lambda's environment. */
  private static final class FromEnvironment {
    static final ParticipantsComponent COMPONENT = ParticipantsComponent.create(TandemConfig.fromEnvironment(System.getenv()));
  }

  public ParticipantsHandler() {
    this(FromEnvironment.COMPONENT, true);
  }

  /** A handler on a component built elsewhere: the local server and the tests. */
  public ParticipantsHandler(ParticipantsComponent component) {
    this(component, false);
  }

  private ParticipantsHandler(ParticipantsComponent component, boolean register) {
    super(component.http(), register, "GET", "/v1/mentees/mte_00000000000000000000000000");
  }
}
