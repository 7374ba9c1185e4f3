package org.tandem.participants;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tandem.auth.Principal;
import org.tandem.auth.Role;
import org.tandem.errors.Checks;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.ids.Ids;
import org.tandem.tenancy.ApiKey;
import org.tandem.tenancy.KeyRepository;

/** Partner agencies refer newcomers; the program and each agency follow what became of them. */
public final class ReferralService {
  private final ReferralRepository referrals;
  private final ParticipantRepository<Mentee> mentees;
  private final KeyRepository keys;
  private final Ids ids;
  private final Clock clock;

  @Inject
  public ReferralService(ReferralRepository referrals, ParticipantRepository<Mentee> mentees, KeyRepository keys,
      Ids ids, Clock clock) {
    this.referrals = referrals;
    this.mentees = mentees;
    this.keys = keys;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code POST /v1/referrals}. */
  public record Refer(MenteeIntake mentee, String note) {}

  public ReferralView refer(Principal caller, Refer body) {
    Checks checks = Checks.start();
    if (checks.required("mentee", body.mentee())) {
      checks.addAll(body.mentee().check("mentee"));
    }
    checks.optionalText("note", body.note(), 4000);
    checks.throwIfAny();
    String label = keys.find(caller.scope(), caller.keyId()).map(ApiKey::label).orElse(null);
    Instant now = clock.instant();
    String referralId = ids.next(Referral.ID_PREFIX);
    Mentee mentee = Mentee.intake(ids.next(Mentee.ID_PREFIX), MenteeStatus.REFERRED, body.mentee(), referralId, now);
    Referral referral = Referral.made(referralId, mentee.id(),
        new Referral.ReferredBy(caller.keyId(), label, caller.role().wireName()), body.note(), now);
    referrals.create(caller.scope(), referral, mentee);
    return ReferralView.of(referral, mentee);
  }

  /** A partner sees the referrals made with its key; admins and coordinators see all. */
  public Page<ReferralView> list(Principal caller, PageRequest page) {
    Page<Referral> stored = caller.role() == Role.PARTNER
        ? referrals.listByKey(caller.scope(), caller.keyId(), page)
        : referrals.list(caller.scope(), page);
    Map<String, Mentee> byId = mentees.findAll(caller.scope(),
            stored.items().stream().map(Referral::menteeId).toList()).stream()
        .collect(Collectors.toMap(Mentee::id, Function.identity()));
    List<ReferralView> views = stored.items().stream()
        .map(referral -> ReferralView.of(referral, byId.get(referral.menteeId())))
        .toList();
    return new Page<>(views, stored.nextCursor());
  }
}
