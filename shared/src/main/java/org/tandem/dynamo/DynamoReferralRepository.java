package org.tandem.dynamo;

import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.participants.Mentee;
import org.tandem.participants.Referral;
import org.tandem.participants.ReferralRepository;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** Referrals in the tenant's data table; gsi1 lists each referring key's own. */
public final class DynamoReferralRepository implements ReferralRepository {
  private static final String KIND = "REFERRAL";

  private final DynamoStore store;
  private final DynamoParticipantRepository<Mentee> mentees;

  @Inject
  public DynamoReferralRepository(DynamoStore store, DynamoParticipantRepository<Mentee> mentees) {
    this.store = store;
    this.mentees = mentees;
  }

  private Map<String, AttributeValue> item(TenantScope tenant, Referral referral) {
    Map<String, AttributeValue> item = new HashMap<>(store.codec().toItem(referral));
    item.putAll(DynamoStore.key(DataKeys.collection(tenant, KIND), referral.id()));
    item.put(Tables.GSI1_PK, AttributeValue.fromS(DataKeys.referralsByKey(tenant, referral.referredBy().keyId())));
    item.put(Tables.GSI1_SK, AttributeValue.fromS(referral.id()));
    return item;
  }

  @Override
  public void create(TenantScope tenant, Referral referral, Mentee mentee) {
    String table = store.tables().data(tenant);
    List<TransactWriteItem> items = new ArrayList<>(mentees.createItems(tenant, mentee));
    items.add(TransactWriteItem.builder().put(p -> p.tableName(table)
        .item(item(tenant, referral))
        .conditionExpression("attribute_not_exists(pk)")).build());
    if (store.transact(items) >= 0) {
      throw new IllegalStateException("id collision on " + referral.id());
    }
  }

  @Override
  public Optional<Referral> find(TenantScope tenant, String referralId) {
    return store.get(store.tables().data(tenant), DataKeys.collection(tenant, KIND), referralId, Referral.class);
  }

  @Override
  public Page<Referral> list(TenantScope tenant, PageRequest page) {
    return store.page(store.tables().data(tenant), null, DataKeys.collection(tenant, KIND), page, true,
        item -> store.codec().fromItem(item, Referral.class));
  }

  @Override
  public Page<Referral> listByKey(TenantScope tenant, String keyId, PageRequest page) {
    return store.page(store.tables().data(tenant), Tables.GSI1, DataKeys.referralsByKey(tenant, keyId), page, true,
        item -> store.codec().fromItem(item, Referral.class));
  }

  @Override
  public boolean update(TenantScope tenant, Referral previous, Referral next) {
    TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(store.tables().data(tenant))
        .item(item(tenant, next))
        .conditionExpression("version = :v")
        .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(previous.version()))))).build();
    return store.transact(List.of(put)) < 0;
  }
}
