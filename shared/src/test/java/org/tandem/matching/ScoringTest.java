package org.tandem.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tandem.participants.Mentee;
import org.tandem.participants.MenteeStatus;
import org.tandem.participants.Mentor;
import org.tandem.participants.MentorIntake;
import org.tandem.participants.MentorStatus;
import org.tandem.program.ProgramSettings;

class ScoringTest {
  static final Instant NOW = Instant.parse("2025-03-01T09:00:00Z");
  private static final double EXACT = 1e-9;

  // ---------------------------------------------------------------- fixtures

  static MenteeBuilder mentee() {
    return new MenteeBuilder();
  }

  static MentorBuilder mentor() {
    return new MentorBuilder();
  }

  static ProgramSettings settings(Map<String, Integer> weights, List<String> hardFilters) {
    return new ProgramSettings(List.of(), List.of(), 16, 90, 30, List.of(3, 6, 12), weights, hardFilters,
        List.of("one_on_one"), null, null, 0);
  }

  /** Settings that weigh one criterion 100, so its points are its fraction in percent. */
  private static ProgramSettings only(String criterion, String... hardFilters) {
    return settings(Map.of(criterion, 100), List.of(hardFilters));
  }

  private static int pointsFor(String criterion, Mentee mentee, Mentor mentor) {
    return Scoring.score(only(criterion), mentee, mentor).orElseThrow().breakdown().get(criterion);
  }

  static final class MenteeBuilder {
    private String id = "mte_1";
    private String noc = "21231";
    private String naics = "541511";
    private List<String> languages = List.of("en");
    private String preferred = "en";
    private String city = "Toronto";
    private String province = "ON";
    private String goals;
    private List<String> availability = List.of();
    private List<String> keywords = List.of();

    MenteeBuilder id(String value) { id = value; return this; }
    MenteeBuilder noc(String value) { noc = value; return this; }
    MenteeBuilder naics(String value) { naics = value; return this; }
    MenteeBuilder languages(String preferredLanguage, String... spoken) {
      preferred = preferredLanguage;
      languages = List.of(spoken);
      return this;
    }
    MenteeBuilder place(String cityName, String provinceCode) { city = cityName; province = provinceCode; return this; }
    MenteeBuilder goals(String value) { goals = value; return this; }
    MenteeBuilder availability(String... slots) { availability = List.of(slots); return this; }
    MenteeBuilder keywords(String... words) { keywords = List.of(words); return this; }

    Mentee build() {
      return new Mentee(id, MenteeStatus.READY, "Ana", "Popescu", "ana@example.org", null, languages, preferred,
          city, province, noc, naics, 7, "permanent_resident", true, true, goals, availability, keywords, null, true,
          NOW, null, null, null, NOW, NOW, 1);
    }
  }

  static final class MentorBuilder {
    private String id = "mtr_1";
    private MentorStatus status = MentorStatus.READY;
    private String noc = "21231";
    private String naics = "541511";
    private List<String> languages = List.of("en");
    private String preferred = "en";
    private String city = "Toronto";
    private String province = "ON";
    private String jobTitle;
    private String expertise;
    private List<String> availability = List.of();
    private List<String> keywords = List.of();
    private int capacity = 1;
    private int active;

    MentorBuilder id(String value) { id = value; return this; }
    MentorBuilder status(MentorStatus value) { status = value; return this; }
    MentorBuilder noc(String value) { noc = value; return this; }
    MentorBuilder naics(String value) { naics = value; return this; }
    MentorBuilder languages(String preferredLanguage, String... spoken) {
      preferred = preferredLanguage;
      languages = List.of(spoken);
      return this;
    }
    MentorBuilder place(String cityName, String provinceCode) { city = cityName; province = provinceCode; return this; }
    MentorBuilder jobTitle(String value) { jobTitle = value; return this; }
    MentorBuilder expertise(String value) { expertise = value; return this; }
    MentorBuilder availability(String... slots) { availability = List.of(slots); return this; }
    MentorBuilder keywords(String... words) { keywords = List.of(words); return this; }
    MentorBuilder load(int activeMentees, int maxMentees) {
      active = activeMentees;
      capacity = maxMentees;
      return this;
    }

