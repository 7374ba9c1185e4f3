package org.tandem.functions.participants;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.tandem.http.AccessGuard;
import org.tandem.http.HttpFunction;
import org.tandem.http.IdempotencyStore;
import org.tandem.http.Router;
import org.tandem.participants.ParticipantsApi;
import org.tandem.wiring.AccessModule;
import org.tandem.wiring.CoreModule;
import org.tandem.wiring.RelationshipsModule;
import org.tandem.wiring.TandemConfig;

/** The participants function: mentees, mentors, screening, referrals, export and erasure. */
@Singleton
@Component(modules = {CoreModule.class, AccessModule.class, RelationshipsModule.class,
    ParticipantsComponent.Routes.class})
public interface ParticipantsComponent {
  HttpFunction http();

  @Component.Factory
  interface Factory {
    ParticipantsComponent create(@BindsInstance TandemConfig config);
  }

  static ParticipantsComponent create(TandemConfig config) {
    return DaggerParticipantsComponent.factory().create(config);
  }

  /** The function's routes, behind the shared HTTP plumbing. */
  @Module
  final class Routes {
    private Routes() {}

    @Provides
    @Singleton
    static HttpFunction http(ParticipantsApi api, ObjectMapper mapper, AccessGuard guard,
        IdempotencyStore idempotency) {
      return new HttpFunction(new Router(api.routes()), mapper, guard, idempotency);
    }
  }
}
