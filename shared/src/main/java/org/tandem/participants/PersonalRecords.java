package org.tandem.participants;

import java.time.Instant;
import org.tandem.tenancy.TenantScope;

/**
 * What the program holds about a person beyond their own record (their matches and what was
 * written in them, outcomes, attendance), for the export and erasure of {@link PrivacyService}.
 */
public interface PersonalRecords {
  /** Everything held about the person in those records, as the export shows it. */
  org.tandem.relationships.RelationshipRecords.Held export(TenantScope tenant, String participantId);

  /** Blanks the personal text of those records; what they count stays. */
  void erase(TenantScope tenant, String participantId, Instant now);
}
