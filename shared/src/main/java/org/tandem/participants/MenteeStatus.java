package org.tandem.participants;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Set;

/**
 * A mentee's way through the program: {@code referred -> applied -> eligible|ineligible ->
 * ready -> matched -> completed|withdrawn}.
 */
public enum MenteeStatus {
  REFERRED,
  APPLIED,
  ELIGIBLE,
  INELIGIBLE,
  READY,
  MATCHED,
  COMPLETED,
  WITHDRAWN;

  /** Statuses screening may start from; screening again is allowed until the mentee is ready. */
  static final Set<MenteeStatus> SCREENABLE = Set.of(REFERRED, APPLIED, ELIGIBLE, INELIGIBLE);

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static MenteeStatus fromWire(String value) {
    for (MenteeStatus status : values()) {
      if (status.wireName().equals(value)) {
        return status;
      }
    }
    return null;
  }

  public boolean isOpen() {
    return this != COMPLETED && this != WITHDRAWN;
  }

  /** Whether a coordinator may move a mentee from this status to {@code next} by hand. */
  public boolean canMoveTo(MenteeStatus next) {
    if (next == WITHDRAWN) {
      return isOpen();
    }
    return (this == REFERRED && next == APPLIED) || (this == ELIGIBLE && next == READY);
  }
}
