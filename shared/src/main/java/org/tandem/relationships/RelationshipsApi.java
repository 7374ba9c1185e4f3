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

/** Goals, meetings, check-ins, certificates, outcomes and follow-ups. */
public final class RelationshipsApi {
  private static final Set<Role> STAFF = roles(ADMIN, COORDINATOR);

  private final RelationshipService relationships;
  private final OutcomeService outcomes;
  private final CertificateService certificates;
  private final FollowUpService followUps;

  @Inject
  public RelationshipsApi(RelationshipService relationships, OutcomeService outcomes,
      CertificateService certificates, FollowUpService followUps) {
    this.relationships = relationships;
    this.outcomes = outcomes;
    this.certificates = certificates;
    this.followUps = followUps;
  }

  public List<Route> routes() {
    return List.of(
        Route.create("/v1/matches/{matchId}/goals", STAFF, this::addGoal),
        Route.get("/v1/matches/{matchId}/goals", STAFF, this::listGoals),
        Route.patch("/v1/matches/{matchId}/goals/{goalId}", STAFF, this::changeGoal),
        Route.create("/v1/matches/{matchId}/meetings", STAFF, this::addMeeting),
        Route.get("/v1/matches/{matchId}/meetings", STAFF, this::listMeetings),
        Route.create("/v1/matches/{matchId}/checkins", STAFF, this::addCheckin),
        Route.get("/v1/matches/{matchId}/checkins", STAFF, this::listCheckins),
        Route.get("/v1/matches/{matchId}/certificate", STAFF, this::getCertificate),
        Route.create("/v1/mentees/{menteeId}/outcomes", STAFF, this::recordOutcome),
        Route.get("/v1/mentees/{menteeId}/outcomes", STAFF, this::listOutcomes),
        Route.get("/v1/followups", STAFF, this::listFollowUps));
  }

  private static String matchId(ApiRequest request) {
    return request.pathParameter("matchId");
  }

  Reply addGoal(ApiRequest request) {
    Goal goal = relationships.addGoal(request.principal(), matchId(request),
        request.body(RelationshipService.NewGoal.class));
    return Reply.created(goal).etag(goal.version())
        .header("location", "/v1/matches/" + goal.matchId() + "/goals/" + goal.id());
  }

  Reply listGoals(ApiRequest request) {
    return Reply.ok(relationships.goals(request.principal().scope(), matchId(request), PageRequest.from(request)));
  }

  Reply changeGoal(ApiRequest request) {
    Goal goal = relationships.changeGoal(request.principal(), matchId(request), request.pathParameter("goalId"),
        request.body(RelationshipService.GoalChange.class), request.ifMatch());
    return Reply.ok(goal).etag(goal.version());
  }

  Reply addMeeting(ApiRequest request) {
    Meeting meeting = relationships.addMeeting(request.principal(), matchId(request),
        request.body(RelationshipService.NewMeeting.class));
    return Reply.created(meeting).etag(meeting.version());
  }

  Reply listMeetings(ApiRequest request) {
    return Reply.ok(relationships.meetings(request.principal().scope(), matchId(request), PageRequest.from(request)));
  }

  Reply addCheckin(ApiRequest request) {
    Checkin checkin = relationships.addCheckin(request.principal(), matchId(request),
        request.body(RelationshipService.NewCheckin.class));
    return Reply.created(checkin).etag(checkin.version());
  }

  Reply listCheckins(ApiRequest request) {
    return Reply.ok(relationships.checkins(request.principal().scope(), matchId(request), PageRequest.from(request)));
  }

  Reply getCertificate(ApiRequest request) {
    CertificateService.Document document = certificates.certificate(request.principal().scope(), matchId(request),
        request.query("lang"));
    return Reply.raw(200, document.contentType(), document.bytes())
        .header("content-disposition", "inline; filename=\"" + document.fileName() + "\"")
        .header("content-language", document.language());
  }

  Reply recordOutcome(ApiRequest request) {
    OutcomeService.Recorded recorded = outcomes.record(request.principal(), request.pathParameter("menteeId"),
        request.body(OutcomeService.NewOutcome.class), request.ifMatch());
    Outcome outcome = recorded.outcome();
    Reply reply = recorded.created() ? Reply.created(outcome) : Reply.ok(outcome);
    return reply.etag(outcome.version());
  }

  Reply listOutcomes(ApiRequest request) {
    return Reply.ok(outcomes.list(request.principal().scope(), request.pathParameter("menteeId"),
        PageRequest.from(request)));
  }

  Reply listFollowUps(ApiRequest request) {
    return Reply.ok(followUps.due(request.principal().scope(), request.query("before"), PageRequest.from(request)));
  }
}
