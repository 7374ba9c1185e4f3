package org.tandem.participants;

import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.tandem.errors.Checks;

/** Checks for the fields mentees and mentors share. */
final class PersonChecks {
  static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
  static final Pattern NOC = Pattern.compile("[0-9]{5}");
  static final Pattern NAICS = Pattern.compile("[0-9]{2,6}");
  static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{7,20}");
  static final List<String> PROVINCES =
      List.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT");
  static final List<String> SERVICE_LANGUAGES = List.of("en", "fr");
  static final List<String> AVAILABILITY =
      List.of("weekday_mornings", "weekday_afternoons", "weekday_evenings", "weekends");

  private PersonChecks() {}

  static void person(Checks checks, String firstName, String lastName, String email, String phone,
      List<String> languages, String preferredLanguage, String city, String province, String nocCode,
      String naicsCode, List<String> availability, List<String> keywords, String notes, Boolean consentGiven) {
    checks.text("firstName", firstName, 100);
    checks.text("lastName", lastName, 100);
    if (checks.required("email", email)) {
      checks.matches("email", email, EMAIL, "an email address");
      if (email.length() > 254) {
        checks.problem("email", "must be at most 254 characters");
      }
    }
    checks.matches("phone", phone, PHONE, "a phone number");
    if (checks.required("languages", languages)) {
      checks.size("languages", languages, 1, 10);
      if (languages.stream().anyMatch(l -> l == null || !LANGUAGE.matcher(l).matches())) {
        checks.problem("languages", "must be two-letter ISO 639-1 codes, e.g. en, fr, ro");
      } else if (new HashSet<>(languages).size() != languages.size()) {
        checks.problem("languages", "must not repeat a language");
      }
    }
    if (checks.required("preferredLanguage", preferredLanguage)) {
      checks.oneOf("preferredLanguage", preferredLanguage, SERVICE_LANGUAGES);
    }
    checks.optionalText("city", city, 100);
    checks.oneOf("province", province, PROVINCES);
    if (checks.required("nocCode", nocCode)) {
      checks.matches("nocCode", nocCode, NOC, "a NOC 2021 unit group of 5 digits");
    }
    checks.matches("naicsCode", naicsCode, NAICS, "a NAICS code of 2 to 6 digits");
    if (availability != null && (availability.size() > AVAILABILITY.size()
        || availability.stream().anyMatch(a -> a == null || !AVAILABILITY.contains(a))
        || new HashSet<>(availability).size() != availability.size())) {
      checks.problem("availability", "must be distinct values among " + String.join(", ", AVAILABILITY));
    }
    if (keywords != null) {
      checks.size("keywords", keywords, 0, 30);
      if (keywords.stream().anyMatch(k -> k == null || k.isBlank() || k.length() > 60)) {
        checks.problem("keywords", "must be non-blank words of at most 60 characters");
      }
    }
    checks.optionalText("notes", notes, 4000);
    if (!Boolean.TRUE.equals(consentGiven)) {
      checks.problem("consentGiven", "must be true: intake needs the person's consent");
    }
  }
}
