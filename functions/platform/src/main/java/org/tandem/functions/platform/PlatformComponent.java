package org.tandem.functions.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.tandem.http.AccessGuard;
import org.tandem.http.HttpFunction;
import org.tandem.http.IdempotencyStore;
import org.tandem.http.Route;
import org.tandem.http.Router;
import org.tandem.program.ProgramApi;
import org.tandem.tenancy.TenantsApi;
import org.tandem.wiring.AccessModule;
import org.tandem.wiring.CoreModule;
import org.tandem.wiring.PlatformModule;
import org.tandem.wiring.TandemConfig;

/** The platform function: tenants, keys and program settings. */
@Singleton
@Component(modules = {CoreModule.class, AccessModule.class, PlatformModule.class, PlatformComponent.Routes.class})
public interface PlatformComponent {
  HttpFunction http();

  @Component.Factory
  interface Factory {
    PlatformComponent create(@BindsInstance TandemConfig config);
  }

  static PlatformComponent create(TandemConfig config) {
    return DaggerPlatformComponent.factory().create(config);
  }

  /** The function's routes, behind the shared HTTP plumbing. */
  @Module
  final class Routes {
    private Routes() {}

    @Provides
    @Singleton
    static HttpFunction http(TenantsApi tenants, ProgramApi program, ObjectMapper mapper, AccessGuard guard,
        IdempotencyStore idempotency) {
      List<Route> routes = new ArrayList<>(tenants.routes());
      routes.addAll(program.routes());
      return new HttpFunction(new Router(routes), mapper, guard, idempotency);
    }
  }
}
