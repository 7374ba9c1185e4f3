package org.tandem.program;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a program runs: who is eligible, how matches are scored, how long they last, how often
 * they are checked on and when outcomes are followed up.
 */
public record ProgramSettings(
    List<EligibilityRule> menteeEligibility,
    List<EligibilityRule> mentorEligibility,
    int matchTermWeeks,
    int expectedMinutesPerWeek,
    int checkinIntervalDays,
    List<Integer> outcomeFollowupMonths,
    Map<String, Integer> matchingWeights,
    List<String> hardFilters,
    List<String> formats,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  public static final List<String> CRITERIA =
      List.of("occupation", "industry", "language", "location", "goals", "availability", "keywords");
  public static final List<String> HARD_FILTERS = List.of("language", "province", "city");
  public static final List<String> FORMATS = List.of("one_on_one", "group", "connector", "employer_hosted");

  public ProgramSettings {
    menteeEligibility = List.copyOf(menteeEligibility);
    mentorEligibility = List.copyOf(mentorEligibility);
    outcomeFollowupMonths = List.copyOf(outcomeFollowupMonths);
    matchingWeights = Map.copyOf(matchingWeights);
    hardFilters = List.copyOf(hardFilters);
    formats = List.copyOf(formats);
  }

  /**
   * What a new program starts with: the eligibility most programs in the network share (a
   * newcomer with the right to work, educated abroad; a mentor with two years of Canadian
   * experience), a four-month term of 24 hours, monthly check-ins, and outcomes at 3, 6 and 12
   * months.
   */
  public static ProgramSettings defaults() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    List<EligibilityRule> mentee = List.of(
        new EligibilityRule("immigrationStatus", "in", nodes.arrayNode()
            .add("permanent_resident").add("convention_refugee").add("protected_person").add("approved_for_immigration")),
        new EligibilityRule("internationallyEducated", "eq", nodes.booleanNode(true)));
    List<EligibilityRule> mentor = List.of(
        new EligibilityRule("yearsCanadianExperience", "gte", nodes.numberNode(2)));
    return new ProgramSettings(mentee, mentor, 16, 90, 30, List.of(3, 6, 12), defaultWeights(),
        List.of("language"), List.of("one_on_one"), null, null, 0);
  }

  static Map<String, Integer> defaultWeights() {
    Map<String, Integer> weights = new LinkedHashMap<>();
    weights.put("occupation", 35);
    weights.put("industry", 20);
    weights.put("language", 10);
    weights.put("location", 10);
    weights.put("goals", 15);
    weights.put("availability", 10);
    weights.put("keywords", 0);
    return weights;
  }

  /** Hours a match is expected to meet over its term: term weeks x minutes per week. */
  public double targetHours() {
    return matchTermWeeks * expectedMinutesPerWeek / 60.0;
  }
}
