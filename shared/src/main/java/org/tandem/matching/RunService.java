package org.tandem.matching;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tandem.auth.Principal;
import org.tandem.errors.Checks;
import org.tandem.errors.NotFound;
import org.tandem.errors.ValidationFailed;
import org.tandem.ids.Ids;
import org.tandem.participants.Mentee;
import org.tandem.participants.MenteeStatus;
import org.tandem.participants.Mentor;
import org.tandem.participants.MentorStatus;
import org.tandem.participants.ParticipantRepository;
import org.tandem.program.ProgramService;
import org.tandem.program.ProgramSettings;
import org.tandem.tenancy.TenantScope;

/** Cohort runs: many mentees to many mentors at once, the most total score under every capacity. */
public final class RunService {
  /** The most mentees and the most mentors one run takes. */
  public static final int MAX_SIDE = 2000;

  private final ParticipantRepository<Mentee> mentees;
  private final ParticipantRepository<Mentor> mentors;
  private final MatchRepository matches;
  private final RunRepository runs;
  private final ProgramService program;
  private final Ids ids;
  private final Clock clock;

  @Inject
  public RunService(ParticipantRepository<Mentee> mentees, ParticipantRepository<Mentor> mentors,
      MatchRepository matches, RunRepository runs, ProgramService program, Ids ids, Clock clock) {
    this.mentees = mentees;
    this.mentors = mentors;
    this.matches = matches;
    this.runs = runs;
    this.program = program;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code POST /v1/matching/runs}: the mentees and mentors to consider; all ready ones when left out. */
  public record Start(List<String> menteeIds, List<String> mentorIds) {}

