package org.tandem.participants;

import java.time.Instant;
import java.util.List;
import org.tandem.program.Eligibility;

/** The last screening of a participant against the program's rules. */
public record Screening(boolean eligible, List<Eligibility.Reason> reasons, Instant screenedAt) {
  public Screening {
    reasons = List.copyOf(reasons);
  }
}
