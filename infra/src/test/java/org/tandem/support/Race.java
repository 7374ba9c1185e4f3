package org.tandem.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Starts many tasks at the same instant, to race them against DynamoDB Local. */
public final class Race {
  private Race() {}

  /**
   * Runs {@code task(0..count-1)} on {@code pool}; the first {@code threads} start together.
   * Answers in task order; a task's assertion failure is rethrown as it is.
   */
  public static <T> List<T> run(ExecutorService pool, int threads, int count, IntFunction<T> task) {
    CountDownLatch ready = new CountDownLatch(Math.min(count, threads));
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int index = i;
      Callable<T> call = () -> {
        ready.countDown();
        go.await();
        return task.apply(index);
      };
      futures.add(pool.submit(call));
    }
    try {
      ready.await(30, TimeUnit.SECONDS);
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(180, TimeUnit.SECONDS));
      }
      return results;
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      if (cause instanceof AssertionError assertion) {
        throw assertion;
      }
      throw new AssertionError("a thread failed", cause);
    }
  }
}
