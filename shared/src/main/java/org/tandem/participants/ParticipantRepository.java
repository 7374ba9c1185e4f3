package org.tandem.participants;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.tenancy.TenantScope;

/**
 * Mentees or mentors of one tenant. Writes keep the per-status counters in the same
 * transaction, so reports never count by reading participants.
 */
public interface ParticipantRepository<T extends Participant> {
  void create(TenantScope tenant, T participant);

  Optional<T> find(TenantScope tenant, String id);

  /** Those of the given ids that exist (at most 100 ids). */
  List<T> findAll(TenantScope tenant, Collection<String> ids);

  /** Newest first; only those with {@code status} when it is not null. */
  Page<T> list(TenantScope tenant, String status, PageRequest page);

  /**
   * Every participant in one status, read a megabyte at a time: what matching reads (a program's
   * ready mentors), bounded by the program's size.
   */
  List<T> listAll(TenantScope tenant, String status);

  /** Replaces {@code previous} with {@code next} if nobody changed it meanwhile; false otherwise. */
  boolean update(TenantScope tenant, T previous, T next);
}
