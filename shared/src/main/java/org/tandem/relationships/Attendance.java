package org.tandem.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.tandem.participants.Mentee;

/**
 * Whether one mentee or mentor attended one event, and in what role. It carries the event's
 * kind, title and date so that a person's events are listed from their records alone.
 */
public record Attendance(
    String eventId,
    String participantId,
    String participantType,
    boolean attended,
    String role,
    String eventKind,
    String eventTitle,
    LocalDate eventDate,
    String recordedBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final List<String> ROLES = List.of("attendee", "speaker", "panelist", "facilitator", "volunteer");
  public static final String DEFAULT_ROLE = "attendee";

  public Attendance {
    Objects.requireNonNull(eventId, "eventId == null");
    Objects.requireNonNull(participantId, "participantId == null");
    Objects.requireNonNull(participantType, "participantType == null");
    Objects.requireNonNull(role, "role == null");
    Objects.requireNonNull(eventKind, "eventKind == null");
    Objects.requireNonNull(eventDate, "eventDate == null");
  }

  /** {@code mentee} or {@code mentor}, read from a valid participant id's prefix. */
  public static String typeOf(String participantId) {
    return participantId.startsWith(Mentee.ID_PREFIX + "_") ? "mentee" : "mentor";
  }

  /** The first record of a person at an event. */
  public static Attendance recorded(ProgramEvent event, String participantId, boolean attended, String role,
      String recordedBy, Instant now) {
    return new Attendance(event.id(), participantId, typeOf(participantId), attended,
        role == null ? DEFAULT_ROLE : role, event.kind(), event.title(), event.date(), recordedBy, now, now, 1);
  }

  /** The same person recorded again: whether they attended and, when given, their role. */
  public Attendance changed(boolean nowAttended, String newRole, String by, Instant now) {
    return new Attendance(eventId, participantId, participantType, nowAttended, newRole == null ? role : newRole,
        eventKind, eventTitle, eventDate, by, createdAt, now, version + 1);
  }

  /** Whether recording {@code nowAttended} and {@code newRole} (null: unchanged) would change nothing. */
  public boolean sameAs(boolean nowAttended, String newRole) {
    return attended == nowAttended && (newRole == null || newRole.equals(role));
  }

  /** How the number of attendees moves when {@code previous} (null if none) becomes {@code next}: -1, 0 or 1. */
  public static int countChange(Attendance previous, Attendance next) {
    return (next.attended ? 1 : 0) - (previous != null && previous.attended ? 1 : 0);
  }
}
