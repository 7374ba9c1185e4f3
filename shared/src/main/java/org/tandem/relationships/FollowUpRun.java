package org.tandem.relationships;

import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.tandem.http.Log;
import org.tandem.http.Page;
import org.tandem.http.PageRequest;
import org.tandem.tenancy.Tenant;
import org.tandem.tenancy.TenantRepository;
import org.tandem.tenancy.TenantStatus;

/**
 * The daily run: for each active program, the scheduled follow-ups whose day has come become
 * due. It reads the register of tenants a page at a time and, per tenant, only the index
 * partition of what is scheduled up to today; it never passes over a table. Running it twice
 * on one day changes nothing the second time.
 */
public final class FollowUpRun {
  private static final int TENANT_PAGE = 100;

  private final TenantRepository tenants;
  private final FollowUpRepository followUps;

  @Inject
  public FollowUpRun(TenantRepository tenants, FollowUpRepository followUps) {
    this.tenants = tenants;
    this.followUps = followUps;
  }

  /** What one run did: per tenant how many follow-ups came due, and which tenants it did not reach or failed on. */
  public record Result(LocalDate date, int tenants, int madeDue, List<TenantResult> perTenant, List<String> failed,
      List<String> notReached) {}

  public record TenantResult(String tenantId, int madeDue) {}

  /** Reads one tenant of the register, so a snapshot holds the read path warm. */
  public void prime() {
    tenants.list(new PageRequest(1, null));
  }

  /**
   * Runs for {@code today}, tenant by tenant, while {@code timeLeft} says there is time for another:
   * the tenants not reached are named, and tomorrow's run (or a rerun) takes them on.
   */
  public Result run(LocalDate today, BooleanSupplier timeLeft) {
    List<TenantResult> done = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> notReached = new ArrayList<>();
    int made = 0;
    String cursor = null;
    do {
      Page<Tenant> page = tenants.list(new PageRequest(TENANT_PAGE, cursor));
      for (Tenant tenant : page.items()) {
        if (tenant.status() != TenantStatus.ACTIVE) {
          continue;
        }
        if (!timeLeft.getAsBoolean()) {
          notReached.add(tenant.id());
          continue;
        }
        try {
          int due = followUps.materialise(tenant.scope(), today);
          made += due;
          done.add(new TenantResult(tenant.id(), due));
        } catch (RuntimeException e) {
          // One program's table (a silo being restored, throttled) must not hold the others back.
          Log.error("follow-ups of tenant " + tenant.id() + " failed", null, e);
          failed.add(tenant.id());
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    Log.info("follow-ups for " + today + ": " + made + " came due across " + done.size() + " programs"
        + (failed.isEmpty() ? "" : "; failed: " + failed) + (notReached.isEmpty() ? "" : "; not reached: "
        + notReached));
    return new Result(today, done.size(), made, done, failed, notReached);
  }
}
