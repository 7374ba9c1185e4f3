package org.tandem.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Something the program holds for many at once: a networking event, a workshop, mock interviews,
 * a panel, a group mentoring session or a wrap-up. The attendance counts are kept by the writes
 * that record who attended, in the same transaction.
 */
public record ProgramEvent(
    String id,
    String kind,
    String title,
    String description,
    LocalDate date,
    String startTime,
    Integer durationMinutes,
    String location,
    boolean online,
    String language,
    String matchId,
    Integer capacity,
    int attendeeCount,
    int menteesAttended,
    int mentorsAttended,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String ID_PREFIX = "evt";
  public static final List<String> KINDS =
      List.of("networking", "workshop", "mock_interview", "panel", "group_session", "wrap_up");
  public static final List<String> LANGUAGES = List.of("en", "fr");

  public ProgramEvent {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(date, "date == null");
  }

  /** A new event, nobody recorded yet. */
  public static ProgramEvent planned(String id, EventService.Create in, LocalDate date, String createdBy,
      Instant now) {
    return new ProgramEvent(id, in.kind(), in.title().trim(), in.description(), date, in.startTime(),
        in.durationMinutes(), in.location() == null ? null : in.location().trim(), Boolean.TRUE.equals(in.online()),
        in.language(), in.matchId(), in.capacity(), 0, 0, 0, createdBy, now, now, 1);
  }

  /** Whether {@code more} attendees still fit; an event without a capacity always has room. */
  public boolean hasRoomFor(int more) {
    return capacity == null || more <= 0 || attendeeCount + more <= capacity;
  }
}
