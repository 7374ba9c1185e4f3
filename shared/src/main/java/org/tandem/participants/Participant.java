package org.tandem.participants;

import java.time.Instant;

/** What mentees and mentors have in common for storage: an id, a status, a version. */
public interface Participant {
  String id();

  /** The status as it is written on the wire and in counters. */
  String statusName();

  long version();

  Instant erasedAt();
}
