package org.tandem.auth;

import jakarta.inject.Inject;
import org.tandem.errors.Unauthorized;
import org.tandem.errors.Unavailable;
import org.tandem.tenancy.TenantStatus;
import org.tandem.http.AccessGuard;

/** Re-reads the caller's key and tenant on each request, so revocation and suspension bite at once. */
public final class LiveKeyGuard implements AccessGuard {
  private final CredentialLookup credentials;

  @Inject
  public LiveKeyGuard(CredentialLookup credentials) {
    this.credentials = credentials;
  }

  @Override
  public void checkLive(Principal principal) {
    CredentialLookup.Credential credential = credentials.find(principal.scope().id(), principal.keyId())
        .filter(CredentialLookup.Credential::isValid)
        .orElseThrow(() -> new Unauthorized("the key was revoked or its program suspended"));
    if (credential.tenant().status() == TenantStatus.PROVISIONING) {
      throw new Unavailable("the program's tables are still being created; try again in a minute");
    }
  }
}
