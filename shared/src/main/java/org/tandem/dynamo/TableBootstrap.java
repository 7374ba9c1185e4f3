package org.tandem.dynamo;

import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SSEType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates Tandem's tables where the template does not: outside AWS, and a silo tenant's own
 * table at onboarding. The shape matches {@code template.yaml}: pk/sk, three indexes gsi1-gsi3, TTL on
 * {@code expiresAt}, on-demand billing.
 */
public final class TableBootstrap {
  private final DynamoDbClient client;

  public TableBootstrap(DynamoDbClient client) {
    this.client = client;
  }

  /**
   * Creates the table unless it exists, and waits until it is active.
   *
   * @param protect deletion protection and point-in-time recovery, as the template sets on its tables
   */
  public void ensureTable(String name, boolean protect) {
    start(name, protect);
    if (!awaitActive(name, Duration.ofMinutes(2))) {
      throw new IllegalStateException("table " + name + " did not become active in time");
    }
    configure(name, protect);
  }

  /** Asks for the table unless it exists; DynamoDB creates it in the background. */
  public void start(String name, boolean protect) {
    try {
      client.createTable(definition(name, protect));
    } catch (ResourceInUseException e) {
      // It exists already: creation is idempotent.
    }
  }

  /** Whether the table is active within {@code wait}. */
  public boolean awaitActive(String name, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      TableStatus status = client.describeTable(b -> b.tableName(name)).table().tableStatus();
      if (status == TableStatus.ACTIVE) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /** What can only be set on an active table: TTL, and point-in-time recovery when protected. */
  public void configure(String name, boolean protect) {
    TimeToLiveStatus ttl = client.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription().timeToLiveStatus();
    if (ttl != TimeToLiveStatus.ENABLED && ttl != TimeToLiveStatus.ENABLING) {
      client.updateTimeToLive(b -> b.tableName(name)
          .timeToLiveSpecification(t -> t.attributeName(Tables.EXPIRES_AT).enabled(true)));
    }
    if (protect) {
      client.updateContinuousBackups(b -> b.tableName(name)
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
    }
  }

  public boolean exists(String name) {
    try {
      client.describeTable(b -> b.tableName(name));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }

  static CreateTableRequest definition(String name, boolean protect) {
    CreateTableRequest.Builder request = CreateTableRequest.builder();
    if (protect) {
      // As the template's tables: encrypted with the AWS managed KMS key, and tagged as Tandem's.
      request.sseSpecification(s -> s.enabled(true).sseType(SSEType.KMS))
          .tags(Tag.builder().key("application").value("tandem").build());
    }
    return request
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .deletionProtectionEnabled(protect)
        .attributeDefinitions(
            attribute(Tables.PK), attribute(Tables.SK), attribute(Tables.GSI1_PK), attribute(Tables.GSI1_SK),
            attribute(Tables.GSI2_PK), attribute(Tables.GSI2_SK), attribute(Tables.GSI3_PK), attribute(Tables.GSI3_SK))
        .keySchema(key(Tables.PK, KeyType.HASH), key(Tables.SK, KeyType.RANGE))
        .globalSecondaryIndexes(
            index(Tables.GSI1, Tables.GSI1_PK, Tables.GSI1_SK),
            index(Tables.GSI2, Tables.GSI2_PK, Tables.GSI2_SK),
            index(Tables.GSI3, Tables.GSI3_PK, Tables.GSI3_SK))
        .build();
  }

  private static GlobalSecondaryIndex index(String name, String pk, String sk) {
    return GlobalSecondaryIndex.builder()
        .indexName(name)
        .keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
        .projection(p -> p.projectionType(ProjectionType.ALL))
        .build();
  }

  private static AttributeDefinition attribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  /** The names of the tables every deployment has. */
  public static List<String> baseTables(Tables tables) {
    return List.of(tables.platform(), tables.pooledData());
  }
}
