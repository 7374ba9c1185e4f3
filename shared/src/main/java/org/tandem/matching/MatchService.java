package org.tandem.matching;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.tandem.auth.Principal;
import org.tandem.errors.ApiError;
import org.tandem.errors.Backoff;
import org.tandem.errors.Checks;
import org.tandem.errors.Conflict;
import org.tandem.errors.NotFound;
import org.tandem.errors.ValidationFailed;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.ids.Ids;
import org.tandem.participants.Mentee;
import org.tandem.participants.MenteeStatus;
import org.tandem.participants.Mentor;
import org.tandem.participants.MentorStatus;
import org.tandem.participants.ParticipantRepository;
import org.tandem.program.ProgramService;
import org.tandem.program.ProgramSettings;
import org.tandem.relationships.Checkpoint;
import org.tandem.relationships.EmploymentReport;
import org.tandem.relationships.FollowUp;
import org.tandem.relationships.Outcome;
import org.tandem.tenancy.TenantScope;

/**
 * The match lifecycle: a coordinator proposes, both parties accept, the match is active for the
 * program's term, then closed. Capacity and one-on-one exclusivity are enforced by the
 * repository's transactions; this service reads, decides, and retries when it lost a race.
 */
public final class MatchService {
  private static final int ATTEMPTS = 6;

  private final MatchRepository matches;
  private final ParticipantRepository<Mentee> mentees;
  private final ParticipantRepository<Mentor> mentors;
  private final ProgramService program;
  private final Ids ids;
  private final Clock clock;

  @Inject
  public MatchService(MatchRepository matches, ParticipantRepository<Mentee> mentees,
      ParticipantRepository<Mentor> mentors, ProgramService program, Ids ids, Clock clock) {
    this.matches = matches;
    this.mentees = mentees;
    this.mentors = mentors;
    this.program = program;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code POST /v1/matches}. */
  public record Propose(String menteeId, String mentorId, String format, String runId) {}

  /** {@code POST /v1/matches/{matchId}/decisions}. */
  public record Decide(String party, String decision) {}

  /**
   * {@code POST /v1/matches/{matchId}/closure}; {@code nextContacts} only for connector matches;
   * {@code employmentAtExit} when the mentee leaves the program with this closure.
   */
  public record Close(String reason, String notes, List<String> nextContacts, EmploymentReport employmentAtExit) {}

  /** {@code POST /v1/matches/{matchId}/withdrawal}. */
  public record Withdraw(String reason) {}

  public MatchView propose(Principal caller, Propose body) {
    TenantScope tenant = caller.scope();
    Checks checks = Checks.start();
    if (checks.required("menteeId", body.menteeId()) && !Ids.isValid(Mentee.ID_PREFIX, body.menteeId())) {
      checks.problem("menteeId", "is not a mentee id");
    }
    if (checks.required("mentorId", body.mentorId()) && !Ids.isValid(Mentor.ID_PREFIX, body.mentorId())) {
      checks.problem("mentorId", "is not a mentor id");
    }
    if (checks.required("format", body.format())) {
      checks.oneOf("format", body.format(), Match.FORMATS);
    }
    if (body.runId() != null && !Ids.isValid(MatchingRun.ID_PREFIX, body.runId())) {
      checks.problem("runId", "is not a matching run id");
    }
    checks.throwIfAny();
    ProgramSettings settings = program.get(tenant);
    if (!settings.formats().contains(body.format())) {
      throw ValidationFailed.of("format", "must be one of the program's formats: " + String.join(", ", settings.formats()));
    }
    Mentee mentee = mentees.find(tenant, body.menteeId())
        .orElseThrow(() -> new NotFound("mentee " + body.menteeId() + " not found"));
    Mentor mentor = mentors.find(tenant, body.mentorId())
        .orElseThrow(() -> new NotFound("mentor " + body.mentorId() + " not found"));
    boolean oneOnOne = body.format().equals("one_on_one") || body.format().equals("employer_hosted");
    requireMenteeFree(mentee, oneOnOne);
    requireMentorFree(mentor);
    if (mentee.excludedMentorIds().contains(mentor.id())) {
      throw new Conflict("mentor " + mentor.id() + " is on mentee " + mentee.id() + "'s exclusion list");
    }
    if (body.format().equals("employer_hosted") && !Boolean.TRUE.equals(mentor.corporatePartner())) {
      throw new Conflict("an employer-hosted match needs a mentor from a corporate partner");
    }
    if (body.format().equals("group") && mentor.capacity() < 2) {
      throw new Conflict("a group match needs a mentor with capacity for 2 or more mentees");
    }
    Optional<Scoring.Score> score = Scoring.score(settings, mentee, mentor);
    Match match = Match.proposed(ids.next(Match.ID_PREFIX), mentee.id(), mentor.id(), body.format(), body.runId(),
        score.map(Scoring.Score::total).orElse(null), score.map(Scoring.Score::breakdown).orElse(null),
        caller.keyId(), clock.instant());
    if (!matches.create(tenant, match)) {
      throw new Conflict("mentee " + mentee.id() + " and mentor " + mentor.id() + " already have an open match");
    }
    return view(match);
  }

