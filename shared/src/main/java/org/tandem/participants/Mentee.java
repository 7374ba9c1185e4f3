package org.tandem.participants;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A newcomer looking for work in their field, as the program holds them. */
public record Mentee(
    String id,
    MenteeStatus status,
    String firstName,
    String lastName,
    String email,
    String phone,
    List<String> languages,
    String preferredLanguage,
    String city,
    String province,
    String nocCode,
    String naicsCode,
    Integer clbLevel,
    String immigrationStatus,
    Boolean internationallyEducated,
    Boolean jobSearchWorkshopCompleted,
    String careerGoals,
    List<String> availability,
    List<String> keywords,
    String notes,
    List<String> excludedMentorIds,
    boolean consentGiven,
    Instant consentedAt,
    String referralId,
    Screening screening,
    int activeMatches,
    String activeOneOnOneMatchId,
    Instant erasedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) implements Participant {

  public static final String ID_PREFIX = "mte";

  public Mentee {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(status, "status == null");
    languages = languages == null ? List.of() : List.copyOf(languages);
    availability = availability == null ? List.of() : List.copyOf(availability);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
    excludedMentorIds = excludedMentorIds == null ? List.of() : List.copyOf(excludedMentorIds);
  }

  /** A mentee with no exclusions and no matches. */
  public Mentee(String id, MenteeStatus status, String firstName, String lastName, String email, String phone,
      List<String> languages, String preferredLanguage, String city, String province, String nocCode,
      String naicsCode, Integer clbLevel, String immigrationStatus, Boolean internationallyEducated,
      Boolean jobSearchWorkshopCompleted, String careerGoals, List<String> availability, List<String> keywords,
      String notes, boolean consentGiven, Instant consentedAt, String referralId, Screening screening,
      Instant erasedAt, Instant createdAt, Instant updatedAt, long version) {
    this(id, status, firstName, lastName, email, phone, languages, preferredLanguage, city, province, nocCode,
        naicsCode, clbLevel, immigrationStatus, internationallyEducated, jobSearchWorkshopCompleted, careerGoals,
        availability, keywords, notes, List.of(), consentGiven, consentedAt, referralId, screening, 0, null,
        erasedAt, createdAt, updatedAt, version);
  }

  /** A mentee just taken in, by a coordinator ({@code applied}) or by a referral ({@code referred}). */
  public static Mentee intake(String id, MenteeStatus status, MenteeIntake in, String referralId, Instant now) {
    return new Mentee(id, status, in.firstName().trim(), in.lastName().trim(), in.email().trim(), in.phone(),
        in.languages(), in.preferredLanguage(), in.city(), in.province(), in.nocCode(), in.naicsCode(),
        in.clbLevel(), in.immigrationStatus(), in.internationallyEducated(), in.jobSearchWorkshopCompleted(),
        in.careerGoals(), in.availability(), in.keywords(), in.notes(), in.excludedMentorIds(), true, now, referralId,
        null, 0, null, null, now, now, 1);
  }

  /** The intake fields as they stand, for a partial update to merge into. */
  public MenteeIntake asIntake() {
    return new MenteeIntake(firstName, lastName, email, phone, languages, preferredLanguage, city, province, nocCode,
        naicsCode, clbLevel, immigrationStatus, internationallyEducated, jobSearchWorkshopCompleted, careerGoals,
        availability, keywords, notes, consentGiven, excludedMentorIds);
  }

  public Mentee withIntake(MenteeIntake in, MenteeStatus nextStatus, Instant now) {
    return new Mentee(id, nextStatus, in.firstName().trim(), in.lastName().trim(), in.email().trim(), in.phone(),
        in.languages(), in.preferredLanguage(), in.city(), in.province(), in.nocCode(), in.naicsCode(),
        in.clbLevel(), in.immigrationStatus(), in.internationallyEducated(), in.jobSearchWorkshopCompleted(),
        in.careerGoals(), in.availability(), in.keywords(), in.notes(), in.excludedMentorIds(), consentGiven,
        consentedAt, referralId, screening, activeMatches, activeOneOnOneMatchId, erasedAt, createdAt, now,
        version + 1);
  }

  public Mentee screened(Screening result, Instant now) {
    MenteeStatus next = result.eligible() ? MenteeStatus.ELIGIBLE : MenteeStatus.INELIGIBLE;
    return new Mentee(id, next, firstName, lastName, email, phone, languages, preferredLanguage, city, province,
        nocCode, naicsCode, clbLevel, immigrationStatus, internationallyEducated, jobSearchWorkshopCompleted,
        careerGoals, availability, keywords, notes, excludedMentorIds, consentGiven, consentedAt, referralId, result,
        activeMatches, activeOneOnOneMatchId, erasedAt, createdAt, now, version + 1);
  }

  /**
   * The record with every personal field gone. What reports count stays: status, the
   * occupation and industry codes, the province, the language level and the dates.
   */
  public Mentee erased(Instant now) {
    return new Mentee(id, status, null, null, null, null, List.of(), null, null, province, nocCode, naicsCode,
        clbLevel, immigrationStatus, internationallyEducated, jobSearchWorkshopCompleted, null, List.of(), List.of(),
        null, excludedMentorIds, false, consentedAt, referralId, screening == null ? null
            : new Screening(screening.eligible(), List.of(), screening.screenedAt()),
        activeMatches, activeOneOnOneMatchId, now, createdAt, now, version + 1);
  }

  /** A match of this mentee became active: {@code matched}, and holding its one-on-one if it is one. */
  public Mentee matchStarted(String matchId, boolean oneOnOne, Instant now) {
    return withMatches(MenteeStatus.MATCHED, activeMatches + 1, oneOnOne ? matchId : activeOneOnOneMatchId, now);
  }

  /**
   * A match of this mentee closed. With no active match left, the reason decides where the mentee
   * stands: objectives met or term ended, {@code completed}; withdrawn, {@code withdrawn}; a
   * mismatch, {@code ready} to be matched again.
   */
  public Mentee matchEnded(String matchId, String reason, Instant now) {
    int remaining = Math.max(0, activeMatches - 1);
    MenteeStatus next = status;
    if (remaining == 0 && status == MenteeStatus.MATCHED) {
      next = switch (reason) {
        case "objectives_met", "term_ended" -> MenteeStatus.COMPLETED;
        case "withdrawn" -> MenteeStatus.WITHDRAWN;
        default -> MenteeStatus.READY;
      };
    }
    return withMatches(next, remaining, matchId.equals(activeOneOnOneMatchId) ? null : activeOneOnOneMatchId, now);
  }

  private Mentee withMatches(MenteeStatus next, int active, String oneOnOne, Instant now) {
    return new Mentee(id, next, firstName, lastName, email, phone, languages, preferredLanguage, city, province,
        nocCode, naicsCode, clbLevel, immigrationStatus, internationallyEducated, jobSearchWorkshopCompleted,
        careerGoals, availability, keywords, notes, excludedMentorIds, consentGiven, consentedAt, referralId,
        screening, active, oneOnOne, erasedAt, createdAt, now, version + 1);
  }

  /** The facts eligibility rules test. */
  public Map<String, Object> eligibilityFacts() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("clbLevel", clbLevel);
    facts.put("immigrationStatus", immigrationStatus);
    facts.put("province", province);
    facts.put("city", city);
    facts.put("internationallyEducated", internationallyEducated);
    facts.put("jobSearchWorkshopCompleted", jobSearchWorkshopCompleted);
    facts.put("nocCode", nocCode);
    facts.put("naicsCode", naicsCode);
    facts.put("languages", languages);
    facts.put("preferredLanguage", preferredLanguage);
    return facts;
  }

  @Override
  public String statusName() {
    return status.wireName();
  }
}
