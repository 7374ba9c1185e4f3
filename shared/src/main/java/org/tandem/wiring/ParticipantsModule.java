package org.tandem.wiring;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import jakarta.inject.Singleton;
import org.tandem.dynamo.DynamoParticipantRepository;
import org.tandem.dynamo.DynamoProgramRepository;
import org.tandem.dynamo.DynamoReferralRepository;
import org.tandem.dynamo.DynamoStore;
import org.tandem.participants.Mentee;
import org.tandem.participants.Mentor;
import org.tandem.participants.ParticipantRepository;
import org.tandem.participants.ReferralRepository;
import org.tandem.program.ProgramRepository;

/** Mentees, mentors and referrals, and the program settings screening reads. */
@Module
public abstract class ParticipantsModule {
  private ParticipantsModule() {}

  @Provides
  @Singleton
  static DynamoParticipantRepository<Mentee> dynamoMentees(DynamoStore store) {
    return new DynamoParticipantRepository<>(store, Mentee.class, "MENTEE");
  }

  @Provides
  @Singleton
  static DynamoParticipantRepository<Mentor> dynamoMentors(DynamoStore store) {
    return new DynamoParticipantRepository<>(store, Mentor.class, "MENTOR");
  }

  @Binds
  abstract ParticipantRepository<Mentee> mentees(DynamoParticipantRepository<Mentee> mentees);

  @Binds
  abstract ParticipantRepository<Mentor> mentors(DynamoParticipantRepository<Mentor> mentors);

  @Binds
  abstract ReferralRepository referrals(DynamoReferralRepository referrals);

  @Binds
  abstract ProgramRepository programs(DynamoProgramRepository programs);
}
