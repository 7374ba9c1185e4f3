package org.tandem.participants;

import static org.tandem.auth.Role.ADMIN;
import static org.tandem.auth.Role.COORDINATOR;
import static org.tandem.auth.Role.PARTNER;
import static org.tandem.http.Route.roles;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.tandem.auth.Role;
import org.tandem.http.ApiRequest;
import org.tandem.http.PageRequest;
import org.tandem.http.Reply;
import org.tandem.http.Route;

/** Mentees, mentors, screening, referrals, and a person's export and erasure. */
public final class ParticipantsApi {
  private static final Set<Role> STAFF = roles(ADMIN, COORDINATOR);

  private final ParticipantService participants;
  private final ReferralService referrals;
  private final PrivacyService privacy;

  @Inject
  public ParticipantsApi(ParticipantService participants, ReferralService referrals, PrivacyService privacy) {
    this.participants = participants;
    this.referrals = referrals;
    this.privacy = privacy;
  }

  public List<Route> routes() {
    return List.of(
        Route.create("/v1/mentees", STAFF, this::intakeMentee),
        Route.get("/v1/mentees", STAFF, this::listMentees),
        Route.get("/v1/mentees/{menteeId}", STAFF, this::getMentee),
        Route.patch("/v1/mentees/{menteeId}", STAFF, this::updateMentee),
        Route.post("/v1/mentees/{menteeId}/screening", STAFF, this::screenMentee),
        Route.create("/v1/mentors", STAFF, this::intakeMentor),
        Route.get("/v1/mentors", STAFF, this::listMentors),
        Route.get("/v1/mentors/{mentorId}", STAFF, this::getMentor),
        Route.patch("/v1/mentors/{mentorId}", STAFF, this::updateMentor),
        Route.post("/v1/mentors/{mentorId}/screening", STAFF, this::screenMentor),
        Route.create("/v1/referrals", roles(PARTNER, ADMIN, COORDINATOR), this::refer),
        Route.get("/v1/referrals", roles(PARTNER, ADMIN, COORDINATOR), this::listReferrals),
        Route.get("/v1/participants/{participantId}/export", roles(ADMIN), this::exportParticipant),
        Route.delete("/v1/participants/{participantId}", roles(ADMIN), this::eraseParticipant));
  }

  Reply intakeMentee(ApiRequest request) {
    Mentee mentee = participants.intakeMentee(request.principal().scope(), request.body(MenteeIntake.class));
    return Reply.created(mentee).etag(mentee.version()).header("location", "/v1/mentees/" + mentee.id());
  }

  Reply listMentees(ApiRequest request) {
    return Reply.ok(participants.mentees(request.principal().scope(), request.query("status"),
        PageRequest.from(request)));
  }

  Reply getMentee(ApiRequest request) {
    Mentee mentee = participants.mentee(request.principal().scope(), request.pathParameter("menteeId"));
    return Reply.ok(mentee).etag(mentee.version());
  }

  Reply updateMentee(ApiRequest request) {
    Mentee mentee = participants.patchMentee(request.principal().scope(), request.pathParameter("menteeId"),
        request.bodyObject(), request.ifMatch());
    return Reply.ok(mentee).etag(mentee.version());
  }

  Reply screenMentee(ApiRequest request) {
    return Reply.ok(participants.screenMentee(request.principal().scope(), request.pathParameter("menteeId")));
  }

  Reply intakeMentor(ApiRequest request) {
    Mentor mentor = participants.intakeMentor(request.principal().scope(), request.body(MentorIntake.class));
    return Reply.created(mentor).etag(mentor.version()).header("location", "/v1/mentors/" + mentor.id());
  }

  Reply listMentors(ApiRequest request) {
    return Reply.ok(participants.mentors(request.principal().scope(), request.query("status"),
        PageRequest.from(request)));
  }

  Reply getMentor(ApiRequest request) {
    Mentor mentor = participants.mentor(request.principal().scope(), request.pathParameter("mentorId"));
    return Reply.ok(mentor).etag(mentor.version());
  }

  Reply updateMentor(ApiRequest request) {
    Mentor mentor = participants.patchMentor(request.principal().scope(), request.pathParameter("mentorId"),
        request.bodyObject(), request.ifMatch());
    return Reply.ok(mentor).etag(mentor.version());
  }

  Reply screenMentor(ApiRequest request) {
    return Reply.ok(participants.screenMentor(request.principal().scope(), request.pathParameter("mentorId")));
  }

  Reply refer(ApiRequest request) {
    ReferralView referral = referrals.refer(request.principal(), request.body(ReferralService.Refer.class));
    return Reply.created(referral);
  }

  Reply listReferrals(ApiRequest request) {
    return Reply.ok(referrals.list(request.principal(), PageRequest.from(request)));
  }

  Reply exportParticipant(ApiRequest request) {
    return Reply.ok(privacy.export(request.principal().scope(), request.pathParameter("participantId")))
        .header("content-disposition", "attachment; filename=\"" + request.pathParameter("participantId")
            + ".json\"");
  }

  Reply eraseParticipant(ApiRequest request) {
    privacy.erase(request.principal().scope(), request.pathParameter("participantId"));
    return Reply.noContent();
  }
}
