package org.tandem.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.tandem.ids.Ids;
import org.tandem.tenancy.TenantScope;

/**
 * The shape of API keys: {@code tdm.<tenantId>.<keyId>.<secret>}, 256 random bits of secret.
 * The tenant and key id in the clear let the authorizer read exactly one key record; only the
 * SHA-256 of the whole key is stored, which is enough for a secret of this entropy.
 */
public final class ApiKeys {
  public static final String KEY_ID_PREFIX = "key";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  /** A tenant key's parts, before it is checked against its stored hash. */
  public record Parsed(String tenantId, String keyId) {}

  public static String newKey(String tenantId, String keyId) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return format(tenantId, keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  public static String format(String tenantId, String keyId, String secret) {
    return "tdm." + tenantId + "." + keyId + "." + secret;
  }

  /** The tenant and key id a presented key claims, if it has a tenant key's shape. */
  public static Optional<Parsed> parse(String key) {
    if (key == null || key.length() > 200) {
      return Optional.empty();
    }
    String[] parts = key.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("tdm") || !TenantScope.isSlug(parts[1])
        || !Ids.isValid(KEY_ID_PREFIX, parts[2]) || parts[3].length() < 32) {
      return Optional.empty();
    }
    return Optional.of(new Parsed(parts[1], parts[2]));
  }

  public static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares two hashes in time that does not depend on where they differ. */
  public static boolean sameHash(String a, String b) {
    return a != null && b != null
        && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }

  /** The token of an {@code Authorization: Bearer <key>} header, if the header has that form. */
  public static Optional<String> bearer(String header) {
    if (header == null) {
      return Optional.empty();
    }
    String trimmed = header.trim();
    if (trimmed.length() < 8 || !trimmed.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    String token = trimmed.substring(7).trim();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }
}
