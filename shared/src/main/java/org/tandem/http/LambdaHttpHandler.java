package org.tandem.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Core;
import org.crac.Resource;

/**
 * What every HTTP function's Lambda entry point does: hand the event's bytes to its
 * {@link HttpFunction}, and prime it before a SnapStart snapshot.
 */
public abstract class LambdaHttpHandler implements RequestStreamHandler, Resource {
  private final HttpFunction http;
  private final String primeMethod;
  private final String primePath;

  /**
   * @param register whether to take part in SnapStart checkpoints (the Lambda-built handler
   *     does; one built by the local server or a test does not)
   * @param primePath a route of this function that reads DynamoDB, served once before a snapshot
   */
  protected LambdaHttpHandler(HttpFunction http, boolean register, String primeMethod, String primePath) {
    this.http = http;
    this.primeMethod = primeMethod;
    this.primePath = primePath;
    if (register) {
      Core.getGlobalContext().register(this);
    }
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    http.handle(input, output);
  }

  @Override
  public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    Priming.prime(http, primeMethod, primePath);
    primeMore();
  }

  /** What else a function warms before the snapshot, beyond its priming request; nothing by default. */
  protected void primeMore() {
    // Most functions' request path is all they load.
  }

  @Override
  public final void afterRestore(org.crac.Context<? extends Resource> context) {
    // Nothing to renew: connections opened while priming that went stale are retried by the SDK.
  }
}
