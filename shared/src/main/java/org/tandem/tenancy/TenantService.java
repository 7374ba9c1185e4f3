package org.tandem.tenancy;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tandem.auth.ApiKeys;
import org.tandem.auth.Role;
import org.tandem.errors.Checks;
import org.tandem.errors.Conflict;
import org.tandem.errors.NotFound;
import org.tandem.errors.PreconditionFailed;
import org.tandem.errors.ValidationFailed;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.ids.Ids;

/** Onboarding, listing and suspending tenants: the operator's work. */
public final class TenantService {
  static final Set<String> LANGUAGES = Set.of("en", "fr");
  /** How long onboarding waits for a silo table: API Gateway gives a request 30 seconds. */
  static final Duration SILO_WAIT = Duration.ofSeconds(20);

  private final TenantRepository tenants;
  private final TenantTables tables;
  private final Ids ids;
  private final Clock clock;

  @Inject
  public TenantService(TenantRepository tenants, TenantTables tables, Ids ids, Clock clock) {
    this.tenants = tenants;
    this.tables = tables;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code POST /v1/tenants}. */
  public record Onboard(String id, String name, List<String> languages, String isolation) {}

  /** {@code PATCH /v1/tenants/{tenantId}}: any of the fields. */
  public record Change(String name, List<String> languages, String status) {}

  /** A new tenant and its first admin key, shown this once. */
  public record Onboarded(Tenant tenant, ApiKey.Issued adminKey) {}

  public Onboarded onboard(Onboard command) {
    Checks checks = Checks.start();
    if (checks.required("id", command.id()) && !TenantScope.isSlug(command.id())) {
      checks.problem("id", "must be 2 to 32 lower-case letters, digits or inner hyphens");
    }
    checks.text("name", command.name(), 200);
    List<String> languages = command.languages() == null ? List.of("en") : command.languages();
    languages(checks, languages);
    Isolation isolation = command.isolation() == null ? Isolation.POOL : Isolation.fromWire(command.isolation());
    if (isolation == null) {
      checks.problem("isolation", "must be one of pool, silo");
    }
    checks.throwIfAny();
    if (tenants.find(command.id()).isPresent()) {
      throw new Conflict("tenant " + command.id() + " exists already");
    }
    TenantStatus status = TenantStatus.ACTIVE;
    if (isolation == Isolation.SILO && !tables.createSilo(command.id(), SILO_WAIT)) {
      status = TenantStatus.PROVISIONING;
    }
    Tenant tenant = Tenant.onboarded(command.id(), command.name().trim(), languages, isolation, status,
        clock.instant());
    String keyId = ids.next(ApiKeys.KEY_ID_PREFIX);
    String key = ApiKeys.newKey(tenant.id(), keyId);
    ApiKey stored = ApiKey.issued(keyId, Role.ADMIN, "first admin key", ApiKeys.hash(key), "operator", clock.instant());
    if (!tenants.create(tenant, stored)) {
      throw new Conflict("tenant " + command.id() + " exists already");
    }
    return new Onboarded(tenant, ApiKey.Issued.of(stored, key));
  }

  /** The tenant; a silo tenant still provisioning is finished here once its table is ready. */
  public Tenant get(String tenantId) {
    Tenant tenant = find(tenantId).orElseThrow(() -> new NotFound("tenant " + tenantId + " not found"));
    if (tenant.status() == TenantStatus.PROVISIONING && tables.finishSilo(tenantId)) {
      Tenant ready = tenant.changed(tenant.name(), tenant.languages(), TenantStatus.ACTIVE, clock.instant());
      return tenants.update(ready, tenant.version()) ? ready : get(tenantId);
    }
    return tenant;
  }

  public Page<Tenant> list(PageRequest page) {
    return tenants.list(page);
  }

  public Tenant change(String tenantId, Change change, Optional<Long> ifMatch) {
    Checks checks = Checks.start();
    checks.optionalText("name", change.name(), 200);
    if (change.languages() != null) {
      languages(checks, change.languages());
    }
    TenantStatus status = change.status() == null ? null : TenantStatus.fromWire(change.status());
    if (change.status() != null && (status == null || status == TenantStatus.PROVISIONING)) {
      checks.problem("status", "must be one of active, suspended");
    }
    if (change.name() == null && change.languages() == null && change.status() == null) {
      checks.problem("body", "must change at least one field");
    }
    checks.throwIfAny();
    for (int attempt = 0; ; attempt++) {
      Tenant current = get(tenantId);
      if (current.status() == TenantStatus.PROVISIONING && status == TenantStatus.ACTIVE) {
        throw new Conflict("tenant " + tenantId + " is provisioning: its table is still being created");
      }
      if (ifMatch.isPresent() && ifMatch.get() != current.version()) {
        throw new PreconditionFailed("tenant " + tenantId + " is at version " + current.version()
            + ", not " + ifMatch.get());
      }
      Tenant next = current.changed(
          change.name() == null ? current.name() : change.name().trim(),
          change.languages() == null ? current.languages() : change.languages(),
          status == null ? current.status() : status,
          clock.instant());
      if (tenants.update(next, current.version())) {
        return next;
      }
      if (ifMatch.isPresent()) {
        throw new PreconditionFailed("tenant " + tenantId + " changed meanwhile; read it again");
      }
      if (attempt >= 3) {
        throw new Conflict("tenant " + tenantId + " keeps changing; try again");
      }
    }
  }

  private Optional<Tenant> find(String tenantId) {
    if (!TenantScope.isSlug(tenantId)) {
      throw ValidationFailed.of("tenantId", "must be 2 to 32 lower-case letters, digits or inner hyphens");
    }
    return tenants.find(tenantId);
  }

  private static void languages(Checks checks, List<String> languages) {
    if (languages.isEmpty() || languages.size() > 2 || !LANGUAGES.containsAll(languages)
        || Set.copyOf(languages).size() != languages.size()) {
      checks.problem("languages", "must be en, fr or both, each once");
    }
  }
}
