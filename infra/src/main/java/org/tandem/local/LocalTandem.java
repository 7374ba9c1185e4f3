package org.tandem.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.tandem.auth.OperatorKey;
import org.tandem.dynamo.DynamoClients;
import org.tandem.dynamo.DynamoConfig;
import org.tandem.dynamo.TableBootstrap;
import org.tandem.dynamo.Tables;
import org.tandem.json.Json;
import org.tandem.wiring.TandemConfig;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Tandem assembled outside AWS against a DynamoDB endpoint: the functions, the gateway in front
 * of them, and the base tables. The local server, the local invoke and the tests all use it.
 */
public final class LocalTandem {
  public static final String PLATFORM_TABLE = "tandem-platform";
  public static final String DATA_TABLE = "tandem-data";

  private final TandemConfig config;
  private final LocalFunctions functions;
  private final Gateway gateway;
  private final ObjectMapper mapper = Json.shared();

  public LocalTandem(URI dynamoEndpoint, OperatorKey operatorKey, Clock clock, Duration authorizerTtl) {
    this(null, dynamoEndpoint, operatorKey, clock, authorizerTtl);
  }

  /**
   * @param client the process's one DynamoDB client, shared by the functions here as they share
   *     the DynamoDB behind it; null to build one (a benchmark passes one that records capacity)
   */
  public LocalTandem(DynamoDbClient client, URI dynamoEndpoint, OperatorKey operatorKey, Clock clock,
      Duration authorizerTtl) {
    DynamoConfig dynamo = new DynamoConfig("ca-central-1", dynamoEndpoint, PLATFORM_TABLE, DATA_TABLE);
    StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    this.config = new TandemConfig(dynamo, credentials, operatorKey, false, clock,
        client != null ? client : DynamoClients.create(dynamo, credentials));
    this.functions = new LocalFunctions(config);
    this.gateway = new Gateway(functions, mapper, clock, authorizerTtl);
  }

  public TandemConfig config() {
    return config;
  }

  public LocalFunctions functions() {
    return functions;
  }

  public Gateway gateway() {
    return gateway;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  public ApiClient client() {
    return new ApiClient(gateway, mapper);
  }

  /** A DynamoDB client of its own on the same endpoint, for setup and for looking behind the API in tests. */
  public DynamoDbClient dynamo() {
    return DynamoClients.create(config.dynamo(), config.credentials());
  }

  /** Creates the tables the template creates in AWS, unless they exist. */
  public void createTables() {
    try (DynamoDbClient client = dynamo()) {
      TableBootstrap bootstrap = new TableBootstrap(client);
      for (String table : TableBootstrap.baseTables(new Tables(config.dynamo()))) {
        bootstrap.ensureTable(table, false);
      }
    }
  }
}
