package org.tandem.participants;

import java.util.List;
import java.util.Set;
import org.tandem.errors.Checks;
import org.tandem.ids.Ids;

/** What a coordinator or a referring agency knows of a mentee at intake. */
public record MenteeIntake(
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
    Boolean consentGiven,
    List<String> excludedMentorIds) {

  /** An intake without exclusions. */
  public MenteeIntake(String firstName, String lastName, String email, String phone, List<String> languages,
      String preferredLanguage, String city, String province, String nocCode, String naicsCode, Integer clbLevel,
      String immigrationStatus, Boolean internationallyEducated, Boolean jobSearchWorkshopCompleted,
      String careerGoals, List<String> availability, List<String> keywords, String notes, Boolean consentGiven) {
    this(firstName, lastName, email, phone, languages, preferredLanguage, city, province, nocCode, naicsCode,
        clbLevel, immigrationStatus, internationallyEducated, jobSearchWorkshopCompleted, careerGoals, availability,
        keywords, notes, consentGiven, null);
  }

  public static final List<String> IMMIGRATION_STATUSES = List.of("permanent_resident", "convention_refugee",
      "protected_person", "approved_for_immigration", "temporary_resident", "citizen");

  /** The fields a client may send; everything else about a mentee is the server's. */
  public static final Set<String> FIELDS = Set.of("firstName", "lastName", "email", "phone", "languages",
      "preferredLanguage", "city", "province", "nocCode", "naicsCode", "clbLevel", "immigrationStatus",
      "internationallyEducated", "jobSearchWorkshopCompleted", "careerGoals", "availability", "keywords", "notes",
      "consentGiven", "excludedMentorIds");

  /** Every problem with this intake, field names under {@code prefix}. */
  public Checks check(String prefix) {
    Checks checks = Checks.under(prefix);
    PersonChecks.person(checks, firstName, lastName, email, phone, languages, preferredLanguage, city, province,
        nocCode, naicsCode, availability, keywords, notes, consentGiven);
    if (checks.required("clbLevel", clbLevel)) {
      checks.range("clbLevel", clbLevel, 1, 12);
    }
    if (checks.required("immigrationStatus", immigrationStatus)) {
      checks.oneOf("immigrationStatus", immigrationStatus, IMMIGRATION_STATUSES);
    }
    checks.optionalText("careerGoals", careerGoals, 2000);
    if (excludedMentorIds != null) {
      checks.size("excludedMentorIds", excludedMentorIds, 0, 100);
      if (excludedMentorIds.stream().anyMatch(id -> !Ids.isValid(Mentor.ID_PREFIX, id))) {
        checks.problem("excludedMentorIds", "must hold mentor ids");
      }
    }
    return checks;
  }
}
