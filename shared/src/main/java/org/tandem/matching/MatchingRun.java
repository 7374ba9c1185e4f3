package org.tandem.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A cohort run: the proposals that together score the most under every mentor's free capacity,
 * and the mentees it left unmatched with why. It proposes; a coordinator makes the matches.
 */
public record MatchingRun(
    String id,
    int menteesConsidered,
    int mentorsConsidered,
    long totalScore,
    long solveMillis,
    List<Proposal> proposals,
    List<Unmatched> unmatched,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final String ID_PREFIX = "run";

  public MatchingRun {
    proposals = List.copyOf(proposals);
    unmatched = List.copyOf(unmatched);
  }

  /** One proposed pair and why it scored what it did. */
  public record Proposal(String menteeId, String mentorId, int score, Map<String, Integer> breakdown) {
    public Proposal {
      breakdown = Scoring.inCriterionOrder(breakdown);
    }
  }

  /** A mentee the run could not place, and why. */
  public record Unmatched(String menteeId, String reason) {}
}
