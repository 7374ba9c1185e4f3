package org.tandem.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tandem.json.Json;
import org.tandem.participants.Mentee;
import org.tandem.participants.MenteeIntake;
import org.tandem.participants.MenteeStatus;
import org.tandem.participants.Screening;
import org.tandem.program.Eligibility;
import org.tandem.program.ProgramSettings;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class ItemCodecTest {
  private static final ObjectMapper MAPPER = Json.strictMapper();
  private static final ItemCodec CODEC = new ItemCodec(MAPPER);

  record Sample(String text, Integer boxed, int small, long big, double ratio, Boolean flag, List<String> tags,
      List<Part> parts, Map<String, Integer> weights, Part single, Instant at, LocalDate on, String nothing,
      List<String> none) {}

  record Part(String name, double share, List<Integer> counts, Part inner) {}

  private static Sample sample() {
    Map<String, Integer> weights = new LinkedHashMap<>();
    weights.put("occupation", 40);
    weights.put("goals", 0);
    return new Sample("Ana é 名", 8, -3, Long.MAX_VALUE, 0.1, false, List.of("en", "ro"),
        List.of(new Part("a", 2.5, List.of(1, 2, 3), new Part("deep", 3.0, List.of(), null)),
            new Part("b", -0.25, List.of(-7), null)),
        weights, new Part("", 1e-3, List.of(0), null), Instant.parse("2026-01-02T03:04:05.123Z"),
        LocalDate.of(2026, 2, 28), null, List.of());
  }

  private static String written(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRecordBecomesNativeAttributes() {
    Map<String, AttributeValue> item = CODEC.toItem(sample());

    assertEquals(AttributeValue.fromS("Ana é 名"), item.get("text"));
    assertEquals(AttributeValue.fromN("8"), item.get("boxed"));
    assertEquals(AttributeValue.fromN("-3"), item.get("small"));
    assertEquals(AttributeValue.fromN("9223372036854775807"), item.get("big"));
    assertEquals(AttributeValue.fromN("0.1"), item.get("ratio"));
    assertEquals(AttributeValue.fromBool(false), item.get("flag"));
    assertEquals(AttributeValue.fromL(List.of(AttributeValue.fromS("en"), AttributeValue.fromS("ro"))),
        item.get("tags"));
    assertEquals(AttributeValue.fromM(Map.of("occupation", AttributeValue.fromN("40"), "goals",
        AttributeValue.fromN("0"))), item.get("weights"));
    AttributeValue first = item.get("parts").l().get(0);
    assertEquals(AttributeValue.fromS("a"), first.m().get("name"));
    assertEquals(AttributeValue.fromN("2.5"), first.m().get("share"));
    assertEquals(AttributeValue.fromS("deep"), first.m().get("inner").m().get("name"));
    assertEquals(AttributeValue.fromNul(true), first.m().get("inner").m().get("inner"));
    assertEquals(AttributeValue.fromS("2026-01-02T03:04:05.123Z"), item.get("at"));
    assertEquals(AttributeValue.fromS("2026-02-28"), item.get("on"));
    assertEquals(AttributeValue.fromNul(true), item.get("nothing"));
    assertEquals(AttributeValue.fromL(List.of()), item.get("none"));
    assertEquals(14, item.size(), "one attribute per field, nulls included: " + item.keySet());
  }

  @Test
  void aRecordComesBackAsItWent() {
    Sample original = sample();
    assertEquals(original, CODEC.fromItem(CODEC.toItem(original), Sample.class));
    Sample empty = new Sample(null, null, 0, 0, 0, null, null, null, null, null, null, null, null, null);
    assertEquals(empty, CODEC.fromItem(CODEC.toItem(empty), Sample.class));
  }

  @Test
  void numbersKeepTheirValue() {
    for (double ratio : new double[] {0, -0.5, 1.0, 3.0, 0.1 + 0.2, 1e-9, 123456.789, 1e20, -1e100}) {
      Sample sample = new Sample(null, Integer.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE, ratio, null, null, null,
          null, null, null, null, null, null);
      assertEquals(sample, CODEC.fromItem(CODEC.toItem(sample), Sample.class), "ratio " + ratio);
    }
  }

  @Test
  void keyAttributesAndUnknownAttributesAreIgnoredOnTheWayBack() {
    Sample original = sample();
    Map<String, AttributeValue> item = new HashMap<>(CODEC.toItem(original));
    item.putAll(DynamoStore.key("criec#SAMPLE", "s1"));
    item.put(Tables.GSI1_PK, AttributeValue.fromS("criec#SAMPLE#x"));
    item.put(Tables.GSI1_SK, AttributeValue.fromS("s1"));
    item.put(Tables.EXPIRES_AT, AttributeValue.fromN("1700000000"));
    item.put("retiredField", AttributeValue.fromS("from an older version"));
    assertEquals(original, CODEC.fromItem(item, Sample.class));
  }

  @Test
  void missingAttributesReadAsNull() {
    Map<String, AttributeValue> item = new HashMap<>(CODEC.toItem(sample()));
    item.remove("text");
    item.remove("tags");
    Sample read = CODEC.fromItem(item, Sample.class);
    assertEquals(null, read.text());
    assertEquals(null, read.tags());
  }

  @Test
  void aStringSetReadsAsAList() {
    Map<String, AttributeValue> item = new HashMap<>(CODEC.toItem(sample()));
    item.put("tags", AttributeValue.fromSs(List.of("fr")));
    assertEquals(List.of("fr"), CODEC.fromItem(item, Sample.class).tags());
  }

  @Test
  void whatIsNoRecordOrNoKnownAttributeIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> CODEC.toItem("just text"));
    assertThrows(IllegalArgumentException.class, () -> CODEC.toItem(List.of(1, 2)));
    assertThrows(IllegalArgumentException.class,
        () -> ItemCodec.toNode(AttributeValue.fromB(SdkBytes.fromUtf8String("bytes"))));
    Map<String, AttributeValue> wrongType = new HashMap<>(CODEC.toItem(sample()));
    wrongType.put("small", AttributeValue.fromS("three"));
    IllegalStateException refused = assertThrows(IllegalStateException.class,
        () -> CODEC.fromItem(wrongType, Sample.class));
    assertEquals("stored item does not read as Sample", refused.getMessage());
  }

  @Test
  void aMenteeWithItsScreeningComesBackAsItWent() {
    MenteeIntake intake = new MenteeIntake("Ana", "Popescu", "ana@example.org", "+1 416 555 0100", List.of("en", "ro"),
        "en", "Toronto", "ON", "21300", "541330", 4, "permanent_resident", true, false, "P.Eng.",
        List.of("weekends"), List.of("bridges"), null, true);
    Instant now = Instant.parse("2026-01-02T03:04:05Z");
    Mentee mentee = Mentee.intake("mte_" + "0".repeat(26), MenteeStatus.APPLIED, intake, "ref_" + "1".repeat(26), now)
        .screened(new Screening(false, List.of(
            new Eligibility.Reason("clbLevel", "gte 5", 4),
            new Eligibility.Reason("province", "in [ON]", null),
            new Eligibility.Reason("jobSearchWorkshopCompleted", "eq true", false),
            new Eligibility.Reason("languages", "eq fr", List.of("en", "ro"))), now), now);

    Mentee read = CODEC.fromItem(CODEC.toItem(mentee), Mentee.class);

    // Compared as the API writes them: a reason's actual value is any JSON value.
    assertEquals(written(mentee), written(read));
    assertEquals(mentee.status(), read.status());
    assertEquals(mentee.screening().screenedAt(), read.screening().screenedAt());
    assertEquals(mentee.version(), read.version());
  }

  @Test
  void programSettingsComeBackAsTheyWent() throws Exception {
    ProgramSettings defaults = ProgramSettings.defaults();
    ProgramSettings read = CODEC.fromItem(CODEC.toItem(defaults), ProgramSettings.class);
    assertEquals(MAPPER.readTree(written(defaults)), MAPPER.readTree(written(read)));
    assertTrue(read.menteeEligibility().get(0).value().isArray());
    assertEquals("in [permanent_resident, convention_refugee, protected_person, approved_for_immigration]",
        read.menteeEligibility().get(0).describe());
    assertEquals("gte 2", read.mentorEligibility().get(0).describe());
  }
}
