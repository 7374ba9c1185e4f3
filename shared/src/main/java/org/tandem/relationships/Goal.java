package org.tandem.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A goal of a match's action plan, with its status and the progress notes written on it. */
public record Goal(
    String id,
    String matchId,
    String title,
    String description,
    LocalDate dueDate,
    String status,
    LocalDate achievedOn,
    List<Note> notes,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String ID_PREFIX = "gol";
  public static final List<String> STATUSES = List.of("open", "in_progress", "achieved", "dropped");
  /** Who a progress note speaks for; the key that recorded it is kept beside. */
  public static final List<String> AUTHORS = List.of("mentee", "mentor", "coordinator");
  public static final int MAX_NOTES = 200;

  public Goal {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(matchId, "matchId == null");
    Objects.requireNonNull(title, "title == null");
    Objects.requireNonNull(status, "status == null");
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** A progress note: what was said, for whom, by which key, when. */
  public record Note(String text, String author, String recordedBy, Instant at) {}

  public static Goal set(String id, String matchId, String title, String description, LocalDate dueDate,
      String createdBy, Instant now) {
    return new Goal(id, matchId, title, description, dueDate, "open", null, List.of(), createdBy, now, now, 1);
  }

  /** Whether the goal counts in the plan: a dropped goal no longer does. */
  public boolean counts() {
    return !status.equals("dropped");
  }

  /** The goal after a change; {@code achievedOn} is set on reaching {@code achieved} and cleared on leaving it. */
  public Goal changed(String title, String description, LocalDate dueDate, String status, Note note, LocalDate today,
      Instant now) {
    List<Note> more = notes;
    if (note != null) {
      more = new ArrayList<>(notes);
      more.add(note);
    }
    LocalDate achieved = status.equals("achieved") ? (this.status.equals("achieved") ? achievedOn : today) : null;
    return new Goal(id, matchId, title, description, dueDate, status, achieved, more, createdBy, createdAt, now,
        version + 1);
  }

  /** The goal with its description and notes' text blanked; title, status and dates stay. */
  public Goal erased(Instant now) {
    List<Note> blank = notes.stream().map(n -> new Note(null, n.author(), n.recordedBy(), n.at())).toList();
    return new Goal(id, matchId, title, null, dueDate, status, achievedOn, blank, createdBy, createdAt, now,
        version + 1);
  }
}