  public MatchView get(TenantScope tenant, String matchId) {
    return view(find(tenant, matchId));
  }

  /** Newest first; by mentee or mentor when one is named, then only those of {@code status}. */
  public Page<Match> list(TenantScope tenant, Optional<String> status, Optional<String> mentorId,
      Optional<String> menteeId, PageRequest page) {
    MatchStatus wanted = null;
    if (status.isPresent()) {
      wanted = MatchStatus.fromWire(status.get());
      if (wanted == null) {
        throw ValidationFailed.of("status", "must be one of proposed, active, declined, withdrawn, closed");
      }
    }
    if (mentorId.isPresent() && !Ids.isValid(Mentor.ID_PREFIX, mentorId.get())) {
      throw ValidationFailed.of("mentorId", "is not a mentor id");
    }
    if (menteeId.isPresent() && !Ids.isValid(Mentee.ID_PREFIX, menteeId.get())) {
      throw ValidationFailed.of("menteeId", "is not a mentee id");
    }
    Page<Match> found;
    if (menteeId.isPresent()) {
      found = matches.listByMentee(tenant, menteeId.get(), page);
    } else if (mentorId.isPresent()) {
      found = matches.listByMentor(tenant, mentorId.get(), page);
    } else {
      return matches.list(tenant, wanted, page);
    }
    MatchStatus only = wanted;
    // A page filtered after the read may hold fewer items than the limit; its cursor still goes on.
    List<Match> kept = found.items().stream()
        .filter(m -> only == null || m.status() == only)
        .filter(m -> mentorId.isEmpty() || m.mentorId().equals(mentorId.get()))
        .toList();
    return new Page<>(kept, found.nextCursor());
  }

  public MatchView decide(Principal caller, String matchId, Decide body) {
    Checks checks = Checks.start();
    if (checks.required("party", body.party())) {
      checks.oneOf("party", body.party(), List.of("mentor", "mentee"));
    }
    if (checks.required("decision", body.decision())) {
      checks.oneOf("decision", body.decision(), List.of("accept", "decline"));
    }
    checks.throwIfAny();
    TenantScope tenant = caller.scope();
    for (int attempt = 1; ; attempt++) {
      Match current = find(tenant, matchId);
      Match.Decision earlier = body.party().equals("mentor") ? current.mentorDecision() : current.menteeDecision();
      if (earlier != null && earlier.decision().equals(body.decision())) {
        return view(current);
      }
      requireStatus(current, MatchStatus.PROPOSED, "decided on");
      if (earlier != null) {
        throw new Conflict("the " + body.party() + " has already answered " + earlier.decision());
      }
      Instant now = clock.instant();
      Match decided = current.withDecision(body.party(), new Match.Decision(body.decision(), now, caller.keyId()));
      if (body.decision().equals("decline")) {
        Match declined = decided.ended(MatchStatus.DECLINED,
            new Match.Ending("declined_by_" + body.party(), null, now, caller.keyId()), null).saved(now);
        if (matches.update(tenant, current, declined)) {
          return view(declined);
        }
      } else if (!decided.bothAccepted()) {
        Match saved = decided.saved(now);
        if (matches.update(tenant, current, saved)) {
          return view(saved);
        }
      } else {
        Optional<MatchView> activated = activate(tenant, current, decided, now);
        if (activated.isPresent()) {
          return activated.get();
        }
      }
      if (attempt >= ATTEMPTS) {
        throw new Conflict("match " + matchId + " keeps changing; try again");
      }
      Backoff.pause(attempt);
    }
  }

