package org.tandem.relationships;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tandem.auth.Principal;
import org.tandem.errors.Backoff;
import org.tandem.errors.Checks;
import org.tandem.errors.Conflict;
import org.tandem.errors.NotFound;
import org.tandem.errors.ValidationFailed;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.ids.Ids;
import org.tandem.matching.Match;
import org.tandem.matching.MatchRepository;
import org.tandem.participants.Mentee;
import org.tandem.participants.Mentor;
import org.tandem.participants.Participant;
import org.tandem.participants.ParticipantRepository;
import org.tandem.tenancy.TenantScope;

/**
 * Program events and attendance. Recording the same person again updates their one record, so
 * nobody is counted twice; the repository's conditions make that hold under concurrency, and this
 * service reads again and retries when it lost a race.
 */
public final class EventService {
  /** The most people one call records: each is an item of one transaction. */
  public static final int MAX_ATTENDEES = 25;
  private static final int ATTEMPTS = 6;
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private final EventRepository events;
  private final MatchRepository matches;
  private final ParticipantRepository<Mentee> mentees;
  private final ParticipantRepository<Mentor> mentors;
  private final Ids ids;
  private final Clock clock;

  @Inject
  public EventService(EventRepository events, MatchRepository matches, ParticipantRepository<Mentee> mentees,
      ParticipantRepository<Mentor> mentors, Ids ids, Clock clock) {
    this.events = events;
    this.matches = matches;
    this.mentees = mentees;
    this.mentors = mentors;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code POST /v1/events}. */
  public record Create(String kind, String title, String description, String date, String startTime,
      Integer durationMinutes, String location, Boolean online, String language, String matchId, Integer capacity) {}

  /** {@code POST /v1/events/{eventId}/attendance}: 1 to 25 people. */
  public record Attend(List<Attendee> attendees) {}

  /** One person at the event; {@code attended} defaults to true, a new record's {@code role} to attendee. */
  public record Attendee(String participantId, Boolean attended, String role) {}

  /** What recording attendance answers: the event with its counts, and the records of the people named. */
  public record Recorded(ProgramEvent event, List<Attendance> attendance) {}

  /** Creates an event and counts it in its month. */
  public ProgramEvent create(Principal caller, Create body) {
    TenantScope tenant = caller.scope();
    Checks checks = Checks.start();
    if (checks.required("kind", body.kind())) {
      checks.oneOf("kind", body.kind(), ProgramEvent.KINDS);
    }
    checks.text("title", body.title(), 200);
    checks.optionalText("description", body.description(), 4000);
    LocalDate date = null;
    if (checks.required("date", body.date())) {
      date = date(checks, "date", body.date());
    }
    checks.matches("startTime", body.startTime(), TIME, "a time of day, HH:mm");
    checks.range("durationMinutes", body.durationMinutes(), 1, 1440);
    checks.optionalText("location", body.location(), 200);
    checks.oneOf("language", body.language(), ProgramEvent.LANGUAGES);
    checks.range("capacity", body.capacity(), 1, 10_000);
    if (body.matchId() != null && !Ids.isValid(Match.ID_PREFIX, body.matchId())) {
      checks.problem("matchId", "is not a match id");
    }
    checks.throwIfAny();
    if (body.matchId() != null) {
      Match match = matches.find(tenant, body.matchId())
          .orElseThrow(() -> new NotFound("match " + body.matchId() + " not found"));
      if (body.kind().equals("group_session") && !match.format().equals("group")) {
        throw ValidationFailed.of("matchId", "must name a group match for a group session");
      }
    }
    ProgramEvent event = ProgramEvent.planned(ids.next(ProgramEvent.ID_PREFIX), body, date, caller.keyId(),
        clock.instant());
    events.create(tenant, event);
    return event;
  }

  /** One event, with its attendance counts. */
  public ProgramEvent get(TenantScope tenant, String eventId) {
    requireEventId(eventId);
    return events.find(tenant, eventId).orElseThrow(() -> new NotFound("event " + eventId + " not found"));
  }

  /** Newest date first; of one kind, or dated from and to (inclusive), when those are given. */
  public Page<ProgramEvent> list(TenantScope tenant, Optional<String> kind, Optional<String> from,
      Optional<String> to, PageRequest page) {
    Checks checks = Checks.start();
    kind.ifPresent(k -> checks.oneOf("kind", k, ProgramEvent.KINDS));
    LocalDate first = from.map(raw -> date(checks, "from", raw)).orElse(null);
    LocalDate last = to.map(raw -> date(checks, "to", raw)).orElse(null);
    if (first != null && last != null && first.isAfter(last)) {
      checks.problem("from", "must not be after to");
    }
    checks.throwIfAny();
    return events.list(tenant, kind.orElse(null), first, last, page);
  }

