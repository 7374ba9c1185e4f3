package org.tandem.matching;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A mentee and a mentor brought together: proposed by the machine or a coordinator, accepted by
 * both, active for the program's term, then closed. The progress counters are kept by the
 * relationship's meetings, goals and check-ins.
 */
public record Match(
    String id,
    MatchStatus status,
    String menteeId,
    String mentorId,
    String format,
    String runId,
    Integer score,
    Map<String, Integer> breakdown,
    Decision mentorDecision,
    Decision menteeDecision,
    LocalDate startDate,
    LocalDate plannedEndDate,
    int targetMinutes,
    int checkinIntervalDays,
    int minutesMet,
    int meetings,
    int goalsTotal,
    int goalsAchieved,
    Instant lastCheckinAt,
    List<String> nextContacts,
    Ending ending,
    String proposedBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String ID_PREFIX = "mat";
  public static final List<String> FORMATS = List.of("one_on_one", "group", "connector", "employer_hosted");
  public static final List<String> CLOSURE_REASONS = List.of("objectives_met", "term_ended", "withdrawn", "mismatch");

  public Match {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(status, "status == null");
    Objects.requireNonNull(menteeId, "menteeId == null");
    Objects.requireNonNull(mentorId, "mentorId == null");
    Objects.requireNonNull(format, "format == null");
    breakdown = Scoring.inCriterionOrder(breakdown);
    nextContacts = nextContacts == null ? List.of() : List.copyOf(nextContacts);
  }

  /** One party's answer to the proposal. */
  public record Decision(String decision, Instant at, String recordedBy) {}

  /** How the match ended: declined, withdrawn or closed, why, when and by whom. */
  public record Ending(String reason, String notes, Instant at, String recordedBy) {}

  public static Match proposed(String id, String menteeId, String mentorId, String format, String runId,
      Integer score, Map<String, Integer> breakdown, String proposedBy, Instant now) {
    return new Match(id, MatchStatus.PROPOSED, menteeId, mentorId, format, runId, score, breakdown, null, null, null,
        null, 0, 0, 0, 0, 0, 0, null, List.of(), null, proposedBy, now, now, 1);
  }

  /**
   * Whether the match is a mentee's one mentorship (one-on-one, or employer-hosted, which is
   * one-on-one with a corporate partner's mentor). A group and a connector meeting are not.
   */
  @JsonIgnore
  public boolean isOneOnOne() {
    return format.equals("one_on_one") || format.equals("employer_hosted");
  }

  /** The same match with one party's decision; {@link #saved} moves the version. */
  public Match withDecision(String party, Decision decision) {
    Decision mentor = party.equals("mentor") ? decision : mentorDecision;
    Decision mentee = party.equals("mentee") ? decision : menteeDecision;
    return new Match(id, status, menteeId, mentorId, format, runId, score, breakdown, mentor, mentee, startDate,
        plannedEndDate, targetMinutes, checkinIntervalDays, minutesMet, meetings, goalsTotal, goalsAchieved,
        lastCheckinAt, nextContacts, ending, proposedBy, createdAt, updatedAt, version);
  }

  /** Both accepted: the agreement starts on {@code start} and runs for the program's term. */
  public Match activated(LocalDate start, int termWeeks, int minutesPerWeek, int checkinDays) {
    return new Match(id, MatchStatus.ACTIVE, menteeId, mentorId, format, runId, score, breakdown, mentorDecision,
        menteeDecision, start, start.plusWeeks(termWeeks), termWeeks * minutesPerWeek, checkinDays, minutesMet,
        meetings, goalsTotal, goalsAchieved, lastCheckinAt, nextContacts, ending, proposedBy, createdAt, updatedAt,
        version);
  }

  /** Declined, withdrawn or closed, with why; connector matches may name the people to meet next. */
  public Match ended(MatchStatus next, Ending why, List<String> contacts) {
    return new Match(id, next, menteeId, mentorId, format, runId, score, breakdown, mentorDecision, menteeDecision,
        startDate, plannedEndDate, targetMinutes, checkinIntervalDays, minutesMet, meetings, goalsTotal,
        goalsAchieved, lastCheckinAt, contacts == null ? nextContacts : contacts, why, proposedBy, createdAt,
        updatedAt, version);
  }

  /** The change as it is written: one version on, stamped {@code now}. */
  public Match saved(Instant now) {
    return new Match(id, status, menteeId, mentorId, format, runId, score, breakdown, mentorDecision, menteeDecision,
        startDate, plannedEndDate, targetMinutes, checkinIntervalDays, minutesMet, meetings, goalsTotal,
        goalsAchieved, lastCheckinAt, nextContacts, ending, proposedBy, createdAt, now, version + 1);
  }

  /** Whether both parties have accepted. */
  @JsonIgnore
  public boolean bothAccepted() {
    return mentorDecision != null && menteeDecision != null
        && mentorDecision.decision().equals("accept") && menteeDecision.decision().equals("accept");
  }
}
