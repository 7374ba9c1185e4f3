package org.tandem.relationships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A mentee's employment status at one checkpoint of one match's follow-up: at exit or months
 * after. {@code targetNocCode} is the occupation the mentee aimed for when it was recorded, so
 * "in field" stays explainable after the mentee's record changes or is erased.
 */
public record Outcome(
    String id,
    String menteeId,
    String matchId,
    String checkpoint,
    LocalDate checkpointDate,
    String status,
    String employer,
    String jobTitle,
    String nocCode,
    String targetNocCode,
    LocalDate dateEmployed,
    Integer daysToEmployment,
    String notes,
    String recordedBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String ID_PREFIX = "out";

  public Outcome {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(menteeId, "menteeId == null");
    Objects.requireNonNull(matchId, "matchId == null");
    Objects.requireNonNull(checkpoint, "checkpoint == null");
    Objects.requireNonNull(checkpointDate, "checkpointDate == null");
    Objects.requireNonNull(status, "status == null");
  }

  public boolean employed() {
    return Employment.isEmployed(status);
  }

  /** The same checkpoint answered again: a correction, one version on. */
  public Outcome replacedBy(Outcome next, Instant now) {
    return new Outcome(id, menteeId, matchId, checkpoint, checkpointDate, next.status, next.employer, next.jobTitle,
        next.nocCode, next.targetNocCode, next.dateEmployed, next.daysToEmployment, next.notes, next.recordedBy,
        createdAt, now, version + 1);
  }

  /** The outcome with its personal details (employer, job title, notes) blanked; the counts stay. */
  public Outcome erased(Instant now) {
    return new Outcome(id, menteeId, matchId, checkpoint, checkpointDate, status, null, null, nocCode, targetNocCode,
        dateEmployed, daysToEmployment, null, recordedBy, createdAt, now, version + 1);
  }
}
