package org.tandem.tenancy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A program operator on the platform: CRIEC, ERIEC, OCISO, a PIN such as AREC. */
public record Tenant(
    String id,
    String name,
    List<String> languages,
    Isolation isolation,
    TenantStatus status,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public Tenant {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(isolation, "isolation == null");
    Objects.requireNonNull(status, "status == null");
    languages = List.copyOf(languages);
  }

  public static Tenant onboarded(String id, String name, List<String> languages, Isolation isolation,
      TenantStatus status, Instant now) {
    return new Tenant(id, name, languages, isolation, status, now, now, 1);
  }

  public TenantScope scope() {
    return new TenantScope(id, isolation);
  }

  public Tenant changed(String name, List<String> languages, TenantStatus status, Instant now) {
    return new Tenant(id, name, languages, isolation, status, createdAt, now, version + 1);
  }
}
