package org.tandem.http;

import org.tandem.auth.Principal;

/**
 * Checks, on every request, that the caller's key and tenant are still live. The authorizer's
 * answer is cached by API Gateway; this check is what makes revocation and suspension take
 * effect at once.
 */
public interface AccessGuard {
  /** Throws {@code Unauthorized} if the key was revoked or the tenant suspended. */
  void checkLive(Principal principal);
}
