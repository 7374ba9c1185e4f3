package org.tandem.ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Server-made ids: a type prefix, then 26 characters of lower-case Crockford base32 holding 48
 * bits of milliseconds and 80 random bits, so ids sort by creation and never collide in practice.
 */
public final class Ids {
  private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
  private static final Pattern BODY = Pattern.compile("[0-9a-hjkmnp-tv-z]{26}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;

  public Ids(Clock clock) {
    this.clock = clock;
  }

  /** A new id such as {@code mte_01jd3k...}. */
  public String next(String prefix) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    return prefix + "_" + encode(clock.millis(), random);
  }

  /** Whether {@code id} has the shape of an id made with {@code prefix}. */
  public static boolean isValid(String prefix, String id) {
    return id != null
        && id.length() == prefix.length() + 27
        && id.startsWith(prefix + "_")
        && BODY.matcher(id).region(prefix.length() + 1, id.length()).matches();
  }

  static String encode(long millis, byte[] random) {
    char[] out = new char[26];
    // 10 characters of time (50 bits, the top two always zero), then 16 of randomness (80 bits).
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    long hi = 0;
    for (int i = 0; i < 5; i++) {
      hi = (hi << 8) | (random[i] & 0xff);
    }
    long lo = 0;
    for (int i = 5; i < 10; i++) {
      lo = (lo << 8) | (random[i] & 0xff);
    }
    for (int i = 17; i >= 10; i--) {
      out[i] = ALPHABET[(int) (hi & 31)];
      hi >>>= 5;
    }
    for (int i = 25; i >= 18; i--) {
      out[i] = ALPHABET[(int) (lo & 31)];
      lo >>>= 5;
    }
    return new String(out);
  }
}
