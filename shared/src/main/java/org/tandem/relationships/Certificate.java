package org.tandem.relationships;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a certificate of completion says: who completed which program with whom, from when to
 * when, and the hours they met, in the mentee's language ({@code en} or {@code fr}).
 */
public record Certificate(
    String language,
    String menteeName,
    String mentorName,
    String programName,
    String format,
    LocalDate startDate,
    LocalDate endDate,
    double hoursMet,
    String matchId,
    LocalDate issuedOn) {

  public Certificate {
    Objects.requireNonNull(language, "language == null");
    Objects.requireNonNull(menteeName, "menteeName == null");
    Objects.requireNonNull(mentorName, "mentorName == null");
    Objects.requireNonNull(programName, "programName == null");
    Objects.requireNonNull(format, "format == null");
    Objects.requireNonNull(startDate, "startDate == null");
    Objects.requireNonNull(endDate, "endDate == null");
    Objects.requireNonNull(matchId, "matchId == null");
    Objects.requireNonNull(issuedOn, "issuedOn == null");
    if (!language.equals("en") && !language.equals("fr")) {
      throw new IllegalArgumentException("language must be en or fr: " + language);
    }
  }
}
