package org.tandem.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import org.tandem.participants.Mentee;
import org.tandem.participants.Mentor;
import org.tandem.participants.MentorStatus;
import org.tandem.program.ProgramSettings;

/** The best mentors for a mentee, each with the breakdown of its score. */
public final class Ranking {

  /** A suggested mentor, its score and the points each criterion gave. */
  public record Ranked(String mentorId, int score, Map<String, Integer> breakdown) {
    public Ranked {
      Objects.requireNonNull(mentorId, "mentorId == null");
      breakdown = Collections.unmodifiableMap(new LinkedHashMap<>(breakdown));
    }
  }

  /** A scored mentor with what ties are broken on. */
  private record Candidate(String mentorId, Scoring.Score score, int occupation, int industry, int activeMentees) {}

  /**
   * Best first: the higher score, then the higher occupation points, the higher industry points,
   * the fewer active mentees (spreading the load), and the mentor id, so equal scores always come
   * out in the same order.
   */
  private static final Comparator<Candidate> BEST_FIRST = Comparator
      .comparingInt((Candidate c) -> -c.score().total())
      .thenComparingInt(c -> -c.occupation())
      .thenComparingInt(c -> -c.industry())
      .thenComparingInt(Candidate::activeMentees)
      .thenComparing(Candidate::mentorId);

  private Ranking() {}

  /**
   * The best {@code limit} ready mentors with free capacity that the hard filters leave in, best
   * first; it keeps only the best {@code limit} while it scores, so it does not sort them all.
   */
  public static List<Ranked> rank(ProgramSettings settings, Mentee mentee, Collection<Mentor> mentors, int limit) {
    Objects.requireNonNull(mentors, "mentors == null");
    if (limit < 0) {
      throw new IllegalArgumentException("limit < 0");
    }
    Scoring.Scorer scorer = Scoring.scorer(settings, mentee);
    if (limit == 0) {
      return List.of();
    }
    // The head is the worst of the best kept so far: the one a better candidate pushes out.
    PriorityQueue<Candidate> best = new PriorityQueue<>(Math.min(limit, mentors.size()) + 1, BEST_FIRST.reversed());
    for (Mentor mentor : mentors) {
      if (mentor.status() != MentorStatus.READY || mentor.activeMentees() >= mentor.capacity()) {
        continue;
      }
      Optional<Scoring.Score> score = scorer.score(mentor);
      if (score.isEmpty()) {
        continue;
      }
      Map<String, Integer> breakdown = score.get().breakdown();
      Candidate candidate = new Candidate(mentor.id(), score.get(), breakdown.getOrDefault("occupation", 0),
          breakdown.getOrDefault("industry", 0), mentor.activeMentees());
      if (best.size() < limit) {
        best.add(candidate);
      } else if (BEST_FIRST.compare(candidate, best.peek()) < 0) {
        best.poll();
        best.add(candidate);
      }
    }
    List<Candidate> kept = new ArrayList<>(best);
    kept.sort(BEST_FIRST);
    List<Ranked> ranked = new ArrayList<>(kept.size());
    for (Candidate candidate : kept) {
      ranked.add(new Ranked(candidate.mentorId(), candidate.score().total(), candidate.score().breakdown()));
    }
    return List.copyOf(ranked);
  }
}
