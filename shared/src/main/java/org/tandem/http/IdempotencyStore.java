package org.tandem.http;

import java.util.Optional;
import org.tandem.auth.Principal;

/**
 * Remembers creating requests by their {@code Idempotency-Key}, so a retry returns the first
 * answer instead of creating again.
 */
public interface IdempotencyStore {
  /**
   * Claims the key for this request. Empty: go ahead, then {@link #complete} or {@link #release}.
   * Present: the stored answer of an earlier request with the same key and body. Throws
   * {@code Conflict} if the key came with another body, or its first request is still running.
   */
  Optional<ApiResponse> claim(Principal principal, String routeKey, String key, String bodyHash);

  /** Stores the answer to replay. */
  void complete(Principal principal, String routeKey, String key, ApiResponse response);

  /** Forgets the claim, so a corrected request may use the key again. */
  void release(Principal principal, String routeKey, String key);
}
