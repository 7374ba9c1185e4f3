package org.tandem.dynamo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tandem.tenancy.TenantScope;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The counter changes of one write, gathered per counter item: a transaction may touch an item
 * only once, so a closure that counts into this month's item twice (the closure and the exit
 * outcome) must make one update of it. Changes that cancel out are not written.
 */
public final class Tally {
  private final Map<String, Map<String, Long>> deltas = new LinkedHashMap<>();

  public static Tally start() {
    return new Tally();
  }

  /** Adds {@code delta} to {@code counter} of the counter item {@code item}. */
  public Tally add(String item, String counter, long delta) {
    deltas.computeIfAbsent(item, k -> new LinkedHashMap<>()).merge(counter, delta, Long::sum);
    return this;
  }

  /** Adds to a counter of the month item {@code date} falls in. */
  public Tally month(LocalDate date, String counter, long delta) {
    return add(Counters.month(date), counter, delta);
  }

  /** Moves one from one state counter to another of the same item, e.g. a goal from open to achieved. */
  public Tally move(String item, String from, String to) {
    return add(item, from, -1).add(item, to, 1);
  }

  public Tally addAll(Tally other) {
    other.deltas.forEach((item, counters) -> counters.forEach((counter, delta) -> add(item, counter, delta)));
    return this;
  }

  /** One update per counter item that still changes. */
  public List<TransactWriteItem> items(String table, TenantScope tenant) {
    List<TransactWriteItem> items = new ArrayList<>(deltas.size());
    deltas.forEach((item, counters) -> {
      Map<String, Long> changed = new LinkedHashMap<>();
      counters.forEach((counter, delta) -> {
        if (delta != 0) {
          changed.put(counter, delta);
        }
      });
      if (!changed.isEmpty()) {
        items.add(Counters.add(table, tenant, item, changed));
      }
    });
    return items;
  }

  /** The changes, for tests: item, then counter, then delta. */
  public Map<String, Map<String, Long>> deltas() {
    return deltas;
  }
}
