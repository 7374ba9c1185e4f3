package org.tandem.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.tandem.errors.Checks;
import org.tandem.errors.ValidationFailed;
import org.tandem.matching.Match;
import org.tandem.participants.Mentee;

/**
 * What a coordinator reports of a mentee's employment at a checkpoint. {@code employed} lets the
 * NOC codes decide between in field, related and other; a named employed status must agree with
 * them. A job's details belong only to an employed status.
 */
public record EmploymentReport(String status, String employer, String jobTitle, String nocCode,
    LocalDate dateEmployed, String notes) {
  private static final Pattern NOC = Pattern.compile("[0-9]{5}");

  /** The field checks that need nothing but the report, under {@code checks}' prefix. */
  public void check(Checks checks) {
    if (checks.required("status", status)) {
      checks.oneOf("status", status, Employment.ACCEPTED);
    }
    checks.optionalText("employer", employer, 200);
    checks.optionalText("jobTitle", jobTitle, 200);
    checks.matches("nocCode", nocCode, NOC, "a NOC 2021 unit group of 5 digits");
    checks.optionalText("notes", notes, 4000);
    if (status == null || !Employment.ACCEPTED.contains(status)) {
      return;
    }
    if (Employment.isEmployed(status)) {
      checks.required("dateEmployed", dateEmployed);
    } else {
      for (String field : new String[] {"employer", "jobTitle", "nocCode", "dateEmployed"}) {
        Object value = switch (field) {
          case "employer" -> employer;
          case "jobTitle" -> jobTitle;
          case "nocCode" -> nocCode;
          default -> dateEmployed;
        };
        if (value != null) {
          checks.problem(field, "only goes with an employed status, not " + status);
        }
      }
    }
  }

  /**
   * The outcome this report makes for {@code match} at {@code checkpoint}, its status decided by
   * the job's NOC code against the mentee's target. {@code field} prefixes the names of problems.
   */
  public Outcome toOutcome(String id, String prefix, Mentee mentee, Match match, Checkpoint checkpoint,
      LocalDate exit, LocalDate today, String recordedBy, Instant now) {
    String decided = status;
    String target = mentee.nocCode();
    if (Employment.isEmployed(status)) {
      if (nocCode == null && (status.equals("employed") || target != null)) {
        throw ValidationFailed.of(prefix + "nocCode",
            "is required for an employed status: the job's NOC code decides whether it is in the mentee's field");
      }
      if (nocCode != null && target != null) {
        decided = Employment.field(target, nocCode);
        if (!status.equals("employed") && !status.equals(decided)) {
          throw ValidationFailed.of(prefix + "status", "is " + status + ", but a job in NOC " + nocCode
              + " against the target NOC " + target + " is " + decided + "; send employed to let the codes decide");
        }
      }
      if (dateEmployed.isAfter(today)) {
        throw ValidationFailed.of(prefix + "dateEmployed", "must not be in the future");
      }
    }
    Integer days = dateEmployed == null || match.startDate() == null
        ? null
        : (int) Math.max(0, ChronoUnit.DAYS.between(match.startDate(), dateEmployed));
    return new Outcome(id, mentee.id(), match.id(), checkpoint.wireName(), checkpoint.dueOn(exit), decided,
        trim(employer), trim(jobTitle), nocCode, target, dateEmployed, days, notes, recordedBy, now, now, 1);
  }

  private static String trim(String text) {
    return text == null ? null : text.trim();
  }
}
