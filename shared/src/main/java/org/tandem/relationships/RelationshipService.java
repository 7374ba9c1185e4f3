package org.tandem.relationships;

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
import org.tandem.errors.PreconditionFailed;
import org.tandem.errors.ValidationFailed;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.ids.Ids;
import org.tandem.matching.Match;
import org.tandem.matching.MatchRepository;
import org.tandem.matching.MatchStatus;
import org.tandem.tenancy.TenantScope;

/**
 * What happens inside a match: the action plan's goals, the meetings held, and the check-ins and
 * evaluations of either side. Each write moves the match's progress and the report counters
 * with it; a write that lost a race reads again and tries again.
 */
public final class RelationshipService {
  private static final int ATTEMPTS = 6;
  private static final int MAX_TEXT = 4000;

  private final MatchRepository matches;
  private final RelationshipRepository records;
  private final Ids ids;
  private final Clock clock;

  @Inject
  public RelationshipService(MatchRepository matches, RelationshipRepository records, Ids ids, Clock clock) {
    this.matches = matches;
    this.records = records;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code POST /v1/matches/{matchId}/goals}. */
  public record NewGoal(String title, String description, LocalDate dueDate) {}

  /** {@code PATCH /v1/matches/{matchId}/goals/{goalId}}: what changes, and a progress note to add. */
  public record GoalChange(String title, String description, LocalDate dueDate, String status, String note,
      String noteAuthor) {}

  /** {@code POST /v1/matches/{matchId}/meetings}; {@code date} defaults to today. */
  public record NewMeeting(LocalDate date, Integer minutes, String mode, String notes) {}

  /** {@code POST /v1/matches/{matchId}/checkins}; {@code kind} defaults to a check-in, {@code date} to today. */
  public record NewCheckin(String kind, String respondent, LocalDate date, Integer satisfaction, Boolean onTrack,
      String comment) {}

  public Goal addGoal(Principal caller, String matchId, NewGoal body) {
    Checks checks = Checks.start();
    checks.text("title", body.title(), 200);
    checks.optionalText("description", body.description(), MAX_TEXT);
    checks.throwIfAny();
    TenantScope tenant = caller.scope();
    for (int attempt = 1; ; attempt++) {
      Match match = requireStatus(find(tenant, matchId), "given goals", MatchStatus.ACTIVE);
      Goal goal = Goal.set(ids.next(Goal.ID_PREFIX), match.id(), body.title().trim(), body.description(),
          body.dueDate(), caller.keyId(), clock.instant());
      if (records.addGoal(tenant, match, goal) == RelationshipRepository.Outcome.DONE) {
        return goal;
      }
      pause(matchId, attempt);
    }
  }

  public Page<Goal> goals(TenantScope tenant, String matchId, PageRequest page) {
    return records.goals(tenant, find(tenant, matchId).id(), page);
  }

  public Goal changeGoal(Principal caller, String matchId, String goalId, GoalChange body, Optional<Long> ifMatch) {
    Checks checks = Checks.start();
    checks.optionalText("title", body.title(), 200);
    checks.optionalText("description", body.description(), MAX_TEXT);
    checks.oneOf("status", body.status(), Goal.STATUSES);
    checks.optionalText("note", body.note(), MAX_TEXT);
    checks.oneOf("noteAuthor", body.noteAuthor(), Goal.AUTHORS);
    if (body.noteAuthor() != null && body.note() == null) {
      checks.problem("noteAuthor", "only goes with a note");
    }
    if (body.title() == null && body.description() == null && body.dueDate() == null && body.status() == null
        && body.note() == null) {
      checks.problem("body", "names nothing to change: give a status, a note, a title, a description or a due date");
    }
    checks.throwIfAny();
    if (!Ids.isValid(Goal.ID_PREFIX, goalId)) {
      throw ValidationFailed.of("goalId", "is not a goal id");
    }
    TenantScope tenant = caller.scope();
    for (int attempt = 1; ; attempt++) {
      Match match = find(tenant, matchId);
      Goal before = records.findGoal(tenant, match.id(), goalId)
          .orElseThrow(() -> new NotFound("goal " + goalId + " not found"));
      if (ifMatch.isPresent() && ifMatch.get() != before.version()) {
        throw new PreconditionFailed("goal " + goalId + " is at version " + before.version());
      }
      requireStatus(match, "have its goals changed", MatchStatus.ACTIVE);
      if (before.notes().size() >= Goal.MAX_NOTES && body.note() != null) {
        throw new Conflict("goal " + goalId + " already has " + Goal.MAX_NOTES + " notes");
      }
      Instant now = clock.instant();
      Goal.Note note = body.note() == null ? null
          : new Goal.Note(body.note(), body.noteAuthor() == null ? "coordinator" : body.noteAuthor(), caller.keyId(),
              now);
      Goal after = before.changed(
          body.title() == null ? before.title() : body.title().trim(),
          body.description() == null ? before.description() : body.description(),
          body.dueDate() == null ? before.dueDate() : body.dueDate(),
          body.status() == null ? before.status() : body.status(),
          note, today(), now);
      RelationshipRepository.Outcome written = records.changeGoal(tenant, match, before, after);
      if (written == RelationshipRepository.Outcome.DONE) {
        return after;
      }
      if (written == RelationshipRepository.Outcome.RECORD_CHANGED && ifMatch.isPresent()) {
        throw new PreconditionFailed("goal " + goalId + " changed meanwhile");
      }
      pause(matchId, attempt);
    }
  }

