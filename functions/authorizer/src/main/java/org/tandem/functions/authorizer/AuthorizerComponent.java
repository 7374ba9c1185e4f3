package org.tandem.functions.authorizer;

import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.tandem.auth.AuthorizerFunction;
import org.tandem.wiring.AccessModule;
import org.tandem.wiring.CoreModule;
import org.tandem.wiring.TandemConfig;

/** The authorizer: an API key in, who it speaks for out. */
@Singleton
@Component(modules = {CoreModule.class, AccessModule.class})
public interface AuthorizerComponent {
  AuthorizerFunction authorizer();

  @Component.Factory
  interface Factory {
    AuthorizerComponent create(@BindsInstance TandemConfig config);
  }

  static AuthorizerComponent create(TandemConfig config) {
    return DaggerAuthorizerComponent.factory().create(config);
  }
}
