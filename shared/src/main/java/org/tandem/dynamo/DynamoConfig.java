package org.tandem.dynamo;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where the data lives, read once from the environment: the region, an optional endpoint
 * override (LocalStack, DynamoDB Local), and the table names.
 *
 * @param endpoint null for the region's DynamoDB endpoint
 * @param platformTable tenants and keys
 * @param dataTable the pooled tenants' table; a silo tenant's table is this name plus {@code -<tenantId>}
 */
public record DynamoConfig(String region, URI endpoint, String platformTable, String dataTable) {
  public DynamoConfig {
    Objects.requireNonNull(region, "region == null");
    Objects.requireNonNull(platformTable, "platformTable == null");
    Objects.requireNonNull(dataTable, "dataTable == null");
  }

  /**
   * From {@code AWS_REGION}, {@code AWS_ENDPOINT_URL_DYNAMODB} or {@code AWS_ENDPOINT_URL},
   * {@code TANDEM_PLATFORM_TABLE} and {@code TANDEM_DATA_TABLE}.
   */
  public static DynamoConfig fromEnvironment(Map<String, String> env) {
    String endpoint = env.getOrDefault("AWS_ENDPOINT_URL_DYNAMODB", env.get("AWS_ENDPOINT_URL"));
    return new DynamoConfig(
        env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "ca-central-1")),
        endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
        env.getOrDefault("TANDEM_PLATFORM_TABLE", "tandem-platform"),
        env.getOrDefault("TANDEM_DATA_TABLE", "tandem-data"));
  }

  /** The endpoint requests go to: the override, or the region's public endpoint. */
  public URI effectiveEndpoint() {
    return endpoint != null ? endpoint : URI.create("https://dynamodb." + region + ".amazonaws.com");
  }
}