    Mentor build() {
      return new Mentor(id, status, "Marc", "Tremblay", "marc@example.org", null, languages, preferred, city,
          province, noc, naics, 10, "Acme", jobTitle, false, capacity, active, availability, expertise, keywords,
          null, true, NOW, null, null, NOW, NOW, 1);
    }
  }

  // ---------------------------------------------------------------- occupation

  @Test
  void occupationClimbsTheNocHierarchyLadder() {
    assertEquals(1.0, Scoring.occupation("21231", "21231"), EXACT, "same unit group");
    assertEquals(0.75, Scoring.occupation("21231", "21232"), EXACT, "same minor group 2123");
    assertEquals(0.5, Scoring.occupation("21231", "21211"), EXACT, "same sub-major group 212");
    assertEquals(0.3, Scoring.occupation("21231", "21101"), EXACT, "same major group 21");
    assertEquals(0.1, Scoring.occupation("21231", "22110"), EXACT, "same broad category 2");
    assertEquals(0.0, Scoring.occupation("21231", "31102"), EXACT, "different broad category");
  }

  @Test
  void occupationWithoutACodeOnEitherSideScoresNothing() {
    assertEquals(0.0, Scoring.occupation(null, "21231"), EXACT);
    assertEquals(0.0, Scoring.occupation("21231", null), EXACT);
  }

  @Test
  void occupationPointsAreTheWeightTimesTheLadderRounded() {
    ProgramSettings settings = settings(Map.of("occupation", 35), List.of());
    Mentee mentee = mentee().noc("21231").build();
    assertEquals(Map.of("occupation", 35), breakdown(settings, mentee, mentor().noc("21231").build()));
    assertEquals(Map.of("occupation", 26), breakdown(settings, mentee, mentor().noc("21232").build()));
    assertEquals(Map.of("occupation", 18), breakdown(settings, mentee, mentor().noc("21211").build()));
    assertEquals(Map.of("occupation", 11), breakdown(settings, mentee, mentor().noc("21101").build()));
    assertEquals(Map.of("occupation", 4), breakdown(settings, mentee, mentor().noc("22110").build()));
    assertEquals(Map.of("occupation", 0), breakdown(settings, mentee, mentor().noc("31102").build()));
  }

  // ---------------------------------------------------------------- industry

  @Test
  void industryScoresTheSameCodeFully() {
    assertEquals(1.0, Scoring.industry("541511", "541511"), EXACT);
    assertEquals(1.0, Scoring.industry("54", "54"), EXACT);
  }

  @Test
  void industryCountsSharedDigitsOutOfSixWithinTheSector() {
    assertEquals(5 / 6.0, Scoring.industry("541511", "541512"), EXACT);
    assertEquals(4 / 6.0, Scoring.industry("541511", "5415"), EXACT);
    assertEquals(3 / 6.0, Scoring.industry("541511", "541330"), EXACT);
    assertEquals(2 / 6.0, Scoring.industry("541511", "549999"), EXACT);
    assertEquals(2 / 6.0, Scoring.industry("54", "541511"), EXACT);
  }

  @Test
  void industryOutsideTheSectorScoresNothingEvenWithOneSharedDigit() {
    assertEquals(0.0, Scoring.industry("541511", "522110"), EXACT);
    assertEquals(0.0, Scoring.industry("541511", "621110"), EXACT);
  }

  @Test
  void industryCountsTheCodesOfOneMultiCodeSectorAsTheSameSector() {
    assertEquals(2 / 6.0, Scoring.industry("311811", "336111"), EXACT, "manufacturing 31-33");
    assertEquals(2 / 6.0, Scoring.industry("445110", "452210"), EXACT, "retail trade 44-45");
    assertEquals(2 / 6.0, Scoring.industry("484110", "493110"), EXACT, "transportation and warehousing 48-49");
    assertEquals(0.0, Scoring.industry("336111", "445110"), EXACT, "manufacturing versus retail");
  }

  @Test
  void industryMissingOnEitherSideScoresNothing() {
    assertEquals(0.0, Scoring.industry(null, "541511"), EXACT);
    assertEquals(0.0, Scoring.industry("541511", null), EXACT);
    assertEquals(0.0, Scoring.industry(" ", "541511"), EXACT);
    assertEquals(0, pointsFor("industry", mentee().naics(null).build(), mentor().naics(null).build()));
  }

