package org.tandem.tenancy;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.Objects;
import org.tandem.auth.Role;

/**
 * A tenant's API key as stored: its hash, never its secret.
 *
 * @param revokedAt null while the key works
 */
public record ApiKey(
    String keyId,
    Role role,
    String label,
    String hash,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    Instant revokedAt,
    long version) {

  public ApiKey {
    Objects.requireNonNull(keyId, "keyId == null");
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(hash, "hash == null");
  }

  public static ApiKey issued(String keyId, Role role, String label, String hash, String createdBy, Instant now) {
    return new ApiKey(keyId, role, label, hash, createdBy, now, now, null, 1);
  }

  @JsonIgnore
  public boolean isActive() {
    return revokedAt == null;
  }

  public ApiKey revoked(Instant now) {
    return new ApiKey(keyId, role, label, hash, createdBy, createdAt, now, now, version + 1);
  }

  /** What the API shows of a key: everything but its hash. */
  public View view() {
    return new View(keyId, role, label, isActive() ? "active" : "revoked", createdBy, createdAt, updatedAt, revokedAt,
        version);
  }

  public record View(String keyId, Role role, String label, String status, String createdBy, Instant createdAt,
      Instant updatedAt, Instant revokedAt, long version) {}

  /** A key just made: its view and, this once, the key itself. */
  public record Issued(String keyId, Role role, String label, String status, Instant createdAt, Instant updatedAt,
      long version, String key) {
    /** The same, without the key: what an idempotent retry is shown. */
    public Issued withoutKey() {
      return new Issued(keyId, role, label, status, createdAt, updatedAt, version, null);
    }

    public static Issued of(ApiKey stored, String key) {
      return new Issued(stored.keyId(), stored.role(), stored.label(), "active", stored.createdAt(),
          stored.updatedAt(), stored.version(), key);
    }
  }
}
