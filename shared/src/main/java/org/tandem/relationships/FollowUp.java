package org.tandem.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Something a coordinator owes a match: the next check-in of an active match, or an employment
 * outcome at a checkpoint after the mentee left. It is {@code scheduled} until its day comes,
 * when the daily follow-ups run makes it {@code due}; recording what it asks for removes it.
 */
public record FollowUp(
    String id,
    String kind,
    String matchId,
    String menteeId,
    String mentorId,
    String checkpoint,
    LocalDate dueDate,
    String status,
    LocalDate dueSince,
    Instant createdAt,
    Instant updatedAt) {

  public static final String CHECKIN = "checkin";
  public static final String OUTCOME = "outcome";
  public static final String SCHEDULED = "scheduled";
  public static final String DUE = "due";

  public FollowUp {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(matchId, "matchId == null");
    Objects.requireNonNull(dueDate, "dueDate == null");
    Objects.requireNonNull(status, "status == null");
  }

  /** The id of a match's check-in follow-up: one at a time, moved on by each check-in. */
  public static String checkinId(String matchId) {
    return CHECKIN + "#" + matchId;
  }

  /** The id of a match's outcome follow-up at one checkpoint. */
  public static String outcomeId(String matchId, Checkpoint checkpoint) {
    return OUTCOME + "#" + matchId + "#" + checkpoint.wireName();
  }

  public static FollowUp checkin(String matchId, String menteeId, String mentorId, LocalDate due, Instant now) {
    return new FollowUp(checkinId(matchId), CHECKIN, matchId, menteeId, mentorId, null, due, SCHEDULED, null, now,
        now);
  }

  public static FollowUp outcome(String matchId, String menteeId, String mentorId, Checkpoint checkpoint,
      LocalDate due, Instant now) {
    return new FollowUp(outcomeId(matchId, checkpoint), OUTCOME, matchId, menteeId, mentorId, checkpoint.wireName(),
        due, SCHEDULED, null, now, now);
  }
}