  // ---------------------------------------------------------------- language

  @Test
  void languageScoresFullyWhenTheMentorSpeaksTheMenteesPreferredLanguage() {
    Mentee mentee = mentee().languages("fr", "fr", "ar").build();
    assertEquals(1.0, Scoring.language(mentee, mentor().languages("en", "en", "fr").build()), EXACT);
    assertEquals(1.0, Scoring.language(mentee, mentor().languages("fr", "FR").build()), EXACT);
  }

  @Test
  void languageScoresHalfWhenThePairSharesOnlyAnotherLanguage() {
    Mentee mentee = mentee().languages("fr", "fr", "ar", "en").build();
    assertEquals(0.5, Scoring.language(mentee, mentor().languages("en", "en").build()), EXACT);
    assertEquals(0.5, Scoring.language(mentee, mentor().languages("en", "en", "ar").build()), EXACT);
  }

  @Test
  void languageScoresNothingWithoutACommonLanguage() {
    Mentee mentee = mentee().languages("fr", "fr", "ro").build();
    assertEquals(0.0, Scoring.language(mentee, mentor().languages("en", "en", "es").build()), EXACT);
  }

  @Test
  void languageAsAHardFilterExcludesPairsWithoutACommonLanguage() {
    ProgramSettings settings = only("occupation", "language");
    Mentee mentee = mentee().languages("fr", "fr", "ro").build();
    assertEquals(Optional.empty(), Scoring.score(settings, mentee, mentor().languages("en", "en", "es").build()));
    assertTrue(Scoring.score(settings, mentee, mentor().languages("en", "en", "ro").build()).isPresent());
    assertTrue(Scoring.score(only("occupation"), mentee, mentor().languages("en", "en", "es").build()).isPresent(),
        "without the filter the pair is only scored lower");
  }

  // ---------------------------------------------------------------- location

  @Test
  void locationSameCityIgnoresCaseAccentsAndSurroundingSpace() {
    assertEquals(1.0, location("Montréal", "QC", "  montreal ", "QC"), EXACT);
    assertEquals(1.0, location("Trois-Rivières", "QC", "TROIS RIVIERES", "QC"), EXACT);
    assertEquals(1.0, location("Toronto", "ON", "toronto", null), EXACT, "a province missing does not split a city");
  }

  @Test
  void locationSameProvinceScoresHalf() {
    assertEquals(0.5, location("Ottawa", "ON", "Toronto", "on"), EXACT);
  }

  @Test
  void locationElsewhereScoresNothing() {
    assertEquals(0.0, location("Ottawa", "ON", "Gatineau", "QC"), EXACT);
    assertEquals(0.0, location(null, null, "Gatineau", "QC"), EXACT);
    assertEquals(0.0, location("Kingston", "ON", "Kingston", "NS"), EXACT, "one name, two cities");
  }

  private static double location(String menteeCity, String menteeProvince, String mentorCity, String mentorProvince) {
    return Scoring.location(mentee().place(menteeCity, menteeProvince).build(),
        mentor().place(mentorCity, mentorProvince).build());
  }

  @Test
  void provinceHardFilterExcludesPairsInDifferentOrUnknownProvinces() {
    ProgramSettings settings = only("occupation", "province");
    Mentee mentee = mentee().place("Ottawa", "ON").build();
    assertTrue(Scoring.score(settings, mentee, mentor().place("Toronto", "ON").build()).isPresent());
    assertEquals(Optional.empty(), Scoring.score(settings, mentee, mentor().place("Gatineau", "QC").build()));
    assertEquals(Optional.empty(), Scoring.score(settings, mentee, mentor().place("Ottawa", null).build()));
    assertEquals(Optional.empty(),
        Scoring.score(settings, mentee().place("Ottawa", null).build(), mentor().place("Ottawa", null).build()));
  }

  @Test
  void cityHardFilterExcludesPairsInDifferentOrUnknownCities() {
    ProgramSettings settings = only("occupation", "city");
    Mentee mentee = mentee().place("Montréal", "QC").build();
    assertTrue(Scoring.score(settings, mentee, mentor().place(" MONTREAL", "QC").build()).isPresent());
    assertEquals(Optional.empty(), Scoring.score(settings, mentee, mentor().place("Laval", "QC").build()));
    assertEquals(Optional.empty(), Scoring.score(settings, mentee, mentor().place(null, "QC").build()));
    assertEquals(Optional.empty(), Scoring.score(settings, mentee, mentor().place("  ", "QC").build()));
  }

