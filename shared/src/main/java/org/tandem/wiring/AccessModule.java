package org.tandem.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import org.tandem.auth.CredentialLookup;
import org.tandem.auth.LiveKeyGuard;
import org.tandem.auth.OperatorKey;
import org.tandem.dynamo.DynamoCredentialLookup;
import org.tandem.dynamo.DynamoIdempotencyStore;
import org.tandem.dynamo.DynamoKeyRepository;
import org.tandem.http.AccessGuard;
import org.tandem.http.IdempotencyStore;
import org.tandem.tenancy.KeyRepository;

/** Keys, the live-key check and idempotency: the plumbing every HTTP function shares. */
@Module
public abstract class AccessModule {
  private AccessModule() {}

  @Binds
  abstract CredentialLookup credentials(DynamoCredentialLookup lookup);

  @Binds
  abstract AccessGuard guard(LiveKeyGuard guard);

  @Binds
  abstract IdempotencyStore idempotency(DynamoIdempotencyStore store);

  @Binds
  abstract KeyRepository keys(DynamoKeyRepository keys);

  @Provides
  static OperatorKey operatorKey(TandemConfig config) {
    if (config.operatorKey() == null) {
      throw new IllegalStateException("no operator key configured: set TANDEM_OPERATOR_KEY_SHA256");
    }
    return config.operatorKey();
  }
}
