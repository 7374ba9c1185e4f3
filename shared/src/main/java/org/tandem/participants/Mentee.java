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
    boolean consentGiven,
    Instant consentedAt,
    String referralId,
    Screening screening,
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
  }

  /** A mentee just taken in, by a coordinator ({@code applied}) or by a referral ({@code referred}). */
  public static Mentee intake(String id, MenteeStatus status, MenteeIntake in, String referralId, Instant now) {
    return new Mentee(id, status, in.firstName().trim(), in.lastName().trim(), in.email().trim(), in.phone(),
        in.languages(), in.preferredLanguage(), in.city(), in.province(), in.nocCode(), in.naicsCode(),
        in.clbLevel(), in.immigrationStatus(), in.internationallyEducated(), in.jobSearchWorkshopCompleted(),
        in.careerGoals(), in.availability(), in.keywords(), in.notes(), true, now, referralId, null, null, now, now,
        1);
  }

  /** The intake fields as they stand, for a partial update to merge into. */
  public MenteeIntake asIntake() {
    return new MenteeIntake(firstName, lastName, email, phone, languages, preferredLanguage, city, province, nocCode,
        naicsCode, clbLevel, immigrationStatus, internationallyEducated, jobSearchWorkshopCompleted, careerGoals,
        availability, keywords, notes, consentGiven);
  }

  public Mentee withIntake(MenteeIntake in, MenteeStatus nextStatus, Instant now) {
    return new Mentee(id, nextStatus, in.firstName().trim(), in.lastName().trim(), in.email().trim(), in.phone(),
        in.languages(), in.preferredLanguage(), in.city(), in.province(), in.nocCode(), in.naicsCode(),
        in.clbLevel(), in.immigrationStatus(), in.internationallyEducated(), in.jobSearchWorkshopCompleted(),
        in.careerGoals(), in.availability(), in.keywords(), in.notes(), consentGiven, consentedAt, referralId,
        screening, erasedAt, createdAt, now, version + 1);
  }

  public Mentee screened(Screening result, Instant now) {
    MenteeStatus next = result.eligible() ? MenteeStatus.ELIGIBLE : MenteeStatus.INELIGIBLE;
    return new Mentee(id, next, firstName, lastName, email, phone, languages, preferredLanguage, city, province,
        nocCode, naicsCode, clbLevel, immigrationStatus, internationallyEducated, jobSearchWorkshopCompleted,
        careerGoals, availability, keywords, notes, consentGiven, consentedAt, referralId, result, erasedAt,
        createdAt, now, version + 1);
  }

  /**
   * The record with every personal field gone. What reports count stays: status, the
   * occupation and industry codes, the province, the language level and the dates.
   */
  public Mentee erased(Instant now) {
    return new Mentee(id, status, null, null, null, null, List.of(), null, null, province, nocCode, naicsCode,
        clbLevel, immigrationStatus, internationallyEducated, jobSearchWorkshopCompleted, null, List.of(), List.of(),
        null, false, consentedAt, referralId, screening == null ? null : new Screening(screening.eligible(),
            List.of(), screening.screenedAt()), now, createdAt, now, version + 1);
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
