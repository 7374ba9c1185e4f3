package org.tandem.functions.relationships;

import org.tandem.http.LambdaHttpHandler;
import org.tandem.wiring.TandemConfig;

/** The Lambda entry point: an HTTP API event in, a response out. */
public final class RelationshipsHandler extends LambdaHttpHandler {
  /** Built once per execution environment, on first use, from Lambda's environment. */
  private static final class FromEnvironment {
    static final RelationshipsComponent COMPONENT =
        RelationshipsComponent.create(TandemConfig.fromEnvironment(System.getenv()));
  }

  public RelationshipsHandler() {
    this(FromEnvironment.COMPONENT, true);
  }

  /** A handler on a component built elsewhere: the local server and the tests. */
  public RelationshipsHandler(RelationshipsComponent component) {
    this(component, false);
  }

  private RelationshipsHandler(RelationshipsComponent component, boolean register) {
    super(component.http(), register, "GET", "/v1/matches/mat_00000000000000000000000000/goals");
  }
}
