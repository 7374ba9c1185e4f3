package org.tandem.functions.relationships;

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
import org.tandem.relationships.CertificateRenderer;
import org.tandem.relationships.EventsApi;
import org.tandem.relationships.RelationshipsApi;
import org.tandem.wiring.AccessModule;
import org.tandem.wiring.CoreModule;
import org.tandem.wiring.RelationshipsModule;
import org.tandem.wiring.TandemConfig;

/** The relationships function: goals, meetings, check-ins, certificates, outcomes, follow-ups and events. */
@Singleton
@Component(modules = {CoreModule.class, AccessModule.class, RelationshipsModule.class,
    RelationshipsComponent.Routes.class})
public interface RelationshipsComponent {
  HttpFunction http();

  CertificateRenderer certificates();

  @Component.Factory
  interface Factory {
    RelationshipsComponent create(@BindsInstance TandemConfig config);
  }

  static RelationshipsComponent create(TandemConfig config) {
    return DaggerRelationshipsComponent.factory().create(config);
  }

  /** The function's routes, behind the shared HTTP plumbing, and the PDF certificates. */
  @Module
  final class Routes {
    private Routes() {}

    @Provides
    @Singleton
    static CertificateRenderer certificates() {
      return new PdfCertificates();
    }

    @Provides
    @Singleton
    static HttpFunction http(RelationshipsApi relationships, EventsApi events, ObjectMapper mapper, AccessGuard guard,
        IdempotencyStore idempotency) {
      List<Route> routes = new ArrayList<>(relationships.routes());
      routes.addAll(events.routes());
      return new HttpFunction(new Router(routes), mapper, guard, idempotency);
    }
  }
}
