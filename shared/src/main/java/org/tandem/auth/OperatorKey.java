package org.tandem.auth;

import java.util.Map;
import java.util.Objects;

/**
 * The platform operator's key, known only by its SHA-256: in AWS from the
 * {@code TANDEM_OPERATOR_KEY_SHA256} variable (set from a NoEcho parameter), locally from
 * {@code TANDEM_OPERATOR_KEY}.
 */
public record OperatorKey(String sha256) {
  public OperatorKey {
    Objects.requireNonNull(sha256, "sha256 == null");
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("the operator key hash must be 64 lower-case hex digits");
    }
  }

  public static OperatorKey fromEnvironment(Map<String, String> env) {
    String hash = env.get("TANDEM_OPERATOR_KEY_SHA256");
    if (hash != null && !hash.isBlank()) {
      return new OperatorKey(hash.trim().toLowerCase(java.util.Locale.ROOT));
    }
    String key = env.get("TANDEM_OPERATOR_KEY");
    if (key != null && !key.isBlank()) {
      return new OperatorKey(ApiKeys.hash(key.trim()));
    }
    throw new IllegalStateException("set TANDEM_OPERATOR_KEY_SHA256 (or TANDEM_OPERATOR_KEY locally)");
  }

  public boolean matches(String presented) {
    return ApiKeys.sameHash(sha256, ApiKeys.hash(presented));
  }
}
