package org.tandem.relationships;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Optional;
import org.tandem.auth.Principal;
import org.tandem.errors.Backoff;
import org.tandem.errors.Checks;
import org.tandem.errors.Conflict;
import org.tandem.errors.NotFound;
import org.tandem.errors.PreconditionFailed;
import org.tandem.errors.ValidationFailed;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.ids.Ids;
import org.tandem.matching.Match;
import org.tandem.matching.MatchRepository;
import org.tandem.matching.MatchStatus;
import org.tandem.participants.Mentee;
import org.tandem.participants.ParticipantRepository;
import org.tandem.program.ProgramService;
import org.tandem.program.ProgramSettings;
import org.tandem.tenancy.TenantScope;

/**
 * Employment outcomes after a mentee leaves the program: at exit and at the program's follow-up
 * months. Answering a checkpoint again corrects it; the counters move from the old answer to
 * the new one.
 */
public final class OutcomeService {
  private static final int ATTEMPTS = 6;
  /** A checkpoint may be answered this many days before it falls (a call made a little early). */
  static final int EARLY_DAYS = 30;

  private final OutcomeRepository outcomes;
  private final MatchRepository matches;
  private final ParticipantRepository<Mentee> mentees;
  private final ProgramService program;
  private final Ids ids;
  private final Clock clock;

  @Inject
  public OutcomeService(OutcomeRepository outcomes, MatchRepository matches, ParticipantRepository<Mentee> mentees,
      ProgramService program, Ids ids, Clock clock) {
    this.outcomes = outcomes;
    this.matches = matches;
    this.mentees = mentees;
    this.program = program;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code POST /v1/mentees/{menteeId}/outcomes}: {@code matchId} defaults to the mentee's latest closed match. */
  public record NewOutcome(String checkpoint, String matchId, String status, String employer, String jobTitle,
      String nocCode, LocalDate dateEmployed, String notes) {
    EmploymentReport report() {
      return new EmploymentReport(status, employer, jobTitle, nocCode, dateEmployed, notes);
    }
  }

  /** An outcome written, and whether it is new (201) or corrected an earlier answer (200). */
  public record Recorded(Outcome outcome, boolean created) {}

  public Recorded record(Principal caller, String menteeId, NewOutcome body, Optional<Long> ifMatch) {
    Checks checks = Checks.start();
    Optional<Checkpoint> checkpoint = Optional.empty();
    if (checks.required("checkpoint", body.checkpoint())) {
      checkpoint = Checkpoint.fromWire(body.checkpoint());
      if (checkpoint.isEmpty()) {
        checks.problem("checkpoint", "must be exit or a number of months such as 3_months");
      }
    }
    if (body.matchId() != null && !Ids.isValid(Match.ID_PREFIX, body.matchId())) {
      checks.problem("matchId", "is not a match id");
    }
    body.report().check(checks);
    checks.throwIfAny();
    TenantScope tenant = caller.scope();
    Mentee mentee = findMentee(tenant, menteeId);
    ProgramSettings settings = program.get(tenant);
    Checkpoint at = checkpoint.orElseThrow();
    if (!at.equals(Checkpoint.EXIT) && !settings.outcomeFollowupMonths().contains(at.months())) {
      throw ValidationFailed.of("checkpoint", "must be exit or one of the program's follow-up points: "
          + String.join(", ", Checkpoint.of(settings.outcomeFollowupMonths()).stream()
              .map(Checkpoint::wireName).toList()));
    }
    Match match = body.matchId() == null ? latestClosed(tenant, mentee) : matchOf(tenant, mentee, body.matchId());
    if (match.status() != MatchStatus.CLOSED) {
      throw new Conflict("match " + match.id() + " is " + match.status().wireName()
          + "; outcomes are recorded once a match is closed");
    }
    LocalDate exit = LocalDate.ofInstant(match.ending().at(), ZoneOffset.UTC);
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    if (at.dueOn(exit).isAfter(today.plusDays(EARLY_DAYS))) {
      throw new Conflict("checkpoint " + at.wireName() + " of match " + match.id() + " falls on " + at.dueOn(exit)
          + "; it can be recorded from " + at.dueOn(exit).minusDays(EARLY_DAYS));
    }
    for (int attempt = 1; ; attempt++) {
      Optional<Outcome> previous = outcomes.find(tenant, mentee.id(), match.id(), at);
      if (ifMatch.isPresent() && previous.map(Outcome::version).orElse(0L).longValue() != ifMatch.get()) {
        throw new PreconditionFailed("the outcome at " + at.wireName() + " is at version "
            + previous.map(Outcome::version).orElse(0L));
      }
      Outcome made = body.report().toOutcome(ids.next(Outcome.ID_PREFIX), "", mentee, match, at, exit, today,
          caller.keyId(), clock.instant());
      Outcome next = previous.map(p -> p.replacedBy(made, made.createdAt())).orElse(made);
      if (outcomes.record(tenant, previous.orElse(null), next)) {
        return new Recorded(next, previous.isEmpty());
      }
      if (ifMatch.isPresent()) {
        throw new PreconditionFailed("the outcome at " + at.wireName() + " changed meanwhile");
      }
      if (attempt >= ATTEMPTS) {
        throw new Conflict("the outcomes of mentee " + menteeId + " keep changing; try again");
      }
      Backoff.pause(attempt);
    }
  }

  public Page<Outcome> list(TenantScope tenant, String menteeId, PageRequest page) {
    return outcomes.list(tenant, findMentee(tenant, menteeId).id(), page);
  }

  private Mentee findMentee(TenantScope tenant, String menteeId) {
    if (!Ids.isValid(Mentee.ID_PREFIX, menteeId)) {
      throw ValidationFailed.of("menteeId", "is not a mentee id");
    }
    return mentees.find(tenant, menteeId).orElseThrow(() -> new NotFound("mentee " + menteeId + " not found"));
  }

  private Match matchOf(TenantScope tenant, Mentee mentee, String matchId) {
    return matches.find(tenant, matchId)
        .filter(m -> m.menteeId().equals(mentee.id()))
        .orElseThrow(() -> new NotFound("match " + matchId + " of mentee " + mentee.id() + " not found"));
  }

  private Match latestClosed(TenantScope tenant, Mentee mentee) {
    return matches.allOfMentee(tenant, mentee.id()).stream()
        .filter(m -> m.status() == MatchStatus.CLOSED && m.ending() != null)
        .max(Comparator.comparing(m -> m.ending().at()))
        .orElseThrow(() -> new Conflict("mentee " + mentee.id()
            + " has no closed match; outcomes are recorded at exit and after"));
  }
}