  public Meeting addMeeting(Principal caller, String matchId, NewMeeting body) {
    Checks checks = Checks.start();
    if (checks.required("minutes", body.minutes())) {
      checks.range("minutes", body.minutes(), 1, Meeting.MAX_MINUTES);
    }
    if (checks.required("mode", body.mode())) {
      checks.oneOf("mode", body.mode(), Meeting.MODES);
    }
    checks.optionalText("notes", body.notes(), MAX_TEXT);
    checks.throwIfAny();
    TenantScope tenant = caller.scope();
    for (int attempt = 1; ; attempt++) {
      Match match = requireStatus(find(tenant, matchId), "given meetings", MatchStatus.ACTIVE);
      LocalDate date = body.date() == null ? today() : body.date();
      requireWithinMatch("date", date, match);
      Meeting meeting = Meeting.held(ids.next(Meeting.ID_PREFIX), match.id(), date, body.minutes(),
          body.mode(), body.notes(), caller.keyId(), clock.instant());
      if (records.addMeeting(tenant, match, meeting) == RelationshipRepository.Outcome.DONE) {
        return meeting;
      }
      pause(matchId, attempt);
    }
  }

  public Page<Meeting> meetings(TenantScope tenant, String matchId, PageRequest page) {
    return records.meetings(tenant, find(tenant, matchId).id(), page);
  }

  public Checkin addCheckin(Principal caller, String matchId, NewCheckin body) {
    Checks checks = Checks.start();
    checks.oneOf("kind", body.kind(), Checkin.KINDS);
    if (checks.required("respondent", body.respondent())) {
      checks.oneOf("respondent", body.respondent(), Checkin.RESPONDENTS);
    }
    if (checks.required("satisfaction", body.satisfaction())) {
      checks.range("satisfaction", body.satisfaction(), 1, 5);
    }
    checks.required("onTrack", body.onTrack());
    checks.optionalText("comment", body.comment(), MAX_TEXT);
    checks.throwIfAny();
    String kind = body.kind() == null ? "checkin" : body.kind();
    LocalDate date = body.date() == null ? today() : body.date();
    TenantScope tenant = caller.scope();
    for (int attempt = 1; ; attempt++) {
      Match match = kind.equals("evaluation")
          ? requireStatus(find(tenant, matchId), "evaluated", MatchStatus.ACTIVE, MatchStatus.CLOSED)
          : requireStatus(find(tenant, matchId), "checked in on", MatchStatus.ACTIVE);
      requireWithinMatch("date", date, match);
      Instant now = clock.instant();
      Checkin checkin = Checkin.answered(ids.next(Checkin.ID_PREFIX), match.id(), kind, body.respondent(), date,
          body.satisfaction(), body.onTrack(), body.comment(), caller.keyId(), now);
      Instant on = date.atStartOfDay(ZoneOffset.UTC).toInstant();
      boolean latest = match.lastCheckinAt() == null || !on.isBefore(match.lastCheckinAt());
      FollowUp next = latest && match.status() == MatchStatus.ACTIVE
          ? FollowUp.checkin(match.id(), match.menteeId(), match.mentorId(),
              date.plusDays(match.checkinIntervalDays()), now)
          : null;
      if (records.addCheckin(tenant, match, checkin, latest ? on : null, next)
          == RelationshipRepository.Outcome.DONE) {
        return checkin;
      }
      pause(matchId, attempt);
    }
  }

  public Page<Checkin> checkins(TenantScope tenant, String matchId, PageRequest page) {
    return records.checkins(tenant, find(tenant, matchId).id(), page);
  }

  Match find(TenantScope tenant, String matchId) {
    if (!Ids.isValid(Match.ID_PREFIX, matchId)) {
      throw ValidationFailed.of("matchId", "is not a match id");
    }
    return matches.find(tenant, matchId).orElseThrow(() -> new NotFound("match " + matchId + " not found"));
  }

  private LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
  }

  /** A record's day falls within the match: not before it started, not after today. */
  private void requireWithinMatch(String field, LocalDate date, Match match) {
    if (date.isAfter(today())) {
      throw ValidationFailed.of(field, "must not be in the future");
    }
    if (match.startDate() != null && date.isBefore(match.startDate())) {
      throw ValidationFailed.of(field, "must not be before the match started on " + match.startDate());
    }
  }

  private static Match requireStatus(Match match, String verb, MatchStatus... allowed) {
    for (MatchStatus status : allowed) {
      if (match.status() == status) {
        return match;
      }
    }
    String wanted = allowed.length == 1 ? "an " + allowed[0].wireName()
        : "an " + allowed[0].wireName() + " or " + allowed[1].wireName();
    throw new Conflict("match " + match.id() + " is " + match.status().wireName() + "; only " + wanted
        + " match can be " + verb, List.of(new ApiError.Problem("status", "is " + match.status().wireName())));
  }

  /** A write lost a race (the match changed status or the record moved on): read again, after a pause. */
  private static void pause(String matchId, int attempt) {
    if (attempt >= ATTEMPTS) {
      throw new Conflict("match " + matchId + " keeps changing; try again");
    }
    Backoff.pause(attempt);
  }
}