  /** Records who attended, all or nothing, each person once per event. */
  public Recorded record(Principal caller, String eventId, Attend body) {
    TenantScope tenant = caller.scope();
    requireEventId(eventId);
    List<Attendee> attendees = check(body);
    ProgramEvent event = get(tenant, eventId);
    requireParticipants(tenant, attendees);
    List<String> participantIds = attendees.stream().map(Attendee::participantId).toList();
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1) {
        event = get(tenant, eventId);
      }
      Map<String, Attendance> existing = events.findAttendance(tenant, eventId, participantIds);
      Instant now = clock.instant();
      List<Attendance> answer = new ArrayList<>(attendees.size());
      List<EventRepository.Change> changes = new ArrayList<>();
      int more = 0;
      for (Attendee attendee : attendees) {
        boolean attended = !Boolean.FALSE.equals(attendee.attended());
        Attendance previous = existing.get(attendee.participantId());
        Attendance next;
        if (previous == null) {
          next = Attendance.recorded(event, attendee.participantId(), attended, attendee.role(), caller.keyId(), now);
        } else if (previous.sameAs(attended, attendee.role())) {
          answer.add(previous);
          continue;
        } else {
          next = previous.changed(attended, attendee.role(), caller.keyId(), now);
        }
        answer.add(next);
        changes.add(new EventRepository.Change(previous, next));
        more += Attendance.countChange(previous, next);
      }
      if (changes.isEmpty()) {
        return new Recorded(event, answer);
      }
      if (!event.hasRoomFor(more)) {
        throw new Conflict("event " + eventId + " has room for " + Math.max(0, event.capacity()
            - event.attendeeCount()) + " more attendee(s), not " + more + " (capacity " + event.capacity() + ")");
      }
      if (events.record(tenant, event, changes, now) == EventRepository.Result.DONE) {
        return new Recorded(get(tenant, eventId), answer);
      }
      if (attempt >= ATTEMPTS) {
        throw new Conflict("the attendance of event " + eventId + " keeps changing; try again");
      }
      Backoff.pause(attempt);
    }
  }

  /** One event's attendance records, by participant id. */
  public Page<Attendance> attendance(TenantScope tenant, String eventId, PageRequest page) {
    get(tenant, eventId);
    return events.attendance(tenant, eventId, page);
  }

  /** One person's events, newest first, each with whether they attended and in what role. */
  public Page<Attendance> eventsOf(TenantScope tenant, String participantId, PageRequest page) {
    if (!Ids.isValid(Mentee.ID_PREFIX, participantId) && !Ids.isValid(Mentor.ID_PREFIX, participantId)) {
      throw ValidationFailed.of("participantId", "is not a mentee or mentor id");
    }
    if (find(tenant, participantId).isEmpty()) {
      throw new NotFound("participant " + participantId + " not found");
    }
    return events.eventsOf(tenant, participantId, page);
  }

  private static void requireEventId(String eventId) {
    if (!Ids.isValid(ProgramEvent.ID_PREFIX, eventId)) {
      throw ValidationFailed.of("eventId", "is not an event id");
    }
  }

  private static List<Attendee> check(Attend body) {
    Checks checks = Checks.start();
    List<Attendee> attendees = body.attendees();
    if (checks.required("attendees", attendees)) {
      checks.size("attendees", attendees, 1, MAX_ATTENDEES);
    }
    checks.throwIfAny();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < attendees.size(); i++) {
      Attendee attendee = attendees.get(i);
      String at = "attendees[" + i + "]";
      if (attendee == null) {
        checks.problem(at, "is required");
        continue;
      }
      String id = attendee.participantId();
      if (checks.required(at + ".participantId", id)) {
        if (!Ids.isValid(Mentee.ID_PREFIX, id) && !Ids.isValid(Mentor.ID_PREFIX, id)) {
          checks.problem(at + ".participantId", "is not a mentee or mentor id");
        } else if (!seen.add(id)) {
          checks.problem(at + ".participantId", "is listed twice");
        }
      }
      checks.oneOf(at + ".role", attendee.role(), Attendance.ROLES);
    }
    checks.throwIfAny();
    return attendees;
  }

  /** Every person named exists in this tenant, read in two batches; nothing is written otherwise. */
  private void requireParticipants(TenantScope tenant, List<Attendee> attendees) {
    List<String> menteeIds = new ArrayList<>();
    List<String> mentorIds = new ArrayList<>();
    for (Attendee attendee : attendees) {
      (Ids.isValid(Mentee.ID_PREFIX, attendee.participantId()) ? menteeIds : mentorIds).add(attendee.participantId());
    }
    Map<String, Participant> found = new HashMap<>();
    mentees.findAll(tenant, menteeIds).forEach(mentee -> found.put(mentee.id(), mentee));
    mentors.findAll(tenant, mentorIds).forEach(mentor -> found.put(mentor.id(), mentor));
    for (Attendee attendee : attendees) {
      String id = attendee.participantId();
      // A batch read may miss a person taken in a moment ago; a strongly consistent read decides.
      Participant participant = found.containsKey(id) ? found.get(id) : find(tenant, id).orElse(null);
      if (participant == null) {
        throw new NotFound(Attendance.typeOf(id) + " " + id + " not found");
      }
      if (participant.erasedAt() != null) {
        throw new Conflict(Attendance.typeOf(id) + " " + id + " was erased; their attendance is no longer recorded");
      }
    }
  }

  private Optional<? extends Participant> find(TenantScope tenant, String participantId) {
    return Ids.isValid(Mentee.ID_PREFIX, participantId)
        ? mentees.find(tenant, participantId)
        : mentors.find(tenant, participantId);
  }

  private static LocalDate date(Checks checks, String field, String raw) {
    if (DATE.matcher(raw).matches()) {
      try {
        return LocalDate.parse(raw);
      } catch (DateTimeParseException e) {
        // answered below, naming the field
      }
    }
    checks.problem(field, "must be a date, YYYY-MM-DD");
    return null;
  }
}
