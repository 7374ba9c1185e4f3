package org.tandem.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.tenancy.TenantScope;

/**
 * Events of one tenant and who attended them. Every write moves the counters reports read (events
 * and attendance per month) in the same transaction, so reports never count by reading events.
 */
public interface EventRepository {
  /** Stores a new event and counts it in its month. */
  void create(TenantScope tenant, ProgramEvent event);

  Optional<ProgramEvent> find(TenantScope tenant, String eventId);

  /**
   * Newest date first, only of {@code kind} when it is not null, and only dated {@code from} to
   * {@code to} (inclusive) where those are not null.
   */
  Page<ProgramEvent> list(TenantScope tenant, String kind, LocalDate from, LocalDate to, PageRequest page);

  /** The records that exist of some participants (at most 100) at one event, by participant id. */
  Map<String, Attendance> findAttendance(TenantScope tenant, String eventId, Collection<String> participantIds);

  /** One event's attendance records, by participant id. */
  Page<Attendance> attendance(TenantScope tenant, String eventId, PageRequest page);

  /** One person's attendance records, newest event first. */
  Page<Attendance> eventsOf(TenantScope tenant, String participantId, PageRequest page);

  /** One person's record at an event: what it was (null if none) and what it becomes. */
  record Change(Attendance previous, Attendance next) {}

  /** What recording attendance ran into. */
  enum Result { DONE, ATTENDANCE_CHANGED, EVENT_FULL }

  /**
   * Writes the changed records, the event's counts and the month's counters, all or nothing. A
   * record that changed since it was read, or an event that has no room left for the new
   * attendees, writes nothing.
   */
  Result record(TenantScope tenant, ProgramEvent event, List<Change> changes, Instant now);
}
