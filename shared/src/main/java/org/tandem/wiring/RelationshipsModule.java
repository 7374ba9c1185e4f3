package org.tandem.wiring;

import dagger.Binds;
import dagger.Module;
import org.tandem.dynamo.DynamoEventRepository;
import org.tandem.dynamo.DynamoFollowUpRepository;
import org.tandem.dynamo.DynamoOutcomeRepository;
import org.tandem.dynamo.DynamoRelationshipRepository;
import org.tandem.dynamo.DynamoTenantRepository;
import org.tandem.participants.PersonalRecords;
import org.tandem.relationships.EventRepository;
import org.tandem.relationships.FollowUpRepository;
import org.tandem.relationships.OutcomeRepository;
import org.tandem.relationships.RelationshipRecords;
import org.tandem.relationships.RelationshipRepository;
import org.tandem.tenancy.TenantRepository;

/** Goals, meetings, check-ins, outcomes, follow-ups and events, over the matches of {@link MatchingModule}. */
@Module(includes = MatchingModule.class)
public abstract class RelationshipsModule {
  private RelationshipsModule() {}

  @Binds
  abstract RelationshipRepository relationships(DynamoRelationshipRepository relationships);

  @Binds
  abstract EventRepository events(DynamoEventRepository events);

  @Binds
  abstract OutcomeRepository outcomes(DynamoOutcomeRepository outcomes);

  @Binds
  abstract FollowUpRepository followUps(DynamoFollowUpRepository followUps);

  /** A person's matches, outcomes and attendance, for their export and erasure. */
  @Binds
  abstract PersonalRecords personalRecords(RelationshipRecords records);

  /** The program's name, for its certificates. */
  @Binds
  abstract TenantRepository tenants(DynamoTenantRepository tenants);
}
