package org.tandem.wiring;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.tandem.dynamo.DynamoClients;
import org.tandem.dynamo.DynamoStore;
import org.tandem.dynamo.ItemCodec;
import org.tandem.dynamo.Tables;
import org.tandem.ids.Ids;
import org.tandem.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What every function needs: JSON, time, ids and the DynamoDB client. */
@Module
public final class CoreModule {
  private CoreModule() {}

  @Provides
  @Singleton
  static ObjectMapper mapper() {
    return Json.shared();
  }

  @Provides
  static Clock clock(TandemConfig config) {
    return config.clock();
  }

  @Provides
  @Singleton
  static Ids ids(Clock clock) {
    return new Ids(clock);
  }

  @Provides
  @Singleton
  static DynamoDbClient dynamo(TandemConfig config) {
    return config.sharedClient() != null
        ? config.sharedClient()
        : DynamoClients.create(config.dynamo(), config.credentials());
  }

  @Provides
  @Singleton
  static Tables tables(TandemConfig config) {
    return new Tables(config.dynamo());
  }

  @Provides
  @Singleton
  static DynamoStore store(DynamoDbClient client, ObjectMapper mapper, Tables tables) {
    return new DynamoStore(client, new ItemCodec(mapper), tables);
  }
}
