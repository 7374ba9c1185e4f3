package org.tandem.functions.matching;

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
import org.tandem.matching.MatchingApi;
import org.tandem.wiring.AccessModule;
import org.tandem.wiring.CoreModule;
import org.tandem.wiring.MatchingModule;
import org.tandem.wiring.TandemConfig;

/** The matching function: suggestions, cohort runs and the match lifecycle. */
@Singleton
@Component(modules = {CoreModule.class, AccessModule.class, MatchingModule.class, MatchingComponent.Routes.class})
public interface MatchingComponent {
  HttpFunction http();

  @Component.Factory
  interface Factory {
    MatchingComponent create(@BindsInstance TandemConfig config);
  }

  static MatchingComponent create(TandemConfig config) {
    return DaggerMatchingComponent.factory().create(config);
  }

  /** The function's routes, behind the shared HTTP plumbing. */
  @Module
  final class Routes {
    private Routes() {}

    @Provides
    @Singleton
    static HttpFunction http(MatchingApi api, ObjectMapper mapper, AccessGuard guard, IdempotencyStore idempotency) {
      return new HttpFunction(new Router(api.routes()), mapper, guard, idempotency);
    }
  }
}
