package org.tandem.tenancy;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The tenant a piece of work belongs to. Every repository method takes one, and every key it
 * builds starts with {@link #id()}, so a read across tenants cannot be written by accident.
 */
public record TenantScope(String id, Isolation isolation) {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?");

  public TenantScope {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(isolation, "isolation == null");
    if (!isSlug(id)) {
      throw new IllegalArgumentException("not a tenant id: " + id);
    }
  }

  /** A tenant id is a slug of 2 to 32 lower-case letters, digits and inner hyphens. */
  public static boolean isSlug(String value) {
    return value != null && value.length() >= 2 && value.length() <= 32 && SLUG.matcher(value).matches();
  }

  /** A partition key in this tenant: {@code <tenantId>#<part>}. */
  public String key(String part) {
    return id + "#" + part;
  }
}