  // ---------------------------------------------------------------- goals

  @Test
  void goalWordsLeaveOutStopWordsShortWordsAndPlurals() {
    assertEquals(Set.of("data", "analyst", "database", "dashboard"),
        Scoring.contentWords("I want to become a Data Analyst, working with databases and dashboards in Canada"));
    assertEquals(Set.of("company", "class", "match", "business", "analysis"),
        Scoring.contentWords("companies classes matches business analysis"));
    assertEquals(Set.of("ingenieure", "genie", "civil"), Scoring.contentWords("Ingénieure en génie civil"));
  }

  @Test
  void goalsScoreTheShareOfGoalWordsFoundInTheMentorsField() {
    String goals = "I want to become a data analyst working with databases and dashboards";
    assertEquals(0.75, Scoring.goals(goals, "Database design, SQL and Power BI dashboards", "Data Engineer"), EXACT);
    assertEquals(1.0, Scoring.goals(goals, "Dashboards, databases", "Senior Data Analyst"), EXACT);
    assertEquals(0.0, Scoring.goals(goals, "Structural steel", "Civil Engineer"), EXACT);
  }

  @Test
  void goalsMatchAcrossAccentsAndCase() {
    assertEquals(1.0, Scoring.goals("Génie civil", "GENIE CIVIL, béton armé", null), EXACT);
  }

  @Test
  void goalsWithoutWordsThatCarryMeaningScoreNothing() {
    assertEquals(0.0, Scoring.goals(null, "Data analysis", "Analyst"), EXACT);
    assertEquals(0.0, Scoring.goals("", "Data analysis", "Analyst"), EXACT);
    assertEquals(0.0, Scoring.goals("I want to work in my field", "work field", "want"), EXACT);
    assertEquals(0.0, Scoring.goals("data analyst", null, null), EXACT);
  }

  // ---------------------------------------------------------------- keywords

  @Test
  void keywordsScoreTheShareOfTheMenteesKeywordsTheMentorHas() {
    List<String> mentee = List.of("SQL", "project management", "Agile");
    assertEquals(1.0, Scoring.keywords(mentee, List.of("agile"), "Led project-management offices; SQL tuning"), EXACT);
    assertEquals(1 / 3.0, Scoring.keywords(mentee, List.of("Agile", "Kanban"), "Structural design"), EXACT);
    assertEquals(2 / 3.0, Scoring.keywords(mentee, List.of("sql"), "Project management"), EXACT);
    assertEquals(0.0, Scoring.keywords(mentee, List.of("nursing"), "Patient care"), EXACT);
  }

  @Test
  void keywordsCompareFoldedWordsAndCountEachKeywordOnce() {
    assertEquals(1.0, Scoring.keywords(List.of("Télécoms", "telecom"), List.of(), "telecom networks"), EXACT);
    assertEquals(0.5, Scoring.keywords(List.of("SQL", "sql", "python"), List.of("Sql"), null), EXACT);
  }

  @Test
  void keywordsOfAPhraseMatchOnlyConsecutiveWordsOfTheExpertise() {
    assertEquals(0.0, Scoring.keywords(List.of("project management"), List.of(), "management of a project"), EXACT);
  }

  @Test
  void noKeywordsScoreNothing() {
    assertEquals(0.0, Scoring.keywords(List.of(), List.of("sql"), "sql"), EXACT);
    assertEquals(0.0, Scoring.keywords(List.of("--"), List.of("sql"), "sql"), EXACT);
  }

  // ---------------------------------------------------------------- availability

  @Test
  void availabilityScoresTheShareOfTheMenteesSlotsTheMentorHas() {
    List<String> mentee = List.of("weekday_mornings", "weekday_evenings");
    assertEquals(1.0, Scoring.availability(mentee, List.of("weekday_evenings", "weekends", "weekday_mornings")),
        EXACT);
    assertEquals(0.5, Scoring.availability(mentee, List.of("weekday_evenings")), EXACT);
    assertEquals(0.0, Scoring.availability(mentee, List.of("weekends")), EXACT);
  }

