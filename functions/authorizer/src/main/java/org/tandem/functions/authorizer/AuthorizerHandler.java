package org.tandem.functions.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Core;
import org.crac.Resource;
import org.tandem.auth.AuthorizerFunction;
import org.tandem.wiring.TandemConfig;

/** The Lambda entry point of the HTTP API's authorizer. */
public final class AuthorizerHandler implements RequestStreamHandler, Resource {
  private static final class FromEnvironment {
    static final AuthorizerComponent COMPONENT = AuthorizerComponent.create(TandemConfig.fromEnvironment(System.getenv()));
  }

  private final AuthorizerFunction authorizer;

  public AuthorizerHandler() {
    this(FromEnvironment.COMPONENT);
    Core.getGlobalContext().register(this);
  }

  /** A handler on a component built elsewhere: the local server and the tests. */
  public AuthorizerHandler(AuthorizerComponent component) {
    this.authorizer = component.authorizer();
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    authorizer.handle(input, output);
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    // A key of the tenant key's shape for a tenant that does not exist: one DynamoDB read, no match.
    authorizer.context("Bearer tdm.priming.key_00000000000000000000000000.primingprimingprimingprimingpriming");
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to renew.
  }
}
