package org.tandem.functions.followups;

import com.fasterxml.jackson.databind.ObjectMapper;
import dagger.BindsInstance;
import dagger.Component;
import jakarta.inject.Singleton;
import org.tandem.relationships.FollowUpRun;
import org.tandem.wiring.CoreModule;
import org.tandem.wiring.RelationshipsModule;
import org.tandem.wiring.TandemConfig;

/** The follow-ups function: the daily run that makes scheduled follow-ups due. */
@Singleton
@Component(modules = {CoreModule.class, RelationshipsModule.class})
public interface FollowupsComponent {
  FollowUpRun run();

  ObjectMapper mapper();

  @Component.Factory
  interface Factory {
    FollowupsComponent create(@BindsInstance TandemConfig config);
  }

  static FollowupsComponent create(TandemConfig config) {
    return DaggerFollowupsComponent.factory().create(config);
  }
}
