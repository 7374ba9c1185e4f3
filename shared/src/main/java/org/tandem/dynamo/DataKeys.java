package org.tandem.dynamo;

import org.tandem.tenancy.TenantScope;

/** The key shapes of a tenant's data table, written in this one place. Every one starts with the tenant id. */
public final class DataKeys {
  private DataKeys() {}

  /** The partition holding all of one kind of entity, e.g. {@code criec#MENTEE}. */
  public static String collection(TenantScope tenant, String kind) {
    return tenant.key(kind);
  }

  /** The index partition of one kind in one status, e.g. {@code criec#MENTEE#ready}. */
  public static String byStatus(TenantScope tenant, String kind, String status) {
    return tenant.key(kind + "#" + status);
  }

  /** The index partition of the referrals made with one key. */
  public static String referralsByKey(TenantScope tenant, String keyId) {
    return tenant.key("REFERRAL#KEY#" + keyId);
  }

  /** The index partition of the matches of one mentor or one mentee, e.g. {@code criec#MENTOR#mtr_...#MATCH}. */
  public static String matchesOf(TenantScope tenant, String kind, String participantId) {
    return tenant.key(kind + "#" + participantId + "#MATCH");
  }

  public static String program(TenantScope tenant) {
    return tenant.key("PROGRAM");
  }

  public static String counters(TenantScope tenant) {
    return tenant.key("COUNTERS");
  }
}
