package org.tandem.wiring;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.tandem.auth.OperatorKey;
import org.tandem.dynamo.DynamoConfig;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Everything a function takes from its surroundings, read once.
 *
 * @param operatorKey null where no function in the process checks it
 * @param protectTables deletion protection and point-in-time recovery on tables made at run time
 * @param sharedClient a DynamoDB client that several functions in one process share (the local
 *     server, the local invoke); null in Lambda, where each function builds its own
 */
public record TandemConfig(DynamoConfig dynamo, AwsCredentialsProvider credentials, OperatorKey operatorKey,
    boolean protectTables, Clock clock, DynamoDbClient sharedClient) {

  public TandemConfig {
    Objects.requireNonNull(dynamo, "dynamo == null");
    Objects.requireNonNull(credentials, "credentials == null");
    Objects.requireNonNull(clock, "clock == null");
  }

  public TandemConfig(DynamoConfig dynamo, AwsCredentialsProvider credentials, OperatorKey operatorKey,
      boolean protectTables, Clock clock) {
    this(dynamo, credentials, operatorKey, protectTables, clock, null);
  }

  /**
   * As Lambda sets it up: credentials straight from the source Lambda provides (the container
   * endpoint under SnapStart, variables otherwise), so the provider chain is never walked; the
   * default chain elsewhere.
   */
  public static TandemConfig fromEnvironment(Map<String, String> env) {
    AwsCredentialsProvider credentials;
    if (env.containsKey("AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
      // SnapStart functions get their credentials from this endpoint, not from variables.
      credentials = ContainerCredentialsProvider.builder().build();
    } else if (env.containsKey("AWS_ACCESS_KEY_ID")) {
      credentials = EnvironmentVariableCredentialsProvider.create();
    } else {
      credentials = DefaultCredentialsProvider.builder().build();
    }
    boolean hasOperatorKey = env.containsKey("TANDEM_OPERATOR_KEY_SHA256") || env.containsKey("TANDEM_OPERATOR_KEY");
    return new TandemConfig(
        DynamoConfig.fromEnvironment(env),
        credentials,
        hasOperatorKey ? OperatorKey.fromEnvironment(env) : null,
        Boolean.parseBoolean(env.getOrDefault("TANDEM_PROTECT_TABLES", "false")),
        Clock.systemUTC());
  }
}
