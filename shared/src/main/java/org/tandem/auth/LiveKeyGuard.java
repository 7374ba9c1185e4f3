package org.tandem.auth;

import jakarta.inject.Inject;
import org.tandem.errors.Unauthorized;
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
    boolean live = credentials.find(principal.scope().id(), principal.keyId())
        .filter(CredentialLookup.Credential::isLive)
        .isPresent();
    if (!live) {
      throw new Unauthorized("the key was revoked or its program suspended");
    }
  }
}
