package org.tandem.matching;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A match's life: {@code proposed -> active -> closed}; {@code declined} when either party
 * declines; {@code withdrawn} when a coordinator withdraws the proposal or the mentee was matched
 * one-on-one elsewhere.
 */
public enum MatchStatus {
  PROPOSED,
  ACTIVE,
  DECLINED,
  WITHDRAWN,
  CLOSED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static MatchStatus fromWire(String value) {
    for (MatchStatus status : values()) {
      if (status.wireName().equals(value)) {
        return status;
      }
    }
    return null;
  }

  /** Whether the pair is still taken by this match: proposed or active. */
  public boolean isOpen() {
    return this == PROPOSED || this == ACTIVE;
  }
}
