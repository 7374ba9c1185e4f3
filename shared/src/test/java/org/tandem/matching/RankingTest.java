package org.tandem.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tandem.matching.ScoringTest.mentee;
import static org.tandem.matching.ScoringTest.mentor;
import static org.tandem.matching.ScoringTest.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tandem.participants.Mentee;
import org.tandem.participants.Mentor;
import org.tandem.participants.MentorStatus;
import org.tandem.program.ProgramSettings;

class RankingTest {
  private static final ProgramSettings OCCUPATION_ONLY = settings(Map.of("occupation", 100), List.of());

  private static List<String> ids(List<Ranking.Ranked> ranked) {
    return ranked.stream().map(Ranking.Ranked::mentorId).toList();
  }

  @Test
  void ranksTheBestFirstAndKeepsToTheLimit() {
    Mentee mentee = mentee().noc("21231").build();
    List<Mentor> mentors = List.of(
        mentor().id("mtr_far").noc("31102").build(),
        mentor().id("mtr_same").noc("21231").build(),
        mentor().id("mtr_major").noc("21101").build(),
        mentor().id("mtr_minor").noc("21232").build());

    List<Ranking.Ranked> all = Ranking.rank(OCCUPATION_ONLY, mentee, mentors, 10);
    assertEquals(List.of("mtr_same", "mtr_minor", "mtr_major", "mtr_far"), ids(all));
    assertEquals(List.of(100, 75, 30, 0), all.stream().map(Ranking.Ranked::score).toList());
    assertEquals(Map.of("occupation", 75), all.get(1).breakdown());

    assertEquals(List.of("mtr_same", "mtr_minor"), ids(Ranking.rank(OCCUPATION_ONLY, mentee, mentors, 2)));
  }

  @Test
  void aLimitOfZeroSuggestsNobodyAndANegativeOneIsRefused() {
    List<Mentor> mentors = List.of(mentor().build());
    assertEquals(List.of(), Ranking.rank(OCCUPATION_ONLY, mentee().build(), mentors, 0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Ranking.rank(OCCUPATION_ONLY, mentee().build(), mentors, -1));
    assertEquals("limit < 0", e.getMessage());
  }

  @Test
  void onlyReadyMentorsAreSuggested() {
    List<Mentor> mentors = new ArrayList<>();
    for (MentorStatus status : MentorStatus.values()) {
      mentors.add(mentor().id("mtr_" + status.wireName()).status(status).build());
    }
    assertEquals(List.of("mtr_ready"), ids(Ranking.rank(OCCUPATION_ONLY, mentee().build(), mentors, 10)));
  }

  @Test
  void mentorsWithoutFreeCapacityAreNotSuggested() {
    List<Mentor> mentors = List.of(
        mentor().id("mtr_full").load(1, 1).build(),
        mentor().id("mtr_over").load(5, 4).build(),
        mentor().id("mtr_group_full").load(4, 4).build(),
        mentor().id("mtr_group_open").load(3, 4).build(),
        mentor().id("mtr_free").load(0, 1).build());
    assertEquals(List.of("mtr_free", "mtr_group_open"),
        ids(Ranking.rank(OCCUPATION_ONLY, mentee().build(), mentors, 10)));
  }

  @Test
  void mentorsExcludedByAHardFilterAreNotSuggested() {
    ProgramSettings settings = settings(Map.of("occupation", 100), List.of("language", "province"));
    Mentee mentee = mentee().languages("fr", "fr").place("Ottawa", "ON").build();
    List<Mentor> mentors = List.of(
        mentor().id("mtr_english").languages("en", "en").place("Ottawa", "ON").build(),
        mentor().id("mtr_quebec").languages("fr", "fr").place("Gatineau", "QC").build(),
        mentor().id("mtr_ok").languages("en", "en", "fr").place("Toronto", "ON").build());
    assertEquals(List.of("mtr_ok"), ids(Ranking.rank(settings, mentee, mentors, 10)));
  }

  @Test
  void equalScoresBreakOnOccupationThenIndustryThenFewerMenteesThenId() {
    ProgramSettings settings = settings(Map.of("occupation", 10, "industry", 10, "location", 10), List.of());
    Mentee mentee = mentee().noc("21231").naics("541511").place("Toronto", "ON").build();
    List<Mentor> mentors = new ArrayList<>(List.of(
        mentor().id("mtr_1_busy").noc("31102").naics("999999").place("Toronto", "ON").load(1, 3).build(),
        mentor().id("mtr_3_free").noc("31102").naics("999999").place("Toronto", "ON").load(0, 3).build(),
        mentor().id("mtr_2_free").noc("31102").naics("999999").place("Toronto", "ON").load(0, 1).build(),
        mentor().id("mtr_4_industry").noc("31102").naics("541511").place("Halifax", "NS").build(),
        mentor().id("mtr_5_occupation").noc("21231").naics("999999").place("Halifax", "NS").build()));
    List<String> expected = List.of("mtr_5_occupation", "mtr_4_industry", "mtr_2_free", "mtr_3_free", "mtr_1_busy");

    Random random = new Random(3L);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(mentors, random);
      List<Ranking.Ranked> ranked = Ranking.rank(settings, mentee, mentors, 10);
      assertEquals(List.of(10, 10, 10, 10, 10), ranked.stream().map(Ranking.Ranked::score).toList());
      assertEquals(expected, ids(ranked));
      assertEquals(expected.subList(0, 3), ids(Ranking.rank(settings, mentee, mentors, 3)));
    }
  }

