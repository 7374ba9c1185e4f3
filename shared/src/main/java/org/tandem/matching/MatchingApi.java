package org.tandem.matching;

import static org.tandem.auth.Role.ADMIN;
import static org.tandem.auth.Role.COORDINATOR;
import static org.tandem.http.Route.roles;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import org.tandem.auth.Role;
import org.tandem.errors.ValidationFailed;
import org.tandem.http.ApiRequest;
import org.tandem.http.PageRequest;
import org.tandem.http.Reply;
import org.tandem.http.Route;

/** Suggestions, cohort runs and the match lifecycle. */
public final class MatchingApi {
  private static final Set<Role> STAFF = roles(ADMIN, COORDINATOR);
  private static final int MAX_SUGGESTIONS = 50;

  private final SuggestionService suggestions;
  private final RunService runs;
  private final MatchService matches;

  @Inject
  public MatchingApi(SuggestionService suggestions, RunService runs, MatchService matches) {
    this.suggestions = suggestions;
    this.runs = runs;
    this.matches = matches;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/v1/mentees/{menteeId}/suggestions", STAFF, this::suggestMentors),
        Route.create("/v1/matching/runs", STAFF, this::startRun),
        Route.get("/v1/matching/runs/{runId}", STAFF, this::getRun),
        Route.create("/v1/matches", STAFF, this::proposeMatch),
        Route.get("/v1/matches", STAFF, this::listMatches),
        Route.get("/v1/matches/{matchId}", STAFF, this::getMatch),
        Route.post("/v1/matches/{matchId}/decisions", STAFF, this::decideMatch),
        Route.post("/v1/matches/{matchId}/closure", STAFF, this::closeMatch),
        Route.post("/v1/matches/{matchId}/withdrawal", STAFF, this::withdrawMatch));
  }

  Reply suggestMentors(ApiRequest request) {
    int limit = request.query("limit").map(MatchingApi::suggestionLimit).orElse(10);
    return Reply.ok(suggestions.suggest(request.principal().scope(), request.pathParameter("menteeId"), limit));
  }

  private static int suggestionLimit(String raw) {
    try {
      int value = Integer.parseInt(raw);
      if (value >= 1 && value <= MAX_SUGGESTIONS) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below, naming the field
    }
    throw ValidationFailed.of("limit", "must be a whole number between 1 and " + MAX_SUGGESTIONS);
  }

  Reply startRun(ApiRequest request) {
    RunService.Start start = request.hasBody() ? request.body(RunService.Start.class) : new RunService.Start(null, null);
    MatchingRun run = runs.run(request.principal(), start);
    return Reply.created(run).header("location", "/v1/matching/runs/" + run.id());
  }

  Reply getRun(ApiRequest request) {
    return Reply.ok(runs.get(request.principal().scope(), request.pathParameter("runId")));
  }

  Reply proposeMatch(ApiRequest request) {
    MatchView match = matches.propose(request.principal(), request.body(MatchService.Propose.class));
    return Reply.created(match).etag(match.match().version()).header("location", "/v1/matches/" + match.match().id());
  }

  Reply listMatches(ApiRequest request) {
    return Reply.ok(matches.list(request.principal().scope(), request.query("status"), request.query("mentorId"),
        request.query("menteeId"), PageRequest.from(request)));
  }

  Reply getMatch(ApiRequest request) {
    MatchView match = matches.get(request.principal().scope(), request.pathParameter("matchId"));
    return Reply.ok(match).etag(match.match().version());
  }

  Reply decideMatch(ApiRequest request) {
    MatchView match = matches.decide(request.principal(), request.pathParameter("matchId"),
        request.body(MatchService.Decide.class));
    return Reply.ok(match).etag(match.match().version());
  }

  Reply closeMatch(ApiRequest request) {
    MatchView match = matches.close(request.principal(), request.pathParameter("matchId"),
        request.body(MatchService.Close.class));
    return Reply.ok(match).etag(match.match().version());
  }

  Reply withdrawMatch(ApiRequest request) {
    MatchService.Withdraw body = request.hasBody()
        ? request.body(MatchService.Withdraw.class)
        : new MatchService.Withdraw(null);
    MatchView match = matches.withdraw(request.principal(), request.pathParameter("matchId"), body);
    return Reply.ok(match).etag(match.match().version());
  }
}
