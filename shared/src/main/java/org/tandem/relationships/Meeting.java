package org.tandem.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A meeting of a mentee and mentor: when, how long, how, and what came of it. */
public record Meeting(
    String id,
    String matchId,
    LocalDate date,
    int minutes,
    String mode,
    String notes,
    String recordedBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String ID_PREFIX = "mtg";
  public static final List<String> MODES = List.of("in_person", "video", "phone");
  /** One sitting: up to a working day. */
  public static final int MAX_MINUTES = 600;

  public Meeting {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(matchId, "matchId == null");
    Objects.requireNonNull(date, "date == null");
    Objects.requireNonNull(mode, "mode == null");
  }

  public static Meeting held(String id, String matchId, LocalDate date, int minutes, String mode, String notes,
      String recordedBy, Instant now) {
    return new Meeting(id, matchId, date, minutes, mode, notes, recordedBy, now, now, 1);
  }

  /** The meeting with its notes blanked; when, how long and how stay. */
  public Meeting erased(Instant now) {
    return new Meeting(id, matchId, date, minutes, mode, null, recordedBy, createdAt, now, version + 1);
  }
}
