package org.tandem.participants;

import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.tenancy.TenantScope;

/** Referrals of one tenant, listed all together or per referring key. */
public interface ReferralRepository {
  /** Stores the referral and its new mentee together, with the counters. */
  void create(TenantScope tenant, Referral referral, Mentee mentee);

  Optional<Referral> find(TenantScope tenant, String referralId);

  /** Newest first. */
  Page<Referral> list(TenantScope tenant, PageRequest page);

  /** Newest first, those made with one key. */
  Page<Referral> listByKey(TenantScope tenant, String keyId, PageRequest page);

  boolean update(TenantScope tenant, Referral previous, Referral next);
}
