package org.tandem.functions.matching;

import org.tandem.http.LambdaHttpHandler;
import org.tandem.wiring.TandemConfig;

/** The Lambda entry point: an HTTP API event in, a response out. */
public final class MatchingHandler extends LambdaHttpHandler {
  /** Built once per execution environment, on first use, from Lambda's environment. */
  private static final class FromEnvironment {
    static final MatchingComponent COMPONENT = MatchingComponent.create(TandemConfig.fromEnvironment(System.getenv()));
  }

  public MatchingHandler() {
    this(FromEnvironment.COMPONENT, true);
  }

  /** A handler on a component built elsewhere: the local server and the tests. */
  public MatchingHandler(MatchingComponent component) {
    this(component, false);
  }

  private MatchingHandler(MatchingComponent component, boolean register) {
    super(component.http(), register, "GET", "/v1/matches/mat_00000000000000000000000000");
  }
}
