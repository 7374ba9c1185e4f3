package org.tandem.relationships;

import java.util.List;

/**
 * Employment statuses, and whether a job is in the mentee's field, decided by the job's NOC 2021
 * code against the occupation the mentee aims for rather than by anyone's impression.
 */
public final class Employment {
  public static final List<String> STATUSES =
      List.of("employed_in_field", "employed_related", "employed_other", "in_school", "seeking", "unknown");
  /** What a caller may send: a status, or {@code employed} to let the NOC codes decide which. */
  public static final List<String> ACCEPTED = List.of("employed", "employed_in_field", "employed_related",
      "employed_other", "in_school", "seeking", "unknown");

  private Employment() {}

  public static boolean isEmployed(String status) {
    return status.startsWith("employed");
  }

  /**
   * How close a job is to the target occupation, by their NOC 2021 codes. In field: the same
   * minor group (the first four digits; 21300 civil and 21301 mechanical engineers). Related:
   * the same broad occupational category (the first digit; 21300 civil engineer and 22300 civil
   * engineering technologist, 31301 registered nurse and 32101 licensed practical nurse).
   * Anything else is other.
   */
  public static String field(String targetNoc, String jobNoc) {
    if (targetNoc.regionMatches(0, jobNoc, 0, 4)) {
      return "employed_in_field";
    }
    return targetNoc.charAt(0) == jobNoc.charAt(0) ? "employed_related" : "employed_other";
  }
}
