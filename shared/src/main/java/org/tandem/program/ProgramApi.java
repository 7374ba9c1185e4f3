package org.tandem.program;

import static org.tandem.auth.Role.ADMIN;
import static org.tandem.auth.Role.COORDINATOR;
import static org.tandem.http.Route.roles;

import jakarta.inject.Inject;
import java.util.List;
import org.tandem.http.ApiRequest;
import org.tandem.http.Reply;
import org.tandem.http.Route;

/** {@code /v1/program}: the program's settings. */
public final class ProgramApi {
  private final ProgramService program;

  @Inject
  public ProgramApi(ProgramService program) {
    this.program = program;
  }

  public List<Route> routes() {
    return List.of(
        Route.get("/v1/program", roles(ADMIN, COORDINATOR), this::getProgram),
        Route.put("/v1/program", roles(ADMIN), this::replaceProgram));
  }

  Reply getProgram(ApiRequest request) {
    ProgramSettings settings = program.get(request.principal().scope());
    return Reply.ok(settings).etag(settings.version());
  }

  Reply replaceProgram(ApiRequest request) {
    ProgramSettings settings = program.replace(request.principal().scope(),
        request.body(ProgramService.Replace.class), request.ifMatch());
    return Reply.ok(settings).etag(settings.version());
  }
}