  public MatchingRun run(Principal caller, Start body) {
    TenantScope tenant = caller.scope();
    Checks checks = Checks.start();
    ids(checks, "menteeIds", body.menteeIds(), Mentee.ID_PREFIX);
    ids(checks, "mentorIds", body.mentorIds(), Mentor.ID_PREFIX);
    checks.throwIfAny();

    List<MatchingRun.Unmatched> unmatched = new ArrayList<>();
    List<Mentee> cohort = new ArrayList<>();
    if (body.menteeIds() == null) {
      cohort.addAll(mentees.listAll(tenant, MenteeStatus.READY.wireName()));
    } else {
      Map<String, Mentee> found = load(tenant, body.menteeIds(), mentees, Mentee::id);
      for (String id : new LinkedHashSet<>(body.menteeIds())) {
        Mentee mentee = found.get(id);
        if (mentee == null) {
          unmatched.add(new MatchingRun.Unmatched(id, "no such mentee"));
        } else if (mentee.status() != MenteeStatus.READY) {
          unmatched.add(new MatchingRun.Unmatched(id, "mentee is " + mentee.status().wireName() + ", not ready"));
        } else {
          cohort.add(mentee);
        }
      }
    }
    List<Mentor> pool = new ArrayList<>();
    Collection<Mentor> candidates = body.mentorIds() == null
        ? mentors.listAll(tenant, MentorStatus.READY.wireName())
        : load(tenant, body.mentorIds(), mentors, Mentor::id).values();
    for (Mentor mentor : candidates) {
      if (mentor.status() == MentorStatus.READY && mentor.activeMentees() < mentor.capacity()) {
        pool.add(mentor);
      }
    }
    if (cohort.size() > MAX_SIDE || pool.size() > MAX_SIDE) {
      throw ValidationFailed.of(cohort.size() > MAX_SIDE ? "menteeIds" : "mentorIds",
          "a run takes at most " + MAX_SIDE + "; name the ones to consider");
    }
    pool.sort((a, b) -> a.id().compareTo(b.id()));

    ProgramSettings settings = program.get(tenant);
    Set<String> takenPairs = openOrDeclinedPairs(tenant);
    int[][] scores = new int[cohort.size()][pool.size()];
    int[] capacities = new int[pool.size()];
    for (int j = 0; j < pool.size(); j++) {
      capacities[j] = Math.max(0, pool.get(j).capacity() - pool.get(j).activeMentees());
    }
    for (int i = 0; i < cohort.size(); i++) {
      Mentee mentee = cohort.get(i);
      for (int j = 0; j < pool.size(); j++) {
        Mentor mentor = pool.get(j);
        Optional<Scoring.Score> score = mentee.excludedMentorIds().contains(mentor.id())
            || takenPairs.contains(mentee.id() + "#" + mentor.id())
            ? Optional.empty()
            : Scoring.score(settings, mentee, mentor);
        scores[i][j] = score.map(Scoring.Score::total).orElse(Assignment.FORBIDDEN);
      }
    }
    long started = System.nanoTime();
    int[] assigned = Assignment.solve(scores, capacities);
    long solveMillis = (System.nanoTime() - started) / 1_000_000;

    List<MatchingRun.Proposal> proposals = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < cohort.size(); i++) {
      Mentee mentee = cohort.get(i);
      int j = assigned[i];
      if (j >= 0) {
        Scoring.Score score = Scoring.score(settings, mentee, pool.get(j)).orElseThrow();
        proposals.add(new MatchingRun.Proposal(mentee.id(), pool.get(j).id(), score.total(), score.breakdown()));
        total += score.total();
      } else {
        unmatched.add(new MatchingRun.Unmatched(mentee.id(), whyUnmatched(scores[i], pool.isEmpty())));
      }
    }
    Instant now = clock.instant();
    MatchingRun run = new MatchingRun(ids.next(MatchingRun.ID_PREFIX), cohort.size(), pool.size(), total,
        solveMillis, proposals, unmatched, caller.keyId(), now, now, 1);
    runs.save(tenant, run);
    return run;
  }

  public MatchingRun get(TenantScope tenant, String runId) {
    if (!Ids.isValid(MatchingRun.ID_PREFIX, runId)) {
      throw ValidationFailed.of("runId", "is not a matching run id");
    }
    return runs.find(tenant, runId).orElseThrow(() -> new NotFound("matching run " + runId + " not found"));
  }

  private static String whyUnmatched(int[] row, boolean noMentors) {
    if (noMentors) {
      return "no ready mentor has free capacity";
    }
    for (int score : row) {
      if (score != Assignment.FORBIDDEN) {
        return "every suitable mentor's capacity went to pairs that together scored more";
      }
    }
    return "no mentor passes the program's hard filters and exclusions";
  }

  /** Pairs that a run must not propose again: those with an open match, and those declined. */
  private Set<String> openOrDeclinedPairs(TenantScope tenant) {
    Set<String> pairs = new HashSet<>();
    for (MatchStatus status : List.of(MatchStatus.PROPOSED, MatchStatus.ACTIVE, MatchStatus.DECLINED)) {
      matches.allInStatus(tenant, status).forEach(m -> pairs.add(m.menteeId() + "#" + m.mentorId()));
    }
    return pairs;
  }

  private static <T extends org.tandem.participants.Participant> Map<String, T> load(TenantScope tenant,
      List<String> wanted, ParticipantRepository<T> repository, Function<T, String> id) {
    List<String> distinct = new ArrayList<>(new LinkedHashSet<>(wanted));
    List<T> found = new ArrayList<>();
    for (int from = 0; from < distinct.size(); from += 100) {
      found.addAll(repository.findAll(tenant, distinct.subList(from, Math.min(distinct.size(), from + 100))));
    }
    return byId(found, id);
  }

  private static <T> Map<String, T> byId(Collection<T> items, Function<T, String> id) {
    return items.stream().collect(Collectors.toMap(id, Function.identity(), (a, b) -> a));
  }

  private static void ids(Checks checks, String field, List<String> ids, String prefix) {
    if (ids == null) {
      return;
    }
    checks.size(field, ids, 1, MAX_SIDE);
    if (ids.stream().anyMatch(id -> !Ids.isValid(prefix, id))) {
      checks.problem(field, "must hold only " + (prefix.equals(Mentee.ID_PREFIX) ? "mentee" : "mentor") + " ids");
    }
  }
}
