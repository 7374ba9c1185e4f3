package org.tandem.matching;

import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tandem.errors.NotFound;
import org.tandem.errors.ValidationFailed;
import org.tandem.ids.Ids;
import org.tandem.participants.Mentee;
import org.tandem.participants.Mentor;
import org.tandem.participants.ParticipantRepository;
import org.tandem.program.ProgramService;
import org.tandem.tenancy.TenantScope;

/** The best mentors for one mentee, each with why. */
public final class SuggestionService {
  private final ParticipantRepository<Mentee> mentees;
  private final ParticipantRepository<Mentor> mentors;
  private final MatchRepository matches;
  private final ProgramService program;

  @Inject
  public SuggestionService(ParticipantRepository<Mentee> mentees, ParticipantRepository<Mentor> mentors,
      MatchRepository matches, ProgramService program) {
    this.mentees = mentees;
    this.mentors = mentors;
    this.matches = matches;
    this.program = program;
  }

  /** {@code {menteeId, items: [{mentorId, score, breakdown}]}}, best first. */
  public record Suggestions(String menteeId, List<Ranking.Ranked> items) {}

  /**
   * Ranks the program's ready mentors with free capacity, leaving out the mentee's exclusion list
   * and every mentor the mentee has declined, been declined by, or already has an open match with.
   */
  public Suggestions suggest(TenantScope tenant, String menteeId, int limit) {
    if (!Ids.isValid(Mentee.ID_PREFIX, menteeId)) {
      throw ValidationFailed.of("menteeId", "is not a mentee id");
    }
    Mentee mentee = mentees.find(tenant, menteeId)
        .orElseThrow(() -> new NotFound("mentee " + menteeId + " not found"));
    Set<String> left = new HashSet<>(mentee.excludedMentorIds());
    for (Match match : matches.allOfMentee(tenant, menteeId)) {
      if (match.status() == MatchStatus.DECLINED || match.status().isOpen()) {
        left.add(match.mentorId());
      }
    }
    List<Mentor> candidates = mentors.listAll(tenant, "ready").stream()
        .filter(mentor -> !left.contains(mentor.id()))
        .toList();
    return new Suggestions(menteeId, Ranking.rank(program.get(tenant), mentee, candidates, limit));
  }
}