  @Test
  void availabilityUnknownOnEitherSideIsNeutral() {
    assertEquals(0.5, Scoring.availability(List.of(), List.of("weekends")), EXACT);
    assertEquals(0.5, Scoring.availability(List.of("weekends"), List.of()), EXACT);
    assertEquals(0.5, Scoring.availability(List.of(), List.of()), EXACT);
  }

  // ---------------------------------------------------------------- the score

  @Test
  void aScoreBreaksDownIntoRoundedPointsPerCriterion() {
    Mentee mentee = mentee().noc("21231").naics("541511").languages("en", "en").place("Ottawa", "ON")
        .goals("I want to become a data analyst working with databases and dashboards")
        .availability("weekday_evenings", "weekends").build();
    Mentor mentor = mentor().noc("21232").naics("541512").languages("en", "en", "fr").place("Toronto", "ON")
        .jobTitle("Data Engineer").expertise("Database design, SQL and Power BI dashboards").build();

    Scoring.Score score = Scoring.score(ProgramSettings.defaults(), mentee, mentor).orElseThrow();

    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("occupation", 26);
    expected.put("industry", 17);
    expected.put("language", 10);
    expected.put("location", 5);
    expected.put("goals", 11);
    expected.put("availability", 5);
    assertEquals(expected, score.breakdown());
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(score.breakdown().keySet()), "criteria in order");
    assertEquals(74, score.total());
  }

  @Test
  void criteriaWeighingZeroAreLeftOutOfTheBreakdown() {
    Map<String, Integer> weights = new LinkedHashMap<>();
    weights.put("keywords", 5);
    weights.put("goals", 0);
    weights.put("occupation", 40);
    weights.put("language", 0);
    weights.put("location", 10);
    Scoring.Score score = Scoring.score(settings(weights, List.of()), mentee().build(), mentor().build())
        .orElseThrow();
    assertEquals(List.of("occupation", "location", "keywords"), List.copyOf(score.breakdown().keySet()));
  }

  @Test
  void aCriterionThatEarnsNothingStillShowsInTheBreakdown() {
    Scoring.Score score = Scoring.score(settings(Map.of("occupation", 30, "keywords", 20), List.of()),
        mentee().noc("21231").build(), mentor().noc("31102").build()).orElseThrow();
    assertEquals(Map.of("occupation", 0, "keywords", 0), score.breakdown());
    assertEquals(0, score.total());
  }

  @Test
  void aPairWithoutAnyCommonGroundStillScoresWhenNoFilterRulesItOut() {
    Mentee mentee = mentee().noc("21231").naics("541511").languages("fr", "fr").place("Ottawa", "ON").build();
    Mentor mentor = mentor().noc("31102").naics("622111").languages("en", "en").place("Halifax", "NS").build();
    Scoring.Score score = Scoring.score(settings(weightsOfAll(10), List.of()), mentee, mentor).orElseThrow();
    assertEquals(Map.of("occupation", 0, "industry", 0, "language", 0, "location", 0, "goals", 0,
        "availability", 5, "keywords", 0), score.breakdown(), "only the neutral half of availability");
  }

  @Test
  void pointsRoundHalfUp() {
    assertEquals(8, Scoring.points(15, 0.5));
    assertEquals(8, Scoring.points(10, 0.75));
    assertEquals(4, Scoring.points(35, 0.1));
    assertEquals(0, Scoring.points(0, 1.0));
    assertEquals(100, Scoring.points(100, 1.0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scoring.points(10, 1.5));
    assertEquals("fraction 1.5 is not in [0, 1]", e.getMessage());
  }

  @Test
  void aScoreWhoseBreakdownDoesNotAddUpIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Scoring.Score(10, Map.of("occupation", 4, "industry", 5)));
    assertEquals("breakdown adds up to 9, not 10", e.getMessage());
  }

  @Test
  void mentorsTakenInThroughIntakeScoreLikeAnyOther() {
    MentorIntake intake = new MentorIntake("Marc", "Tremblay", "marc@example.org", null, List.of("fr", "en"), "fr",
        "Montréal", "QC", "21231", "541511", 8, "Acme", "Software Engineer", true, 2,
        List.of("weekday_evenings"), "Cloud software, Java", List.of("java"), null, true);
    Mentor mentor = Mentor.intake("mtr_intake", intake, NOW);
    Mentee mentee = mentee().languages("fr", "fr").place("montreal", "QC").goals("software engineer")
        .keywords("Java").availability("weekday_evenings").build();
    Scoring.Score score = Scoring.score(settings(weightsOfAll(10), List.of("language", "city")), mentee, mentor)
        .orElseThrow();
    assertEquals(70, score.total());
  }

  // ---------------------------------------------------------------- properties

  @Test
  void onRandomPairsPointsStayWithinTheirWeightsAndAddUpToTheTotal() {
    Random random = new Random(20250301L);
    for (int i = 0; i < 3000; i++) {
      Map<String, Integer> weights = randomWeights(random);
      ProgramSettings settings = settings(weights, randomHardFilters(random));
      Optional<Scoring.Score> scored = Scoring.score(settings, randomMentee(random, "mte_" + i),
          randomMentor(random, "mtr_" + i));
      if (scored.isEmpty()) {
        continue;
      }
      Scoring.Score score = scored.get();
      int sum = 0;
      int weightSum = 0;
      List<String> weighed = new ArrayList<>();
      for (String criterion : Scoring.CRITERIA) {
        int weight = weights.getOrDefault(criterion, 0);
        weightSum += weight;
        if (weight > 0) {
          weighed.add(criterion);
          int points = score.breakdown().get(criterion);
          assertTrue(points >= 0 && points <= weight, criterion + " gave " + points + " of " + weight);
          sum += points;
        }
      }
      assertEquals(weighed, List.copyOf(score.breakdown().keySet()));
      assertEquals(sum, score.total());
      assertTrue(score.total() <= weightSum);
    }
  }

  @Test
  void hardFiltersExcludeExactlyThePairsTheyRuleOut() {
    Random random = new Random(7L);
    for (int i = 0; i < 2000; i++) {
      Mentee mentee = randomMentee(random, "mte_" + i);
      Mentor mentor = randomMentor(random, "mtr_" + i);
      List<String> filters = randomHardFilters(random);
      boolean expected = (!filters.contains("language") || Scoring.language(mentee, mentor) > 0)
          && (!filters.contains("province") || Scoring.sameProvince(mentee.province(), mentor.province()))
          && (!filters.contains("city") || Scoring.location(mentee, mentor) == 1.0);
      assertEquals(expected, Scoring.score(settings(weightsOfAll(10), filters), mentee, mentor).isPresent(),
          () -> filters + " " + mentee + " " + mentor);
    }
  }

  @Test
  void aLongerSharedNocPrefixNeverScoresFewerOccupationPoints() {
    Random random = new Random(42L);
    for (int i = 0; i < 2000; i++) {
      int weight = 1 + random.nextInt(100);
      ProgramSettings settings = settings(Map.of("occupation", weight), List.of());
      Mentee mentee = mentee().noc(randomNoc(random)).build();
      int previous = -1;
      for (int shared = 0; shared <= 5; shared++) {
        String noc = nocSharing(random, mentee.nocCode(), shared);
        int points = Scoring.score(settings, mentee, mentor().noc(noc).build()).orElseThrow().total();
        assertTrue(points >= previous, mentee.nocCode() + " / " + noc + " gave " + points + " < " + previous);
        previous = points;
      }
      String a = randomNoc(random);
      String b = randomNoc(random);
      int pointsA = Scoring.score(settings, mentee, mentor().noc(a).build()).orElseThrow().total();
      int pointsB = Scoring.score(settings, mentee, mentor().noc(b).build()).orElseThrow().total();
      int prefixA = sharedPrefix(mentee.nocCode(), a);
      int prefixB = sharedPrefix(mentee.nocCode(), b);
      if (prefixA > prefixB) {
        assertTrue(pointsA >= pointsB);
      } else if (prefixB > prefixA) {
        assertTrue(pointsB >= pointsA);
      } else {
        assertEquals(pointsA, pointsB);
      }
    }
  }

  private static int sharedPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /** A code sharing exactly {@code shared} leading digits with {@code noc}. */
  private static String nocSharing(Random random, String noc, int shared) {
    StringBuilder code = new StringBuilder(noc.substring(0, shared));
    if (shared < 5) {
      code.append((char) ('0' + (noc.charAt(shared) - '0' + 1 + random.nextInt(9)) % 10));
    }
    while (code.length() < 5) {
      code.append(random.nextInt(10));
    }
    return code.toString();
  }

  // ---------------------------------------------------------------- random people

  private static final List<String> LANGUAGES = List.of("en", "fr", "ro", "ar", "es");
  private static final List<String> CITIES = List.of("Toronto", "toronto ", "Montréal", "Montreal", "Ottawa",
      "Kingston", "  ");
  private static final List<String> PROVINCES = List.of("ON", "QC", "NS", "on");
  private static final List<String> WORDS = List.of("data", "analyst", "databases", "engineer", "civil", "génie",
      "nursing", "accounting", "the", "with", "and", "I", "want", "software", "project", "management", "cloud");
  private static final List<String> KEYWORDS = List.of("sql", "project management", "Agile", "Python", "nursing",
      "IFRS", "cloud");
  private static final List<String> SLOTS = List.of("weekday_mornings", "weekday_afternoons", "weekday_evenings",
      "weekends");

  static Map<String, Integer> weightsOfAll(int weight) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (String criterion : Scoring.CRITERIA) {
      weights.put(criterion, weight);
    }
    return weights;
  }

  static Map<String, Integer> randomWeights(Random random) {
    Map<String, Integer> weights = new LinkedHashMap<>();
    for (String criterion : Scoring.CRITERIA) {
      int roll = random.nextInt(10);
      if (roll < 2) {
        continue;
      }
      weights.put(criterion, roll < 4 ? 0 : random.nextInt(101));
    }
    return weights;
  }

  static List<String> randomHardFilters(Random random) {
    return someOf(random, ProgramSettings.HARD_FILTERS, 0.25);
  }

  /** Codes from a small alphabet, so that random pairs often share a prefix. */
  static String randomNoc(Random random) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      code.append("123".charAt(random.nextInt(3)));
    }
    return code.toString();
  }

  static String randomNaics(Random random) {
    if (random.nextInt(8) == 0) {
      return null;
    }
    StringBuilder code = new StringBuilder();
    int length = 2 + random.nextInt(5);
    for (int i = 0; i < length; i++) {
      code.append("345".charAt(random.nextInt(3)));
    }
    return code.toString();
  }

  static Mentee randomMentee(Random random, String id) {
    List<String> languages = someOf(random, LANGUAGES, 0.4);
    return mentee().id(id).noc(randomNoc(random)).naics(randomNaics(random))
        .languages(random.nextBoolean() ? "en" : "fr", languages.toArray(new String[0]))
        .place(maybe(random, CITIES), maybe(random, PROVINCES))
        .goals(random.nextInt(5) == 0 ? null : String.join(" ", someOf(random, WORDS, 0.3)))
        .availability(someOf(random, SLOTS, 0.5).toArray(new String[0]))
        .keywords(someOf(random, KEYWORDS, 0.3).toArray(new String[0]))
        .build();
  }

  static Mentor randomMentor(Random random, String id) {
    List<String> languages = someOf(random, LANGUAGES, 0.4);
    return mentor().id(id).noc(randomNoc(random)).naics(randomNaics(random))
        .languages(random.nextBoolean() ? "en" : "fr", languages.toArray(new String[0]))
        .place(maybe(random, CITIES), maybe(random, PROVINCES))
        .jobTitle(maybe(random, WORDS))
        .expertise(random.nextInt(5) == 0 ? null : String.join(", ", someOf(random, WORDS, 0.3)))
        .availability(someOf(random, SLOTS, 0.5).toArray(new String[0]))
        .keywords(someOf(random, KEYWORDS, 0.3).toArray(new String[0]))
        .build();
  }

  private static <T> List<T> someOf(Random random, List<T> values, double chance) {
    List<T> picked = new ArrayList<>();
    for (T value : values) {
      if (random.nextDouble() < chance) {
        picked.add(value);
      }
    }
    return picked;
  }

  private static String maybe(Random random, List<String> values) {
    return random.nextInt(6) == 0 ? null : values.get(random.nextInt(values.size()));
  }

  private static Map<String, Integer> breakdown(ProgramSettings settings, Mentee mentee, Mentor mentor) {
    return Scoring.score(settings, mentee, mentor).orElseThrow().breakdown();
  }
}
