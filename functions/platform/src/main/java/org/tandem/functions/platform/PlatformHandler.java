package org.tandem.functions.platform;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Core;
import org.crac.Resource;
import org.tandem.http.HttpFunction;
import org.tandem.http.Priming;
import org.tandem.wiring.TandemConfig;

/** The Lambda entry point: an HTTP API event in, a response out. */
public final class PlatformHandler implements RequestStreamHandler, Resource {
  /** Built once per execution environment, on first use, from Lambda's environment. */
  private static final class FromEnvironment {
    static final PlatformComponent COMPONENT = PlatformComponent.create(TandemConfig.fromEnvironment(System.getenv()));
  }

  private final HttpFunction http;

  public PlatformHandler() {
    this(FromEnvironment.COMPONENT);
    Core.getGlobalContext().register(this);
  }

  /** A handler on a component built elsewhere: the local server and the tests. */
  public PlatformHandler(PlatformComponent component) {
    this.http = component.http();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    http.handle(input, output);
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    Priming.prime(http, "GET", "/v1/program");
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to renew: the SDK re-resolves credentials from the restored environment.
  }
}