  @Test
  void suggestionsCarryTheBreakdownOfTheirScore() {
    ProgramSettings settings = ProgramSettings.defaults();
    Mentee mentee = mentee().goals("data analyst").build();
    Mentor mentor = mentor().naics("541512").jobTitle("Data Analyst").build();
    Ranking.Ranked ranked = Ranking.rank(settings, mentee, List.of(mentor), 1).get(0);
    Scoring.Score score = Scoring.score(settings, mentee, mentor).orElseThrow();
    assertEquals(score.total(), ranked.score());
    assertEquals(score.breakdown(), ranked.breakdown());
    assertEquals(List.copyOf(score.breakdown().keySet()), List.copyOf(ranked.breakdown().keySet()));
  }

  @Test
  void onRandomInputsTheRankingAgreesWithAFullSort() {
    Random random = new Random(20250301L);
    for (int round = 0; round < 60; round++) {
      ProgramSettings settings = settings(ScoringTest.randomWeights(random), ScoringTest.randomHardFilters(random));
      Mentee mentee = ScoringTest.randomMentee(random, "mte_" + round);
      List<Mentor> mentors = randomMentors(random, 50 + random.nextInt(400));
      int limit = random.nextInt(25);
      assertEquals(fullSort(settings, mentee, mentors, limit), Ranking.rank(settings, mentee, mentors, limit),
          "round " + round);
    }
  }

  @Test
  void tenThousandMentorsYieldTheSameTopTenAsAFullSort() {
    Random random = new Random(10_000L);
    ProgramSettings settings = ProgramSettings.defaults();
    Mentee mentee = ScoringTest.randomMentee(random, "mte_1");
    List<Mentor> mentors = randomMentors(random, 10_000);
    List<Ranking.Ranked> top = Ranking.rank(settings, mentee, mentors, 10);
    assertEquals(10, top.size());
    assertEquals(fullSort(settings, mentee, mentors, 10), top);
  }

  private static List<Mentor> randomMentors(Random random, int count) {
    List<Mentor> mentors = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Mentor mentor = ScoringTest.randomMentor(random, String.format("mtr_%06d_%d", random.nextInt(1_000_000), i));
      int capacity = 1 + random.nextInt(4);
      MentorStatus status = random.nextInt(5) == 0 ? MentorStatus.INACTIVE : MentorStatus.READY;
      mentors.add(new Mentor(mentor.id(), status, mentor.firstName(), mentor.lastName(), mentor.email(),
          mentor.phone(), mentor.languages(), mentor.preferredLanguage(), mentor.city(), mentor.province(),
          mentor.nocCode(), mentor.naicsCode(), mentor.yearsCanadianExperience(), mentor.employer(),
          mentor.jobTitle(), mentor.corporatePartner(), capacity, random.nextInt(capacity + 1),
          mentor.availability(), mentor.expertise(), mentor.keywords(), mentor.notes(), mentor.consentGiven(),
          mentor.consentedAt(), mentor.screening(), mentor.erasedAt(), mentor.createdAt(), mentor.updatedAt(),
          mentor.version()));
    }
    return mentors;
  }

  /** The ranking worked out the slow, obvious way: score everyone, sort everything, cut. */
  private static List<Ranking.Ranked> fullSort(ProgramSettings settings, Mentee mentee, List<Mentor> mentors,
      int limit) {
    record Row(Mentor mentor, Scoring.Score score) {
      int points(String criterion) {
        return score.breakdown().getOrDefault(criterion, 0);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Mentor mentor : mentors) {
      Optional<Scoring.Score> score = Scoring.score(settings, mentee, mentor);
      if (mentor.status() == MentorStatus.READY && mentor.activeMentees() < mentor.capacity() && score.isPresent()) {
        rows.add(new Row(mentor, score.get()));
      }
    }
    rows.sort(Comparator.comparing((Row r) -> r.score().total(), Comparator.reverseOrder())
        .thenComparing(r -> r.points("occupation"), Comparator.reverseOrder())
        .thenComparing(r -> r.points("industry"), Comparator.reverseOrder())
        .thenComparing(r -> r.mentor().activeMentees())
        .thenComparing(r -> r.mentor().id()));
    return rows.stream().limit(limit)
        .map(r -> new Ranking.Ranked(r.mentor().id(), r.score().total(), r.score().breakdown()))
        .toList();
  }
}
