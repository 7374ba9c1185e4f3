package org.tandem.relationships;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmploymentTest {
  @Test
  void theSameMinorGroupIsInField() {
    assertEquals("employed_in_field", Employment.field("21300", "21300"));
    assertEquals("employed_in_field", Employment.field("21300", "21301"), "civil and mechanical engineers");
    assertEquals("employed_in_field", Employment.field("11100", "11101"));
  }

  @Test
  void theSameBroadCategoryIsRelated() {
    assertEquals("employed_related", Employment.field("21300", "21231"), "an engineer working as a software engineer");
    assertEquals("employed_related", Employment.field("21300", "22300"), "an engineer as a civil technologist");
    assertEquals("employed_related", Employment.field("31301", "32101"), "a registered nurse as a practical nurse");
  }

  @Test
  void anythingElseIsOther() {
    assertEquals("employed_other", Employment.field("21300", "64100"), "an engineer in retail");
    assertEquals("employed_other", Employment.field("11100", "21300"));
    assertEquals("employed_other", Employment.field("21300", "12300"), "the same digits in another broad category");
  }

  @Test
  void checkpointsReadAndWriteTheirWireNamesExactly() {
    assertEquals(Optional.of(Checkpoint.EXIT), Checkpoint.fromWire("exit"));
    assertEquals(Optional.of(new Checkpoint(3)), Checkpoint.fromWire("3_months"));
    assertEquals(Optional.of(new Checkpoint(1)), Checkpoint.fromWire("1_month"));
    for (String bad : List.of("0_months", "1_months", "03_months", "61_months", "3_month", "exit ", "Exit", "")) {
      assertTrue(Checkpoint.fromWire(bad).isEmpty(), bad);
    }
    for (int months = 0; months <= 60; months++) {
      Checkpoint checkpoint = new Checkpoint(months);
      assertEquals(Optional.of(checkpoint), Checkpoint.fromWire(checkpoint.wireName()));
    }
    assertEquals(List.of("exit", "3_months", "6_months", "12_months"),
        Checkpoint.of(List.of(3, 6, 12)).stream().map(Checkpoint::wireName).toList());
    assertEquals(LocalDate.of(2027, 2, 28), new Checkpoint(3).dueOn(LocalDate.of(2026, 11, 30)),
        "a month that has no such day ends on its last");
  }
}
