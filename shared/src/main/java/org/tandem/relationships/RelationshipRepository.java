package org.tandem.relationships;

import java.time.Instant;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.matching.Match;
import org.tandem.tenancy.TenantScope;

/**
 * A match's goals, meetings and check-ins. Each write moves the match's progress and the
 * report counters in the same transaction, and only while the match is in a state that takes it.
 */
public interface RelationshipRepository {
  /** What a write ran into. */
  enum Outcome { DONE, MATCH_NOT_OPEN, RECORD_CHANGED }

  /** Adds a goal to an active match's plan. */
  Outcome addGoal(TenantScope tenant, Match match, Goal goal);

  Optional<Goal> findGoal(TenantScope tenant, String matchId, String goalId);

  Page<Goal> goals(TenantScope tenant, String matchId, PageRequest page);

  /** Replaces a goal that did not change meanwhile, on a match still active. */
  Outcome changeGoal(TenantScope tenant, Match match, Goal before, Goal after);

  /** Records a meeting of an active match: its minutes count toward the target. */
  Outcome addMeeting(TenantScope tenant, Match match, Meeting meeting);

  Page<Meeting> meetings(TenantScope tenant, String matchId, PageRequest page);

  /**
   * Records a check-in (on an active match) or an evaluation (active or closed). When it is the
   * latest, {@code lastCheckinAt} moves the match's last check-in (never back) and {@code next},
   * the next check-in's follow-up, replaces the one before; both are null otherwise.
   */
  Outcome addCheckin(TenantScope tenant, Match match, Checkin checkin, Instant lastCheckinAt, FollowUp next);

  Page<Checkin> checkins(TenantScope tenant, String matchId, PageRequest page);

  /**
   * Blanks what people wrote in a match's records (goal descriptions and notes, meeting notes,
   * check-in comments), keeping what they count: an erasure's part in the match.
   */
  void eraseText(TenantScope tenant, String matchId, Instant now);
}
