package org.tandem.relationships;

import static org.tandem.auth.Role.ADMIN;
import static org.tandem.auth.Role.COORDINATOR;
import static org.tandem.http.Route.roles;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.tandem.auth.Role;
import org.tandem.http.ApiRequest;
import org.tandem.http.PageRequest;
import org.tandem.http.Reply;
import org.tandem.http.Route;

/** Program events and who attended them, and a person's events on their record. */
public final class EventsApi {
  private static final Set<Role> STAFF = roles(ADMIN, COORDINATOR);

  private final EventService events;

  @Inject
  public EventsApi(EventService events) {
    this.events = events;
  }

  public List<Route> routes() {
    return List.of(
        Route.create("/v1/events", STAFF, this::createEvent),
        Route.get("/v1/events", STAFF, this::listEvents),
        Route.get("/v1/events/{eventId}", STAFF, this::getEvent),
        Route.post("/v1/events/{eventId}/attendance", STAFF, this::recordAttendance),
        Route.get("/v1/events/{eventId}/attendance", STAFF, this::listAttendance),
        Route.get("/v1/participants/{participantId}/events", STAFF, this::listParticipantEvents));
  }

  Reply createEvent(ApiRequest request) {
    ProgramEvent event = events.create(request.principal(), request.body(EventService.Create.class));
    return Reply.created(event).etag(event.version()).header("location", "/v1/events/" + event.id());
  }

  Reply listEvents(ApiRequest request) {
    return Reply.ok(events.list(request.principal().scope(), request.query("kind"), request.query("from"),
        request.query("to"), PageRequest.from(request)));
  }

  Reply getEvent(ApiRequest request) {
    ProgramEvent event = events.get(request.principal().scope(), request.pathParameter("eventId"));
    return Reply.ok(event).etag(event.version());
  }

  Reply recordAttendance(ApiRequest request) {
    EventService.Recorded recorded = events.record(request.principal(), request.pathParameter("eventId"),
        request.body(EventService.Attend.class));
    return Reply.ok(recorded).etag(recorded.event().version());
  }

  Reply listAttendance(ApiRequest request) {
    return Reply.ok(events.attendance(request.principal().scope(), request.pathParameter("eventId"),
        PageRequest.from(request)));
  }

  Reply listParticipantEvents(ApiRequest request) {
    return Reply.ok(events.eventsOf(request.principal().scope(), request.pathParameter("participantId"),
        PageRequest.from(request)));
  }
}
