package org.tandem.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The API Gateway HTTP API (payload format 2.0) event, as much of it as Tandem reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiEvent(
    String version,
    String routeKey,
    String rawPath,
    String rawQueryString,
    Map<String, String> headers,
    Map<String, String> queryStringParameters,
    Map<String, String> pathParameters,
    RequestContext requestContext,
    String body,
    @JsonProperty("isBase64Encoded") boolean isBase64Encoded) {

  /** The request context: the HTTP line and the authorizer's answer. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RequestContext(
      String accountId,
      String apiId,
      String domainName,
      String requestId,
      String routeKey,
      String stage,
      String time,
      Long timeEpoch,
      Http http,
      Authorizer authorizer) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Http(String method, String path, String protocol, String sourceIp, String userAgent) {}

  /** A Lambda authorizer's context arrives under {@code lambda}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Authorizer(Map<String, Object> lambda) {}
}