  /** Activates if the mentee and mentor are still free; empty when a race was lost and it is worth another try. */
  private Optional<MatchView> activate(TenantScope tenant, Match current, Match decided, Instant now) {
    Mentee mentee = mentees.find(tenant, current.menteeId())
        .orElseThrow(() -> new Conflict("mentee " + current.menteeId() + " no longer exists"));
    requireMenteeFree(mentee, current.isOneOnOne());
    ProgramSettings settings = program.get(tenant);
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Match active = decided.activated(today, settings.matchTermWeeks(), settings.expectedMinutesPerWeek(),
        settings.checkinIntervalDays()).saved(now);
    Mentee matched = mentee.matchStarted(current.id(), current.isOneOnOne(), now);
    FollowUp firstCheckin = FollowUp.checkin(active.id(), active.menteeId(), active.mentorId(),
        today.plusDays(active.checkinIntervalDays()), now);
    switch (matches.activate(tenant, current, active, mentee, matched, firstCheckin)) {
      case DONE -> {
        if (current.isOneOnOne()) {
          withdrawOtherProposals(tenant, mentee.id(), current.id(), now);
        }
        return Optional.of(view(active));
      }
      case MENTOR_UNAVAILABLE -> {
        Mentor mentor = mentors.find(tenant, current.mentorId())
            .orElseThrow(() -> new Conflict("mentor " + current.mentorId() + " no longer exists"));
        requireMentorFree(mentor);
        return Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /**
   * When a mentee's one-on-one starts, its other proposals are withdrawn, saying why. A proposal
   * that changed meanwhile (a party answered it) is read again and withdrawn all the same, rather
   * than left proposed where it can never start.
   */
  private void withdrawOtherProposals(TenantScope tenant, String menteeId, String activeMatchId, Instant now) {
    for (Match listed : matches.allOfMentee(tenant, menteeId)) {
      Match other = listed;
      for (int attempt = 1; other != null && other.status() == MatchStatus.PROPOSED
          && !other.id().equals(activeMatchId) && attempt <= ATTEMPTS; attempt++) {
        Match withdrawn = other.ended(MatchStatus.WITHDRAWN, new Match.Ending("mentee_matched",
            "the mentee's one-on-one match " + activeMatchId + " became active", now, "system"), null).saved(now);
        if (matches.update(tenant, other, withdrawn)) {
          break;
        }
        other = matches.find(tenant, other.id()).orElse(null);
      }
    }
  }


  public MatchView close(Principal caller, String matchId, Close body) {
    Checks checks = Checks.start();
    if (checks.required("reason", body.reason())) {
      checks.oneOf("reason", body.reason(), Match.CLOSURE_REASONS);
    }
    checks.optionalText("notes", body.notes(), 4000);
    if (body.nextContacts() != null) {
      checks.size("nextContacts", body.nextContacts(), 0, 3);
      if (body.nextContacts().stream().anyMatch(c -> c == null || c.isBlank() || c.length() > 200)) {
        checks.problem("nextContacts", "must be names of at most 200 characters");
      }
    }
    if (body.employmentAtExit() != null) {
      Checks employment = Checks.under("employmentAtExit");
      body.employmentAtExit().check(employment);
      checks.addAll(employment);
    }
    checks.throwIfAny();
    ProgramSettings settings = program.get(caller.scope());
    TenantScope tenant = caller.scope();
    for (int attempt = 1; ; attempt++) {
      Match current = find(tenant, matchId);
      requireStatus(current, MatchStatus.ACTIVE, "closed");
      if (body.nextContacts() != null && !body.nextContacts().isEmpty() && !current.format().equals("connector")) {
        throw ValidationFailed.of("nextContacts", "only a connector match names people to meet next");
      }
      Instant now = clock.instant();
      Mentee mentee = mentees.find(tenant, current.menteeId())
          .orElseThrow(() -> new Conflict("mentee " + current.menteeId() + " no longer exists"));
      Match closed = current.ended(MatchStatus.CLOSED,
          new Match.Ending(body.reason(), body.notes(), now, caller.keyId()), body.nextContacts()).saved(now);
      Mentee after = mentee.matchEnded(current.id(), body.reason(), now);
      MatchRepository.Outcome outcome = matches.close(tenant, current, closed, mentee, after,
          closure(caller, closed, mentee, after, body.employmentAtExit(), settings, now));
      if (outcome == MatchRepository.Outcome.DONE) {
        return view(closed);
      }
      if (outcome == MatchRepository.Outcome.MENTOR_UNAVAILABLE) {
        // Only a seat count already at zero refuses to be given back: a broken invariant, not a race.
        throw new IllegalStateException("mentor " + current.mentorId() + " holds no seat for active match " + matchId);
      }
      if (attempt >= ATTEMPTS) {
        throw new Conflict("match " + matchId + " keeps changing; try again");
      }
      Backoff.pause(attempt);
    }
  }

  /**
   * What a closure writes besides the match. A mentee who leaves the program with it (completed
   * or withdrawn) is followed up at exit and at the program's follow-up months; the exit is
   * recorded at once when the coordinator gave the employment status.
   */
  private MatchRepository.Closure closure(Principal caller, Match closed, Mentee before, Mentee after,
      EmploymentReport employment, ProgramSettings settings, Instant now) {
    boolean leaves = before.status() == MenteeStatus.MATCHED
        && (after.status() == MenteeStatus.COMPLETED || after.status() == MenteeStatus.WITHDRAWN);
    if (!leaves) {
      if (employment != null) {
        throw ValidationFailed.of("employmentAtExit", "is recorded when the mentee leaves the program; mentee "
            + after.id() + " stays " + after.status().wireName());
      }
      return new MatchRepository.Closure(List.of(), null);
    }
    LocalDate exit = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Outcome exitOutcome = employment == null ? null
        : employment.toOutcome(ids.next(Outcome.ID_PREFIX), "employmentAtExit.", before, closed, Checkpoint.EXIT,
            exit, exit, caller.keyId(), now);
    List<FollowUp> followUps = Checkpoint.of(settings.outcomeFollowupMonths()).stream()
        .filter(checkpoint -> exitOutcome == null || !checkpoint.equals(Checkpoint.EXIT))
        .map(checkpoint -> FollowUp.outcome(closed.id(), closed.menteeId(), closed.mentorId(), checkpoint,
            checkpoint.dueOn(exit), now))
        .toList();
    return new MatchRepository.Closure(followUps, exitOutcome);
  }

  public MatchView withdraw(Principal caller, String matchId, Withdraw body) {
    Checks checks = Checks.start();
    checks.optionalText("reason", body.reason(), 500);
    checks.throwIfAny();
    TenantScope tenant = caller.scope();
    for (int attempt = 1; ; attempt++) {
      Match current = find(tenant, matchId);
      requireStatus(current, MatchStatus.PROPOSED, "withdrawn");
      Instant now = clock.instant();
      Match withdrawn = current.ended(MatchStatus.WITHDRAWN, new Match.Ending(
          "withdrawn_by_coordinator", body.reason(), now, caller.keyId()), null).saved(now);
      if (matches.update(tenant, current, withdrawn)) {
        return view(withdrawn);
      }
      if (attempt >= ATTEMPTS) {
        throw new Conflict("match " + matchId + " keeps changing; try again");
      }
      Backoff.pause(attempt);
    }
  }

  private Match find(TenantScope tenant, String matchId) {
    if (!Ids.isValid(Match.ID_PREFIX, matchId)) {
      throw ValidationFailed.of("matchId", "is not a match id");
    }
    return matches.find(tenant, matchId).orElseThrow(() -> new NotFound("match " + matchId + " not found"));
  }

  private MatchView view(Match match) {
    return MatchView.of(match, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  private static void requireStatus(Match match, MatchStatus wanted, String verb) {
    if (match.status() != wanted) {
      throw new Conflict("match " + match.id() + " is " + match.status().wireName() + "; only "
          + (wanted == MatchStatus.ACTIVE ? "an " : "a ") + wanted.wireName() + " match can be " + verb,
          List.of(new ApiError.Problem("status", "is " + match.status().wireName())));
    }
  }

  private static void requireMenteeFree(Mentee mentee, boolean oneOnOne) {
    if (mentee.status() != MenteeStatus.READY && mentee.status() != MenteeStatus.MATCHED) {
      throw new Conflict("mentee " + mentee.id() + " is " + mentee.status().wireName()
          + "; only a ready mentee can be matched",
          List.of(new ApiError.Problem("menteeId", "is " + mentee.status().wireName())));
    }
    if (oneOnOne && mentee.activeOneOnOneMatchId() != null) {
      throw new Conflict("mentee " + mentee.id() + " is already in active one-on-one match "
          + mentee.activeOneOnOneMatchId());
    }
  }

  private static void requireMentorFree(Mentor mentor) {
    if (mentor.status() != MentorStatus.READY) {
      throw new Conflict("mentor " + mentor.id() + " is " + mentor.status().wireName()
          + "; only a ready mentor can be matched",
          List.of(new ApiError.Problem("mentorId", "is " + mentor.status().wireName())));
    }
    if (mentor.activeMentees() >= mentor.capacity()) {
      throw new Conflict("mentor " + mentor.id() + " has no free capacity (" + mentor.activeMentees() + " of "
          + mentor.capacity() + ")");
    }
  }
}
