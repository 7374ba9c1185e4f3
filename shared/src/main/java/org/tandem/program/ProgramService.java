package org.tandem.program;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tandem.errors.Checks;
import org.tandem.errors.Conflict;
import org.tandem.errors.PreconditionFailed;
import org.tandem.tenancy.TenantScope;

/** Reads and replaces a program's settings; a program never set up reads the defaults. */
public final class ProgramService {
  private final ProgramRepository programs;
  private final Clock clock;

  @Inject
  public ProgramService(ProgramRepository programs, Clock clock) {
    this.programs = programs;
    this.clock = clock;
  }

  /** {@code PUT /v1/program}: what is left out takes its default. */
  public record Replace(
      List<EligibilityRule> menteeEligibility,
      List<EligibilityRule> mentorEligibility,
      Integer matchTermWeeks,
      Integer expectedMinutesPerWeek,
      Integer checkinIntervalDays,
      List<Integer> outcomeFollowupMonths,
      Map<String, Integer> matchingWeights,
      List<String> hardFilters,
      List<String> formats) {}

  public ProgramSettings get(TenantScope tenant) {
    return programs.find(tenant).orElseGet(ProgramSettings::defaults);
  }

  public ProgramSettings replace(TenantScope tenant, Replace body, Optional<Long> ifMatch) {
    ProgramSettings defaults = ProgramSettings.defaults();
    Checks checks = Checks.start();
    List<EligibilityRule> mentee = or(body.menteeEligibility(), defaults.menteeEligibility());
    List<EligibilityRule> mentor = or(body.mentorEligibility(), defaults.mentorEligibility());
    Eligibility.check(checks, "menteeEligibility", mentee, Eligibility.MENTEE_FIELDS);
    Eligibility.check(checks, "mentorEligibility", mentor, Eligibility.MENTOR_FIELDS);
    checks.range("matchTermWeeks", body.matchTermWeeks(), 1, 104);
    checks.range("expectedMinutesPerWeek", body.expectedMinutesPerWeek(), 0, 2400);
    checks.range("checkinIntervalDays", body.checkinIntervalDays(), 1, 365);
    List<Integer> followups = or(body.outcomeFollowupMonths(), defaults.outcomeFollowupMonths());
    if (followups.size() > 12 || followups.stream().anyMatch(m -> m == null || m < 1 || m > 60)
        || new HashSet<>(followups).size() != followups.size()) {
      checks.problem("outcomeFollowupMonths", "must be up to 12 distinct months between 1 and 60");
    }
    Map<String, Integer> weights = or(body.matchingWeights(), defaults.matchingWeights());
    for (Map.Entry<String, Integer> weight : weights.entrySet()) {
      if (!ProgramSettings.CRITERIA.contains(weight.getKey())) {
        checks.problem("matchingWeights." + weight.getKey(),
            "is not a criterion; criteria are " + String.join(", ", ProgramSettings.CRITERIA));
      } else if (weight.getValue() == null || weight.getValue() < 0 || weight.getValue() > 100) {
        checks.problem("matchingWeights." + weight.getKey(), "must be between 0 and 100");
      }
    }
    if (weights.values().stream().allMatch(w -> w == null || w == 0)) {
      checks.problem("matchingWeights", "must weigh at least one criterion");
    }
    List<String> hardFilters = or(body.hardFilters(), defaults.hardFilters());
    subset(checks, "hardFilters", hardFilters, ProgramSettings.HARD_FILTERS, false);
    List<String> formats = or(body.formats(), defaults.formats());
    subset(checks, "formats", formats, ProgramSettings.FORMATS, true);
    checks.throwIfAny();

    Optional<ProgramSettings> current = programs.find(tenant);
    long currentVersion = current.map(ProgramSettings::version).orElse(0L);
    if (ifMatch.isPresent() && ifMatch.get() != currentVersion) {
      throw new PreconditionFailed("the program settings are at version " + currentVersion + ", not " + ifMatch.get());
    }
    Instant now = clock.instant();
    ProgramSettings next = new ProgramSettings(mentee, mentor,
        or(body.matchTermWeeks(), defaults.matchTermWeeks()),
        or(body.expectedMinutesPerWeek(), defaults.expectedMinutesPerWeek()),
        or(body.checkinIntervalDays(), defaults.checkinIntervalDays()),
        followups.stream().sorted().toList(), weights, hardFilters, formats,
        current.map(ProgramSettings::createdAt).orElse(now), now, currentVersion + 1);
    if (!programs.save(tenant, next, currentVersion)) {
      if (ifMatch.isPresent()) {
        throw new PreconditionFailed("the program settings changed meanwhile; read them again");
      }
      throw new Conflict("the program settings changed meanwhile; read them again");
    }
    return next;
  }

  private static void subset(Checks checks, String field, List<String> values, List<String> allowed, boolean nonEmpty) {
    if ((nonEmpty && values.isEmpty()) || values.stream().anyMatch(v -> v == null || !allowed.contains(v))
        || new HashSet<>(values).size() != values.size()) {
      checks.problem(field, (nonEmpty ? "must be one or more of " : "must be distinct values among ")
          + String.join(", ", allowed));
    }
  }

  private static <T> T or(T value, T fallback) {
    return value != null ? value : fallback;
  }
}
