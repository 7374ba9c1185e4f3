package org.tandem.relationships;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.ids.Ids;
import org.tandem.matching.Match;
import org.tandem.matching.MatchRepository;
import org.tandem.participants.Mentee;
import org.tandem.participants.PersonalRecords;
import org.tandem.tenancy.TenantScope;

/**
 * A person's matches and what was written in them, their outcomes and their attendance: read
 * whole for the export (bounded by one person's matches), and their free text blanked on erasure.
 */
public final class RelationshipRecords implements PersonalRecords {
  private static final int PAGE = 100;

  private final MatchRepository matches;
  private final RelationshipRepository records;
  private final OutcomeRepository outcomes;
  private final EventRepository events;

  @Inject
  public RelationshipRecords(MatchRepository matches, RelationshipRepository records, OutcomeRepository outcomes,
      EventRepository events) {
    this.matches = matches;
    this.records = records;
    this.outcomes = outcomes;
    this.events = events;
  }

  /** The export's part on the person's relationships. */
  public record Held(List<Match> matches, List<Goal> goals, List<Meeting> meetings, List<Checkin> checkins,
      List<Outcome> outcomes, List<Attendance> attendance) {}

  @Override
  public Held export(TenantScope tenant, String participantId) {
    List<Match> theirs = matchesOf(tenant, participantId);
    List<Goal> goals = new ArrayList<>();
    List<Meeting> meetings = new ArrayList<>();
    List<Checkin> checkins = new ArrayList<>();
    for (Match match : theirs) {
      goals.addAll(all(page -> records.goals(tenant, match.id(), page)));
      meetings.addAll(all(page -> records.meetings(tenant, match.id(), page)));
      checkins.addAll(all(page -> records.checkins(tenant, match.id(), page)));
    }
    List<Outcome> outcomesHeld = Ids.isValid(Mentee.ID_PREFIX, participantId)
        ? outcomes.all(tenant, participantId)
        : List.of();
    return new Held(theirs, goals, meetings, checkins, outcomesHeld,
        all(page -> events.eventsOf(tenant, participantId, page)));
  }

  @Override
  public void erase(TenantScope tenant, String participantId, Instant now) {
    for (Match match : matchesOf(tenant, participantId)) {
      records.eraseText(tenant, match.id(), now);
    }
    if (Ids.isValid(Mentee.ID_PREFIX, participantId)) {
      List<Outcome> held = outcomes.all(tenant, participantId);
      outcomes.erase(tenant, held, held.stream().map(o -> o.erased(now)).toList());
    }
  }

  private List<Match> matchesOf(TenantScope tenant, String participantId) {
    return Ids.isValid(Mentee.ID_PREFIX, participantId)
        ? matches.allOfMentee(tenant, participantId)
        : all(page -> matches.listByMentor(tenant, participantId, page));
  }

  private static <T> List<T> all(java.util.function.Function<PageRequest, Page<T>> read) {
    List<T> out = new ArrayList<>();
    String cursor = null;
    do {
      Page<T> page = read.apply(new PageRequest(PAGE, cursor));
      out.addAll(page.items());
      cursor = page.nextCursor();
    } while (cursor != null);
    return out;
  }
}
