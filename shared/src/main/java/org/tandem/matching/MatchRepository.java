package org.tandem.matching;

import java.util.List;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.participants.Mentee;
import org.tandem.relationships.FollowUp;
import org.tandem.tenancy.TenantScope;

/**
 * Matches of one tenant. The writes that move capacity are single transactions whose conditions
 * make over-capacity and double one-on-ones impossible, whatever the concurrency.
 */
public interface MatchRepository {
  /** Stores a proposal; false if the pair already has an open (proposed or active) match. */
  boolean create(TenantScope tenant, Match match);

  Optional<Match> find(TenantScope tenant, String matchId);

  /** Newest first, optionally only one status. */
  Page<Match> list(TenantScope tenant, MatchStatus status, PageRequest page);

  Page<Match> listByMentor(TenantScope tenant, String mentorId, PageRequest page);

  Page<Match> listByMentee(TenantScope tenant, String menteeId, PageRequest page);

  /** Every match of one mentee, read a megabyte at a time. */
  List<Match> allOfMentee(TenantScope tenant, String menteeId);

  /** Every match in one status, read a megabyte at a time: bounded by the program's size. */
  List<Match> allInStatus(TenantScope tenant, MatchStatus status);

  /** Replaces a match that did not change meanwhile; releases the pair when it ends. */
  boolean update(TenantScope tenant, Match previous, Match next);

  /** What a capacity-moving write ran into. */
  enum Outcome { DONE, MATCH_CHANGED, MENTOR_UNAVAILABLE, MENTEE_CHANGED }

  /**
   * Activates a match: the match, a seat of the mentor's capacity (only while the mentor is ready
   * with a free seat) and the mentee's new state, all or nothing.
   */
  Outcome activate(TenantScope tenant, Match previous, Match active, Mentee menteeBefore, Mentee menteeAfter,
      FollowUp firstCheckin);

  /**
   * What a closure writes besides the match: the outcome follow-ups it schedules and, when the
   * coordinator gave it, the employment status at exit.
   */
  record Closure(List<FollowUp> followUps, org.tandem.relationships.Outcome exitOutcome) {
    public Closure {
      followUps = List.copyOf(followUps);
    }
  }

  /**
   * Closes a match: the match, the mentor's seat given back, the mentee's new state, the
   * check-in follow-up settled and the closure's own records, all or nothing.
   */
  Outcome close(TenantScope tenant, Match previous, Match closed, Mentee menteeBefore, Mentee menteeAfter,
      Closure closure);
}
