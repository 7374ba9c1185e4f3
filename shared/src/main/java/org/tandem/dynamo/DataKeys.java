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

  /** The partition of one kind of a match's records, e.g. {@code criec#MATCH#mat_...#GOAL}. */
  public static String ofMatch(TenantScope tenant, String matchId, String kind) {
    return tenant.key("MATCH#" + matchId + "#" + kind);
  }

  /** The partition of one mentee's employment outcomes. */
  public static String outcomesOf(TenantScope tenant, String menteeId) {
    return tenant.key("MENTEE#" + menteeId + "#OUTCOME");
  }

  /** The partition of the follow-ups, and the index partitions of the open and the scheduled ones. */
  public static String followUps(TenantScope tenant) {
    return tenant.key("FOLLOWUP");
  }

  public static String followUpsIn(TenantScope tenant, String state) {
    return tenant.key("FOLLOWUP#" + state);
  }

  /** The partition marking, per match, the first employment reported (counted once in the histogram). */
  public static String employments(TenantScope tenant) {
    return tenant.key("EMPLOYMENT");
  }

  /** The index partition of the events of one kind, e.g. {@code criec#EVENT#workshop}. */
  public static String eventsOfKind(TenantScope tenant, String kind) {
    return tenant.key("EVENT#" + kind);
  }

  /** The partition of one event's attendance records, e.g. {@code criec#EVENT#evt_...#ATTENDANCE}. */
  public static String attendanceOf(TenantScope tenant, String eventId) {
    return tenant.key("EVENT#" + eventId + "#ATTENDANCE");
  }

  /** The index partition of the events of one mentor or one mentee, e.g. {@code criec#MENTEE#mte_...#EVENT}. */
  public static String eventsOf(TenantScope tenant, String kind, String participantId) {
    return tenant.key(kind + "#" + participantId + "#EVENT");
  }

  /** A sort key that lists by date, then id: {@code 2026-11-20#evt_...}. */
  public static String dated(java.time.LocalDate date, String id) {
    return date + "#" + id;
  }

  public static String program(TenantScope tenant) {
    return tenant.key("PROGRAM");
  }

  public static String counters(TenantScope tenant) {
    return tenant.key("COUNTERS");
  }
}
