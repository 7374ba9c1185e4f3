package org.tandem.auth;

import jakarta.inject.Inject;
import java.util.Optional;

/** Decides who a presented key speaks for: the operator, an unrevoked tenant key, or no one. */
public final class Authenticator {
  private final OperatorKey operatorKey;
  private final CredentialLookup credentials;

  @Inject
  public Authenticator(OperatorKey operatorKey, CredentialLookup credentials) {
    this.operatorKey = operatorKey;
    this.credentials = credentials;
  }

  /** The principal for an {@code Authorization} header's value, or empty. */
  public Optional<Principal> authenticate(String authorizationHeader) {
    Optional<String> token = ApiKeys.bearer(authorizationHeader);
    if (token.isEmpty()) {
      return Optional.empty();
    }
    Optional<ApiKeys.Parsed> parsed = ApiKeys.parse(token.get());
    if (parsed.isEmpty()) {
      return operatorKey.matches(token.get()) ? Optional.of(Principal.operator()) : Optional.empty();
    }
    String hash = ApiKeys.hash(token.get());
    return credentials.find(parsed.get().tenantId(), parsed.get().keyId())
        .filter(credential -> ApiKeys.sameHash(credential.key().hash(), hash))
        // Only revocation, which is final, is decided here. API Gateway caches this answer, so a
        // suspension decided here would outlive reactivation; the functions' LiveKeyGuard checks
        // the tenant's status on every request instead.
        .filter(credential -> credential.key().isActive())
        .map(credential -> new Principal(credential.tenant().scope(), credential.key().role(), credential.key().keyId()));
  }
}
