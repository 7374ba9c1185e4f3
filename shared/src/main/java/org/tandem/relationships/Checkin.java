package org.tandem.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A check-in during the match, or an evaluation at its end, from the mentor's or the mentee's
 * side: how satisfied (1 to 5), whether on track, and what they said.
 */
public record Checkin(
    String id,
    String matchId,
    String kind,
    String respondent,
    LocalDate date,
    int satisfaction,
    boolean onTrack,
    String comment,
    String recordedBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String ID_PREFIX = "chk";
  public static final List<String> KINDS = List.of("checkin", "evaluation");
  public static final List<String> RESPONDENTS = List.of("mentor", "mentee");

  public Checkin {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(matchId, "matchId == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(respondent, "respondent == null");
    Objects.requireNonNull(date, "date == null");
  }

  public static Checkin answered(String id, String matchId, String kind, String respondent, LocalDate date,
      int satisfaction, boolean onTrack, String comment, String recordedBy, Instant now) {
    return new Checkin(id, matchId, kind, respondent, date, satisfaction, onTrack, comment, recordedBy, now, now, 1);
  }

  /** Satisfied means 4 or 5 of 5, as the programs' surveys count it. */
  public boolean satisfied() {
    return satisfaction >= 4;
  }

  /** The check-in with its comment blanked; the answers stay. */
  public Checkin erased(Instant now) {
    return new Checkin(id, matchId, kind, respondent, date, satisfaction, onTrack, null, recordedBy, createdAt, now,
        version + 1);
  }
}
