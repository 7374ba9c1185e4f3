package org.tandem.participants;

import java.time.Instant;
import java.util.List;
import org.tandem.program.Eligibility;

/**
 * A referral as its agency and the program see it: who referred, and where the mentee stands
 * now, with the reasons when the mentee was not accepted.
 */
public record ReferralView(
    String id,
    String menteeId,
    MenteeStatus menteeStatus,
    List<Eligibility.Reason> reasons,
    Referral.ReferredBy referredBy,
    String note,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  static ReferralView of(Referral referral, Mentee mentee) {
    MenteeStatus status = mentee == null ? null : mentee.status();
    List<Eligibility.Reason> reasons = status == MenteeStatus.INELIGIBLE && mentee.screening() != null
        ? mentee.screening().reasons()
        : List.of();
    return new ReferralView(referral.id(), referral.menteeId(), status, reasons, referral.referredBy(),
        referral.note(), referral.createdAt(), referral.updatedAt(), referral.version());
  }
}
