package org.tandem.participants;

import java.time.Instant;
import java.util.Objects;

/** A partner agency's referral of a newcomer to the program. */
public record Referral(
    String id,
    String menteeId,
    ReferredBy referredBy,
    String note,
    Instant erasedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String ID_PREFIX = "ref";

  public Referral {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(menteeId, "menteeId == null");
    Objects.requireNonNull(referredBy, "referredBy == null");
  }

  /** Who referred: the key used, its label (usually the agency's name) and role. */
  public record ReferredBy(String keyId, String label, String role) {}

  public static Referral made(String id, String menteeId, ReferredBy by, String note, Instant now) {
    return new Referral(id, menteeId, by, note, null, now, now, 1);
  }

  public Referral erased(Instant now) {
    return new Referral(id, menteeId, referredBy, null, now, createdAt, now, version + 1);
  }
}
