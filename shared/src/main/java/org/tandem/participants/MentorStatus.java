package org.tandem.participants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/** A mentor's way: {@code applied -> eligible|ineligible -> ready <-> inactive}. */
public enum MentorStatus {
  APPLIED,
  ELIGIBLE,
  INELIGIBLE,
  READY,
  INACTIVE;

  static final Set<MentorStatus> SCREENABLE = Set.of(APPLIED, ELIGIBLE, INELIGIBLE);

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static MentorStatus fromWire(String value) {
    for (MentorStatus status : values()) {
      if (status.wireName().equals(value)) {
        return status;
      }
    }
    return null;
  }

  /** Whether a coordinator may move a mentor from this status to {@code next} by hand. */
  public boolean canMoveTo(MentorStatus next) {
    return (this == ELIGIBLE && next == READY)
        || (this == READY && next == INACTIVE)
        || (this == INACTIVE && next == READY);
  }
}
