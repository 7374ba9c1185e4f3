package org.tandem.dynamo;

import java.util.concurrent.CompletableFuture;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds the one DynamoDB client a process uses. */
public final class DynamoClients {
  private DynamoClients() {}

  /**
   * A client on the lightweight URL-connection HTTP client, with region and credentials given
   * rather than discovered, and a fixed endpoint instead of the endpoint rules engine: all three
   * are cold-start time otherwise.
   */
  public static DynamoDbClient create(DynamoConfig config, AwsCredentialsProvider credentials) {
    Endpoint endpoint = Endpoint.builder().url(config.effectiveEndpoint()).build();
    CompletableFuture<Endpoint> resolved = CompletableFuture.completedFuture(endpoint);
    UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
    if ("http".equals(config.effectiveEndpoint().getScheme())) {
      // A plain-HTTP endpoint (DynamoDB Local, LocalStack) never uses TLS: skip loading the
      // JDK's trust store, a tenth of a second of every local start.
      http.tlsTrustManagersProvider(() -> new TrustManager[0]);
    }
    return DynamoDbClient.builder()
        .httpClient(http.build())
        .region(Region.of(config.region()))
        .credentialsProvider(credentials)
        .endpointProvider(params -> resolved)
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
        .build();
  }
}
