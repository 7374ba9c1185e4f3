package org.tandem.tenancy;

import jakarta.inject.Inject;
import java.time.Clock;
import org.tandem.auth.ApiKeys;
import org.tandem.auth.Principal;
import org.tandem.auth.Role;
import org.tandem.errors.Checks;
import org.tandem.errors.Conflict;
import org.tandem.errors.NotFound;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.ids.Ids;

/** A program's keys: made by its admins, shown once, revocable. */
public final class KeyService {
  private final KeyRepository keys;
  private final Ids ids;
  private final Clock clock;

  @Inject
  public KeyService(KeyRepository keys, Ids ids, Clock clock) {
    this.keys = keys;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code POST /v1/keys}. */
  public record Create(String role, String label) {}

  public ApiKey.Issued create(Principal caller, Create command) {
    Checks checks = Checks.start();
    Role role = Role.fromWire(command.role());
    if (checks.required("role", command.role()) && (role == null || role == Role.OPERATOR)) {
      checks.problem("role", "must be one of admin, coordinator, partner");
    }
    checks.text("label", command.label(), 120);
    checks.throwIfAny();
    String keyId = ids.next(ApiKeys.KEY_ID_PREFIX);
    String key = ApiKeys.newKey(caller.scope().id(), keyId);
    ApiKey stored = ApiKey.issued(keyId, role, command.label().trim(), ApiKeys.hash(key), caller.keyId(),
        clock.instant());
    keys.create(caller.scope(), stored);
    return ApiKey.Issued.of(stored, key);
  }

  public Page<ApiKey.View> list(TenantScope tenant, PageRequest page) {
    Page<ApiKey> stored = keys.list(tenant, page);
    return new Page<>(stored.items().stream().map(ApiKey::view).toList(), stored.nextCursor());
  }

  public ApiKey.View get(TenantScope tenant, String keyId) {
    return find(tenant, keyId).view();
  }

  /**
   * Revokes a key; it gets 401 from then on. Revoking a revoked key changes nothing. The last
   * working admin key cannot be revoked, or no one could manage the program any more.
   */
  public void revoke(TenantScope tenant, String keyId) {
    ApiKey key = find(tenant, keyId);
    if (!key.isActive()) {
      return;
    }
    if (key.role() == Role.ADMIN
        && keys.active(tenant).stream().filter(k -> k.role() == Role.ADMIN).count() <= 1) {
      throw new Conflict("this is the program's last admin key; make another admin key first");
    }
    if (!keys.update(tenant, key.revoked(clock.instant()), key.version())) {
      throw new Conflict("key " + keyId + " changed meanwhile; try again");
    }
  }

  private ApiKey find(TenantScope tenant, String keyId) {
    if (!Ids.isValid(ApiKeys.KEY_ID_PREFIX, keyId)) {
      throw org.tandem.errors.ValidationFailed.of("keyId", "is not a key id");
    }
    return keys.find(tenant, keyId).orElseThrow(() -> new NotFound("key " + keyId + " not found"));
  }
}
