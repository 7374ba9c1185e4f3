package org.tandem.participants;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A volunteer professional who mentors newcomers, with how many mentees they take at once
 * ({@code capacity}) and how many they have now ({@code activeMentees}).
 */
public record Mentor(
    String id,
    MentorStatus status,
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
    Integer yearsCanadianExperience,
    String employer,
    String jobTitle,
    Boolean corporatePartner,
    int capacity,
    int activeMentees,
    List<String> availability,
    String expertise,
    List<String> keywords,
    String notes,
    boolean consentGiven,
    Instant consentedAt,
    Screening screening,
    Instant erasedAt,
    Instant createdAt,
    Instant updatedAt,
    long version) implements Participant {

  public static final String ID_PREFIX = "mtr";

  public Mentor {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(status, "status == null");
    languages = languages == null ? List.of() : List.copyOf(languages);
    availability = availability == null ? List.of() : List.copyOf(availability);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  public static Mentor intake(String id, MentorIntake in, Instant now) {
    return new Mentor(id, MentorStatus.APPLIED, in.firstName().trim(), in.lastName().trim(), in.email().trim(),
        in.phone(), in.languages(), in.preferredLanguage(), in.city(), in.province(), in.nocCode(), in.naicsCode(),
        in.yearsCanadianExperience(), in.employer(), in.jobTitle(), in.corporatePartner(), in.capacity(), 0,
        in.availability(), in.expertise(), in.keywords(), in.notes(), true, now, null, null, now, now, 1);
  }

  public MentorIntake asIntake() {
    return new MentorIntake(firstName, lastName, email, phone, languages, preferredLanguage, city, province, nocCode,
        naicsCode, yearsCanadianExperience, employer, jobTitle, corporatePartner, capacity, availability, expertise,
        keywords, notes, consentGiven);
  }

  public Mentor withIntake(MentorIntake in, MentorStatus nextStatus, Instant now) {
    return new Mentor(id, nextStatus, in.firstName().trim(), in.lastName().trim(), in.email().trim(), in.phone(),
        in.languages(), in.preferredLanguage(), in.city(), in.province(), in.nocCode(), in.naicsCode(),
        in.yearsCanadianExperience(), in.employer(), in.jobTitle(), in.corporatePartner(), in.capacity(),
        activeMentees, in.availability(), in.expertise(), in.keywords(), in.notes(), consentGiven, consentedAt,
        screening, erasedAt, createdAt, now, version + 1);
  }

  public Mentor screened(Screening result, Instant now) {
    MentorStatus next = result.eligible() ? MentorStatus.ELIGIBLE : MentorStatus.INELIGIBLE;
    return new Mentor(id, next, firstName, lastName, email, phone, languages, preferredLanguage, city, province,
        nocCode, naicsCode, yearsCanadianExperience, employer, jobTitle, corporatePartner, capacity, activeMentees,
        availability, expertise, keywords, notes, consentGiven, consentedAt, result, erasedAt, createdAt, now,
        version + 1);
  }

  /** The record with every personal field gone; status, codes, capacity and dates stay for the counts. */
  public Mentor erased(Instant now) {
    return new Mentor(id, status, null, null, null, null, List.of(), null, null, province, nocCode, naicsCode,
        yearsCanadianExperience, null, null, corporatePartner, capacity, activeMentees, List.of(), null, List.of(),
        null, false, consentedAt, screening == null ? null : new Screening(screening.eligible(), List.of(),
            screening.screenedAt()), now, createdAt, now, version + 1);
  }

  public Map<String, Object> eligibilityFacts() {
    Map<String, Object> facts = new HashMap<>();
    facts.put("yearsCanadianExperience", yearsCanadianExperience);
    facts.put("capacity", capacity);
    facts.put("province", province);
    facts.put("city", city);
    facts.put("corporatePartner", corporatePartner);
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
