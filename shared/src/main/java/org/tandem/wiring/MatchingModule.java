package org.tandem.wiring;

import dagger.Binds;
import dagger.Module;
import org.tandem.dynamo.DynamoMatchRepository;
import org.tandem.dynamo.DynamoRunRepository;
import org.tandem.matching.MatchRepository;
import org.tandem.matching.RunRepository;

/** Matches and cohort runs; participants and settings come from {@link ParticipantsModule}. */
@Module(includes = ParticipantsModule.class)
public abstract class MatchingModule {
  private MatchingModule() {}

  @Binds
  abstract MatchRepository matches(DynamoMatchRepository matches);

  @Binds
  abstract RunRepository runs(DynamoRunRepository runs);
}
