package org.tandem.participants;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.tandem.errors.Conflict;
import org.tandem.errors.NotFound;
import org.tandem.errors.ValidationFailed;
import org.tandem.ids.Ids;
import org.tandem.tenancy.TenantScope;

/**
 * A person's rights over their data (PIPEDA): everything held about them, and erasure that
 * keeps the anonymised counts.
 */
public final class PrivacyService {
  private static final int ATTEMPTS = 3;

  private final ParticipantRepository<Mentee> mentees;
  private final ParticipantRepository<Mentor> mentors;
  private final ReferralRepository referrals;
  private final PersonalRecords records;
  private final Clock clock;

  @Inject
  public PrivacyService(ParticipantRepository<Mentee> mentees, ParticipantRepository<Mentor> mentors,
      ReferralRepository referrals, PersonalRecords records, Clock clock) {
    this.mentees = mentees;
    this.mentors = mentors;
    this.referrals = referrals;
    this.records = records;
    this.clock = clock;
  }

  /** Everything held about one person: their record, their referral, and their part in the program's records. */
  public record Export(String participantId, String type, Instant exportedAt, Mentee mentee, Mentor mentor,
      Referral referral, org.tandem.relationships.RelationshipRecords.Held relationships) {}

  public Export export(TenantScope tenant, String participantId) {
    Instant now = clock.instant();
    if (Ids.isValid(Mentee.ID_PREFIX, participantId)) {
      Mentee mentee = mentees.find(tenant, participantId).orElseThrow(() -> notFound(participantId));
      Referral referral = mentee.referralId() == null ? null : referrals.find(tenant, mentee.referralId()).orElse(null);
      return new Export(participantId, "mentee", now, mentee, null, referral, records.export(tenant, participantId));
    }
    if (Ids.isValid(Mentor.ID_PREFIX, participantId)) {
      Mentor mentor = mentors.find(tenant, participantId).orElseThrow(() -> notFound(participantId));
      return new Export(participantId, "mentor", now, null, mentor, null, records.export(tenant, participantId));
    }
    throw invalid();
  }

  /** Erases the person's personal data; erasing twice changes nothing. */
  public void erase(TenantScope tenant, String participantId) {
    if (Ids.isValid(Mentee.ID_PREFIX, participantId)) {
      Mentee mentee = eraseOne(mentees, tenant, participantId, Mentee::erased);
      records.erase(tenant, participantId, clock.instant());
      if (mentee.referralId() != null) {
        referrals.find(tenant, mentee.referralId())
            .filter(referral -> referral.erasedAt() == null)
            .ifPresent(referral -> referrals.update(tenant, referral, referral.erased(clock.instant())));
      }
      return;
    }
    if (Ids.isValid(Mentor.ID_PREFIX, participantId)) {
      eraseOne(mentors, tenant, participantId, Mentor::erased);
      records.erase(tenant, participantId, clock.instant());
      return;
    }
    throw invalid();
  }

  private <T extends Participant> T eraseOne(ParticipantRepository<T> repository, TenantScope tenant, String id,
      java.util.function.BiFunction<T, Instant, T> erase) {
    for (int attempt = 1; ; attempt++) {
      T current = repository.find(tenant, id).orElseThrow(() -> notFound(id));
      if (current.erasedAt() != null) {
        return current;
      }
      T erased = erase.apply(current, clock.instant());
      if (repository.update(tenant, current, erased)) {
        return erased;
      }
      if (attempt >= ATTEMPTS) {
        throw new Conflict("participant " + id + " keeps changing; try again");
      }
    }
  }

  private static NotFound notFound(String id) {
    return new NotFound("participant " + id + " not found");
  }

  private static ValidationFailed invalid() {
    return ValidationFailed.of("participantId", "is not a mentee or mentor id");
  }
}
