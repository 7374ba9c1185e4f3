package org.tandem.functions.platform;

import org.tandem.http.LambdaHttpHandler;
import org.tandem.wiring.TandemConfig;

/** The Lambda entry point: an HTTP API event in, a response out. */
public final class PlatformHandler extends LambdaHttpHandler {
  /** Built once per execution environment, on first use, from Lambda's environment. */
  private static final class FromEnvironment {
    static final PlatformComponent COMPONENT = PlatformComponent.create(TandemConfig.fromEnvironment(System.getenv()));
  }

  public PlatformHandler() {
    this(FromEnvironment.COMPONENT, true);
  }

  /** A handler on a component built elsewhere: the local server and the tests. */
  public PlatformHandler(PlatformComponent component) {
    this(component, false);
  }

  private PlatformHandler(PlatformComponent component, boolean register) {
    super(component.http(), register, "GET", "/v1/program");
  }
}
