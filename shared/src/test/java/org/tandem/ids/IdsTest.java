package org.tandem.ids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdsTest {
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

  private static Ids at(long millis) {
    return new Ids(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
  }

  /** The milliseconds the first ten characters after the prefix hold. */
  private static long millisOf(String id, String prefix) {
    long millis = 0;
    for (char c : id.substring(prefix.length() + 1, prefix.length() + 11).toCharArray()) {
      millis = millis * 32 + ALPHABET.indexOf(c);
    }
    return millis;
  }

  @Test
  void anIdIsItsPrefixAndTwentySixLowerCaseCrockfordCharacters() {
    String id = new Ids(Clock.systemUTC()).next("mte");
    assertEquals(30, id.length());
    assertTrue(id.matches("mte_[0-9a-hjkmnp-tv-z]{26}"), id);
    assertTrue(Ids.isValid("mte", id));
    String key = new Ids(Clock.systemUTC()).next("key");
    assertTrue(key.matches("key_[0-9a-hjkmnp-tv-z]{26}"), key);
  }

  @Test
  void anIdCarriesTheMillisecondItWasMadeIn() {
    long now = Instant.parse("2026-03-01T12:34:56.789Z").toEpochMilli();
    assertEquals(now, millisOf(at(now).next("ref"), "ref"));
    assertEquals(0, millisOf(at(0).next("ref"), "ref"));
    // 48 bits of milliseconds last until the year 10889.
    long last = (1L << 48) - 1;
    assertEquals(last, millisOf(at(last).next("ref"), "ref"));
  }

  @Test
  void theEncodingIsFixedBitForBit() {
    assertEquals("0".repeat(26), Ids.encode(0, new byte[10]));
    assertEquals("0000000001" + "0".repeat(16), Ids.encode(1, new byte[10]));
    assertEquals("000000000z" + "0".repeat(16), Ids.encode(31, new byte[10]));
    assertEquals("0000000010" + "0".repeat(16), Ids.encode(32, new byte[10]));
    byte[] ones = new byte[10];
    java.util.Arrays.fill(ones, (byte) 0xff);
    assertEquals("0".repeat(10) + "z".repeat(16), Ids.encode(0, ones));
    byte[] last = new byte[10];
    last[9] = 1;
    assertEquals("0".repeat(25) + "1", Ids.encode(0, last));
  }

  @Test
  void idsSortByTheTimeTheyWereMade() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      long earlier = random.nextLong(1L << 47);
      long later = earlier + 1 + random.nextInt(i % 2 == 0 ? 1 : 1_000_000);
      String a = at(earlier).next("mte");
      String b = at(later).next("mte");
      assertTrue(a.compareTo(b) < 0, a + " (" + earlier + ") sorts after " + b + " (" + later + ")");
    }
    // Across a carry, too.
    assertTrue(at(31).next("mte").compareTo(at(32).next("mte")) < 0);
    assertTrue(at(1023).next("mte").compareTo(at(1024).next("mte")) < 0);
  }

  @Test
  void idsMadeInTheSameMillisecondDiffer() {
    Ids ids = at(1_700_000_000_000L);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      assertTrue(seen.add(ids.next("mte")));
    }
    String one = ids.next("mte");
    String two = ids.next("mte");
    assertEquals(one.substring(0, 14), two.substring(0, 14), "the same time part");
    assertNotEquals(one.substring(14), two.substring(14));
  }

  @Test
  void validityChecksPrefixLengthAndAlphabet() {
    String body = "01jd3kq8vz7w5m2n4p6r8t0abc";
    assertEquals(26, body.length());
    assertTrue(Ids.isValid("mte", "mte_" + body));
    assertFalse(Ids.isValid("mtr", "mte_" + body), "another type's id");
    assertFalse(Ids.isValid("mt", "mte_" + body));
    assertFalse(Ids.isValid("mte", "mte-" + body));
    assertFalse(Ids.isValid("mte", "mte" + body + "0"));
    assertFalse(Ids.isValid("mte", "mte_" + body.substring(1)));
    assertFalse(Ids.isValid("mte", "mte_" + body + "0"));
    assertFalse(Ids.isValid("mte", "mte_" + body.toUpperCase()));
    for (char excluded : new char[] {'i', 'l', 'o', 'u', '_', '-', '.', '/'}) {
      assertFalse(Ids.isValid("mte", "mte_" + excluded + body.substring(1)), "with " + excluded);
    }
    assertFalse(Ids.isValid("mte", null));
    assertFalse(Ids.isValid("mte", ""));
    assertFalse(Ids.isValid("mte", "mte_"));
  }
}
