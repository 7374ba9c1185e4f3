package org.tandem.errors;

import java.util.concurrent.ThreadLocalRandom;

/** A short, random, growing pause before trying a write that lost a race again. */
public final class Backoff {
  private Backoff() {}

  /** Sleeps up to 10 ms x 2^attempt (at most 320 ms), at random so racers spread out. */
  public static void pause(int attempt) {
    long ceiling = 10L << Math.min(attempt, 5);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceiling + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while waiting to retry");
    }
  }
}
