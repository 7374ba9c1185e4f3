package org.tandem.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.errors.ApiError;
import org.tandem.errors.Checks;
import org.tandem.errors.ValidationFailed;
import org.tandem.json.Json;
import org.tandem.participants.Mentee;
import org.tandem.participants.MenteeIntake;
import org.tandem.participants.MenteeStatus;
import org.tandem.participants.Mentor;
import org.tandem.participants.MentorIntake;

class EligibilityTest {
  private static final ObjectMapper MAPPER = Json.strictMapper();

  private static EligibilityRule rule(String field, String op, String valueJson) {
    try {
      return new EligibilityRule(field, op, MAPPER.readTree(valueJson));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static boolean holds(String field, String op, String valueJson, Object actual) {
    Map<String, Object> facts = new HashMap<>();
    facts.put(field, actual);
    return Eligibility.evaluate(List.of(rule(field, op, valueJson)), facts).eligible();
  }

  // ---------------------------------------------------------------- numbers

  @Test
  void numberRulesCompareByValue() {
    assertTrue(holds("clbLevel", "gte", "5", 5));
    assertTrue(holds("clbLevel", "gte", "5", 12));
    assertFalse(holds("clbLevel", "gte", "5", 4));
    assertTrue(holds("clbLevel", "lte", "10", 10));
    assertFalse(holds("clbLevel", "lte", "10", 11));
    assertTrue(holds("clbLevel", "eq", "8", 8));
    assertTrue(holds("clbLevel", "eq", "8.0", 8));
    assertTrue(holds("clbLevel", "eq", "8", 8L));
    assertFalse(holds("clbLevel", "eq", "8", 7));
    assertTrue(holds("clbLevel", "ne", "8", 7));
    assertFalse(holds("clbLevel", "ne", "8", 8));
    assertTrue(holds("clbLevel", "in", "[5, 6, 7]", 6));
    assertFalse(holds("clbLevel", "in", "[5, 6, 7]", 8));
    assertTrue(holds("yearsCanadianExperience", "gte", "2.5", 3));
    assertFalse(holds("yearsCanadianExperience", "gte", "2.5", 2));
  }

  @Test
  void everyNumberOpAgreesWithArithmeticForEveryLevel() {
    for (int level = 1; level <= 12; level++) {
      for (int threshold = 1; threshold <= 12; threshold++) {
        String t = Integer.toString(threshold);
        assertEquals(level >= threshold, holds("clbLevel", "gte", t, level), level + " gte " + t);
        assertEquals(level <= threshold, holds("clbLevel", "lte", t, level), level + " lte " + t);
        assertEquals(level == threshold, holds("clbLevel", "eq", t, level), level + " eq " + t);
        assertEquals(level != threshold, holds("clbLevel", "ne", t, level), level + " ne " + t);
        assertEquals(level == threshold || level == threshold + 1,
            holds("clbLevel", "in", "[" + t + ", " + (threshold + 1) + "]", level), level + " in " + t);
      }
    }
  }

  @Test
  void aNumberIsNeverEqualToItsText() {
    assertFalse(holds("clbLevel", "eq", "\"8\"", 8));
    assertTrue(holds("clbLevel", "ne", "\"8\"", 8));
    assertFalse(holds("nocCode", "eq", "21300", "21300"));
    assertFalse(holds("nocCode", "gte", "21300", "21300"), "gte on text never holds");
  }

  // ---------------------------------------------------------------- booleans

  @Test
  void booleanRulesCompareTruth() {
    assertTrue(holds("internationallyEducated", "eq", "true", true));
    assertFalse(holds("internationallyEducated", "eq", "true", false));
    assertTrue(holds("internationallyEducated", "ne", "true", false));
    assertFalse(holds("internationallyEducated", "ne", "true", true));
    assertTrue(holds("internationallyEducated", "in", "[true]", true));
    assertFalse(holds("internationallyEducated", "in", "[true]", false));
    assertFalse(holds("internationallyEducated", "eq", "\"true\"", true));
    assertFalse(holds("internationallyEducated", "gte", "1", true));
  }

  // ---------------------------------------------------------------- text

  @Test
  void textRulesCompareExactly() {
    assertTrue(holds("province", "eq", "\"ON\"", "ON"));
    assertFalse(holds("province", "eq", "\"ON\"", "on"));
    assertFalse(holds("province", "eq", "\"ON\"", "BC"));
    assertTrue(holds("province", "ne", "\"ON\"", "BC"));
    assertFalse(holds("province", "ne", "\"ON\"", "ON"));
    assertTrue(holds("province", "in", "[\"ON\", \"QC\"]", "QC"));
    assertFalse(holds("province", "in", "[\"ON\", \"QC\"]", "AB"));
    assertFalse(holds("province", "lte", "5", "ON"));
  }

  // ---------------------------------------------------------------- lists

  @Test
  void listRulesAskWhetherTheListHoldsTheValue() {
    List<String> languages = List.of("en", "ro");
    assertTrue(holds("languages", "eq", "\"en\"", languages), "eq: the list holds it");
    assertFalse(holds("languages", "eq", "\"fr\"", languages));
    assertTrue(holds("languages", "ne", "\"fr\"", languages), "ne: the list does not hold it");
    assertFalse(holds("languages", "ne", "\"ro\"", languages));
    assertTrue(holds("languages", "in", "[\"fr\", \"ro\"]", languages), "in: the lists share a value");
    assertFalse(holds("languages", "in", "[\"fr\", \"es\"]", languages));
    assertFalse(holds("languages", "gte", "1", languages));
    assertFalse(holds("languages", "eq", "\"en\"", List.of()));
    assertTrue(holds("languages", "ne", "\"en\"", List.of()));
    assertFalse(holds("languages", "in", "[\"en\"]", List.of()));
  }

  // ---------------------------------------------------------------- missing values

  @Test
  void aMissingFactFailsEveryRuleWithActualNull() {
    for (EligibilityRule rule : List.of(rule("clbLevel", "gte", "5"), rule("clbLevel", "ne", "5"),
        rule("province", "ne", "\"ON\""), rule("province", "in", "[\"ON\"]"),
        rule("internationallyEducated", "ne", "true"), rule("languages", "ne", "\"en\""))) {
      Map<String, Object> facts = new HashMap<>();
      facts.put(rule.field(), null);
      Eligibility.Result withNull = Eligibility.evaluate(List.of(rule), facts);
      Eligibility.Result absent = Eligibility.evaluate(List.of(rule), Map.of());
      assertEquals(new Eligibility.Result(false, List.of(new Eligibility.Reason(rule.field(), rule.describe(), null))),
          withNull, rule.toString());
      assertEquals(withNull, absent, rule.toString());
    }
  }

  // ---------------------------------------------------------------- evaluation

  @Test
  void evaluationAnswersEveryFailedRuleInRuleOrder() {
    List<EligibilityRule> rules = List.of(
        rule("clbLevel", "gte", "5"),
        rule("immigrationStatus", "in", "[\"permanent_resident\", \"convention_refugee\"]"),
        rule("province", "in", "[\"ON\"]"),
        rule("internationallyEducated", "eq", "true"),
        rule("jobSearchWorkshopCompleted", "eq", "true"));
    Map<String, Object> facts = new HashMap<>();
    facts.put("clbLevel", 4);
    facts.put("immigrationStatus", "permanent_resident");
    facts.put("province", "BC");
    facts.put("internationallyEducated", true);
    facts.put("jobSearchWorkshopCompleted", false);

    Eligibility.Result result = Eligibility.evaluate(rules, facts);

    assertFalse(result.eligible());
    assertEquals(List.of(
        new Eligibility.Reason("clbLevel", "gte 5", 4),
        new Eligibility.Reason("province", "in [ON]", "BC"),
        new Eligibility.Reason("jobSearchWorkshopCompleted", "eq true", false)), result.reasons());
    assertEquals("{\"field\":\"clbLevel\",\"rule\":\"gte 5\",\"actual\":4}",
        MAPPER.valueToTree(result.reasons().get(0)).toString());

    facts.put("clbLevel", 5);
    facts.put("province", "ON");
    facts.put("jobSearchWorkshopCompleted", true);
    assertEquals(new Eligibility.Result(true, List.of()), Eligibility.evaluate(rules, facts));
    assertEquals(new Eligibility.Result(true, List.of()), Eligibility.evaluate(List.of(), Map.of()),
        "no rules: everyone is eligible");
  }

  @Test
  void theDefaultRulesAcceptAnInternationallyEducatedPermanentResident() {
    ProgramSettings defaults = ProgramSettings.defaults();
    Map<String, Object> facts = new HashMap<>(Map.of("immigrationStatus", "permanent_resident",
        "internationallyEducated", true));
    assertTrue(Eligibility.evaluate(defaults.menteeEligibility(), facts).eligible());
    facts.put("immigrationStatus", "temporary_resident");
    assertEquals(List.of(new Eligibility.Reason("immigrationStatus",
            "in [permanent_resident, convention_refugee, protected_person, approved_for_immigration]",
            "temporary_resident")),
        Eligibility.evaluate(defaults.menteeEligibility(), facts).reasons());
    assertEquals(List.of(new Eligibility.Reason("yearsCanadianExperience", "gte 2", 1)),
        Eligibility.evaluate(defaults.mentorEligibility(), Map.of("yearsCanadianExperience", 1)).reasons());
  }

  // ---------------------------------------------------------------- describe

  @Test
  void aRuleDescribesItselfAsACoordinatorReadsIt() {
    assertEquals("gte 5", rule("clbLevel", "gte", "5").describe());
    assertEquals("lte 2.5", rule("clbLevel", "lte", "2.5").describe());
    assertEquals("eq true", rule("internationallyEducated", "eq", "true").describe());
    assertEquals("ne ON", rule("province", "ne", "\"ON\"").describe());
    assertEquals("in [ON, QC]", rule("province", "in", "[\"ON\", \"QC\"]").describe());
    assertEquals("in [5, 6]", rule("clbLevel", "in", "[5, 6]").describe());
    assertEquals("in [true]", rule("internationallyEducated", "in", "[true]").describe());
  }

  @Test
  void aRuleNeedsAFieldAnOpAndAValue() {
    JsonNode five = MAPPER.getNodeFactory().numberNode(5);
    assertEquals("field == null", assertThrows(NullPointerException.class,
        () -> new EligibilityRule(null, "gte", five)).getMessage());
    assertEquals("op == null", assertThrows(NullPointerException.class,
        () -> new EligibilityRule("clbLevel", null, five)).getMessage());
    assertEquals("value == null", assertThrows(NullPointerException.class,
        () -> new EligibilityRule("clbLevel", "gte", null)).getMessage());
  }

  // ---------------------------------------------------------------- checking rule lists

  private static List<ApiError.Problem> problems(List<EligibilityRule> rules, Map<String, Eligibility.FieldType> fields) {
    Checks checks = Checks.start();
    Eligibility.check(checks, "menteeEligibility", rules, fields);
    if (checks.ok()) {
      return List.of();
    }
    return assertThrows(ValidationFailed.class, checks::throwIfAny).details();
  }

  @Test
  void checkingAcceptsEveryOpThatFitsItsField() {
    List<EligibilityRule> rules = List.of(
        rule("clbLevel", "gte", "5"), rule("clbLevel", "lte", "10"), rule("clbLevel", "eq", "7"),
        rule("clbLevel", "ne", "7"), rule("clbLevel", "in", "[7, 8]"),
        rule("internationallyEducated", "eq", "true"), rule("internationallyEducated", "ne", "false"),
        rule("internationallyEducated", "in", "[true, false]"),
        rule("province", "eq", "\"ON\""), rule("province", "ne", "\"ON\""), rule("province", "in", "[\"ON\"]"),
        rule("languages", "eq", "\"en\""), rule("languages", "in", "[\"en\", \"fr\"]"));
    assertEquals(List.of(), problems(rules, Eligibility.MENTEE_FIELDS));
  }

  @Test
  void checkingNamesEachBadRuleByItsPlace() {
    List<EligibilityRule> rules = new ArrayList<>();
    rules.add(rule("clbLevel", "gte", "5"));
    rules.add(rule("shoeSize", "eq", "42"));
    rules.add(rule("clbLevel", "gt", "5"));
    rules.add(rule("province", "gte", "5"));
    rules.add(rule("clbLevel", "gte", "\"5\""));
    rules.add(rule("province", "in", "\"ON\""));
    rules.add(rule("province", "in", "[]"));
    rules.add(rule("province", "in", "[\"ON\", 5]"));
    rules.add(rule("internationallyEducated", "eq", "\"yes\""));
    rules.add(rule("province", "eq", "\"" + "x".repeat(201) + "\""));
    rules.add(null);
    rules.add(rule("clbLevel", "eq", "null"));

    assertEquals(List.of(
        new ApiError.Problem("menteeEligibility[1].field", "must be one of city, clbLevel, immigrationStatus, "
            + "internationallyEducated, jobSearchWorkshopCompleted, languages, naicsCode, nocCode, preferredLanguage, "
            + "province"),
        new ApiError.Problem("menteeEligibility[2].op", "must be one of eq, ne, gte, lte, in"),
        new ApiError.Problem("menteeEligibility[3].value", "gte and lte need a number field and a number"),
        new ApiError.Problem("menteeEligibility[4].value", "gte and lte need a number field and a number"),
        new ApiError.Problem("menteeEligibility[5].value", "must be an array of 1 to 100 values"),
        new ApiError.Problem("menteeEligibility[6].value", "must be an array of 1 to 100 values"),
        new ApiError.Problem("menteeEligibility[7].value", "must hold only strings of at most 200 characters"),
        new ApiError.Problem("menteeEligibility[8].value", "must be true or false"),
        new ApiError.Problem("menteeEligibility[9].value", "must be a string of at most 200 characters"),
        new ApiError.Problem("menteeEligibility[10]", "must be a rule"),
        new ApiError.Problem("menteeEligibility[11].value", "must be a number")),
        problems(rules, Eligibility.MENTEE_FIELDS));
  }

  @Test
  void checkingRefusesMoreThanFiftyRulesAndInListsOverAHundred() {
    List<EligibilityRule> many = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      many.add(rule("clbLevel", "gte", "1"));
    }
    assertEquals(List.of(new ApiError.Problem("menteeEligibility", "must have at most 50 rules")),
        problems(many, Eligibility.MENTEE_FIELDS));
    assertEquals(List.of(), problems(many.subList(0, 50), Eligibility.MENTEE_FIELDS));

    StringBuilder values = new StringBuilder("[");
    for (int i = 0; i < 101; i++) {
      values.append(i == 0 ? "" : ",").append(i);
    }
    assertEquals(List.of(new ApiError.Problem("menteeEligibility[0].value", "must be an array of 1 to 100 values")),
        problems(List.of(rule("clbLevel", "in", values.append("]").toString())), Eligibility.MENTEE_FIELDS));
  }

  @Test
  void aMentorRuleMayNotNameAMenteeField() {
    assertEquals(List.of(new ApiError.Problem("menteeEligibility[0].field", "must be one of capacity, city, "
            + "corporatePartner, languages, naicsCode, nocCode, preferredLanguage, province, yearsCanadianExperience")),
        problems(List.of(rule("clbLevel", "gte", "5")), Eligibility.MENTOR_FIELDS));
  }

  // ---------------------------------------------------------------- facts

  @Test
  void everyFieldARuleMayNameIsAFactOfTheParticipant() {
    MenteeIntake menteeIntake = new MenteeIntake("Ana", "Popescu", "ana@example.org", null, List.of("en", "ro"), "en",
        "Toronto", "ON", "21300", "541330", 8, "permanent_resident", true, true, "P.Eng.", null, null, null, true);
    Mentee mentee = Mentee.intake("mte_" + "0".repeat(26), MenteeStatus.APPLIED, menteeIntake, null,
        java.time.Instant.EPOCH);
    assertEquals(Eligibility.MENTEE_FIELDS.keySet(), mentee.eligibilityFacts().keySet());
    assertTrue(mentee.eligibilityFacts().values().stream().allMatch(java.util.Objects::nonNull));

    MentorIntake mentorIntake = new MentorIntake("Ben", "Whitfield", "ben@example.org", null, List.of("en"), "en",
        "Toronto", "ON", "21300", "541330", 12, "Lakeshore", "Engineer", false, 2, null, null, null, null, true);
    Mentor mentor = Mentor.intake("mtr_" + "0".repeat(26), mentorIntake, java.time.Instant.EPOCH);
    assertEquals(Eligibility.MENTOR_FIELDS.keySet(), mentor.eligibilityFacts().keySet());
    assertTrue(mentor.eligibilityFacts().values().stream().allMatch(java.util.Objects::nonNull));
  }
}
