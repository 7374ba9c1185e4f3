package org.tandem.auth;

import java.util.Optional;
import org.tandem.tenancy.ApiKey;
import org.tandem.tenancy.Tenant;
import org.tandem.tenancy.TenantStatus;

/** Reads a key and its tenant together, in one round trip. */
public interface CredentialLookup {
  /** Both records, or empty if either is missing. */
  Optional<Credential> find(String tenantId, String keyId);

  /** A key with the tenant it belongs to. */
  record Credential(Tenant tenant, ApiKey key) {
    /** Whether the key speaks for its tenant: not revoked, tenant not suspended. */
    public boolean isValid() {
      return key.isActive() && tenant.status() != TenantStatus.SUSPENDED;
    }
  }
}
