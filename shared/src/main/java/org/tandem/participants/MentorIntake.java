package org.tandem.participants;

import java.util.List;
import java.util.Set;
import org.tandem.errors.Checks;

/** What a program knows of a volunteer mentor at intake. */
public record MentorIntake(
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
    Integer capacity,
    List<String> availability,
    String expertise,
    List<String> keywords,
    String notes,
    Boolean consentGiven) {

  public static final Set<String> FIELDS = Set.of("firstName", "lastName", "email", "phone", "languages",
      "preferredLanguage", "city", "province", "nocCode", "naicsCode", "yearsCanadianExperience", "employer",
      "jobTitle", "corporatePartner", "capacity", "availability", "expertise", "keywords", "notes", "consentGiven");

  public Checks check() {
    Checks checks = Checks.start();
    PersonChecks.person(checks, firstName, lastName, email, phone, languages, preferredLanguage, city, province,
        nocCode, naicsCode, availability, keywords, notes, consentGiven);
    if (checks.required("yearsCanadianExperience", yearsCanadianExperience)) {
      checks.range("yearsCanadianExperience", yearsCanadianExperience, 0, 70);
    }
    checks.optionalText("employer", employer, 200);
    checks.optionalText("jobTitle", jobTitle, 200);
    if (checks.required("capacity", capacity)) {
      checks.range("capacity", capacity, 1, 10);
    }
    checks.optionalText("expertise", expertise, 2000);
    return checks;
  }
}
