package org.tandem.matching;

import java.util.Arrays;

/**
 * The exact cohort assignment: many mentees to many mentors at once, with the largest possible
 * total score under each mentor's capacity.
 *
 * <p>The algorithm is the shortest augmenting path method for the rectangular assignment problem
 * (Hungarian / Jonker-Volgenant family, in the form of Crouse, "On implementing 2D rectangular
 * assignment algorithms", 2016), minimising cost = -score:
 *
 * <ul>
 *   <li>A mentor of capacity c is c interchangeable <em>slots</em> (columns); a slot only maps
 *       back to its mentor, the score matrix is never copied. A mentor's used slots are always
 *       the first ones, so a search looks at its used slots plus one free slot only.
 *   <li>Each mentee also has a private "stay unassigned" column of score 0. It is never stored:
 *       only its own row reaches it, its dual potential stays 0, and a search only has to
 *       remember the cheapest of them it has seen.
 *   <li>Start: every mentee's potential is its best option, and a mentee whose best mentor still
 *       has a free slot takes it (an edge with zero reduced cost, so the duals stay feasible).
 *       Then each remaining mentee is added by one Dijkstra search over reduced costs, followed
 *       by the usual potential update and augmentation. Potentials are longs.
 * </ul>
 *
 * <p>A FORBIDDEN pair is solved as a score of -2^31: leaving that mentee out instead always
 * raises the total by 2^31, so no optimum uses it, and the inner loop needs no test for it.
 *
 * <p>Ties are broken in a fixed order (at equal cost: a free slot first, then leaving the mentee
 * out, then a path on through a used slot; then by position), so the same input always gives the
 * same answer. The working memory is O(rows + slots) besides the caller's matrix.
 *
 * <p>Running time is O(rows x rows x slots) in the worst case. Dense random and similarity-like
 * scores at 2,000 x 2,000 solve in tens to a few hundred milliseconds (infra/bench/assignment.sh);
 * the slow inputs are degenerate ones where every mentee ranks the mentors the same way (score =
 * mentee term + mentor term, or a product of the two): each search then crosses a plateau of
 * equal-cost paths, and 2,000 x 2,000 takes seconds.
 */
public final class Assignment {
  /** A pair that must never be assigned (a hard filter failed). */
  public static final int FORBIDDEN = Integer.MIN_VALUE;

  /** slotOfRow: not yet placed. */
  private static final int UNPLACED = -1;
  /** slotOfRow: placed in its own "stay unassigned" column. */
  private static final int OUT = -2;

  private Assignment() {}

  /**
   * Assigns mentees (rows) to mentors (columns) so that the total score is the largest possible,
   * no mentor j gets more than capacities[j] mentees, each mentee gets at most one mentor, and no
   * FORBIDDEN pair is used. Scores are >= 0 (or FORBIDDEN); leaving a mentee unassigned scores 0,
   * so a mentee is left out only when that does not lower the total.
   *
   * @return for each mentee, the index of its mentor or -1
   * @throws IllegalArgumentException when a row has the wrong length, a capacity is negative or a
   *     score is negative (other than FORBIDDEN)
   */
  public static int[] solve(int[][] scores, int[] capacities) {
    if (scores == null) {
      throw new IllegalArgumentException("scores must not be null");
    }
    if (capacities == null) {
      throw new IllegalArgumentException("capacities must not be null");
    }
    int n = scores.length;
    int m = capacities.length;
    for (int j = 0; j < m; j++) {
      if (capacities[j] < 0) {
        throw new IllegalArgumentException(
            "capacity of mentor " + j + " is negative: " + capacities[j]);
      }
    }
    // Validation, and how many mentees each mentor may take at all: a mentor never needs more
    // slots than it has allowed mentees.
    int[] allowed = new int[m];
    for (int i = 0; i < n; i++) {
      int[] row = scores[i];
      if (row == null) {
        throw new IllegalArgumentException("scores of mentee " + i + " are missing");
      }
      if (row.length != m) {
        throw new IllegalArgumentException(
            "mentee " + i + " has " + row.length + " scores but there are " + m + " mentors");
      }
      for (int j = 0; j < m; j++) {
        int s = row[j];
        if (s >= 0) {
          allowed[j]++;
        } else if (s != FORBIDDEN) {
          throw new IllegalArgumentException(
              "score of mentee " + i + " for mentor " + j + " is negative: " + s);
        }
      }
    }
    int[] firstSlot = new int[m + 1];
    long slots = 0;
    for (int j = 0; j < m; j++) {
      firstSlot[j] = (int) slots;
      slots += Math.min(capacities[j], allowed[j]);
      if (slots > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException("too many mentor slots: " + slots);
      }
    }
    firstSlot[m] = (int) slots;
    return new Solver(scores, n, m, firstSlot).run();
  }

  /** The working state of one solve. */
  private static final class Solver {
    private final int[][] scores;
    private final int n;
    private final int m;
    /** Slots of mentor j: firstSlot[j] .. firstSlot[j + 1] - 1. */
    private final int[] firstSlot;
    private final int[] mentorOfSlot;
    /** How many slots of each mentor are in use: always its first ones. */
    private final int[] used;

    /** Dual potentials (cost = -score form); a free slot's v is always 0. */
    private final long[] u;
    private final long[] v;
    private final int[] slotOfRow;
    private final int[] rowOfSlot;

    // One search's state.
    private final long[] dist;
    private final int[] pathRow;
    private final int[] remaining;
    private final int[] doneSlots;
    private final int[] doneRows;

    Solver(int[][] scores, int n, int m, int[] firstSlot) {
      this.scores = scores;
      this.n = n;
      this.m = m;
      this.firstSlot = firstSlot;
      int slots = firstSlot[m];
      this.mentorOfSlot = new int[slots];
      for (int j = 0; j < m; j++) {
        Arrays.fill(mentorOfSlot, firstSlot[j], firstSlot[j + 1], j);
      }
      this.used = new int[m];
      this.u = new long[n];
      this.v = new long[slots];
      this.slotOfRow = new int[n];
      this.rowOfSlot = new int[slots];
      Arrays.fill(rowOfSlot, -1);
      this.dist = new long[slots];
      this.pathRow = new int[slots];
      this.remaining = new int[slots];
      this.doneSlots = new int[slots];
      this.doneRows = new int[n];
    }

    int[] run() {
      start();
      for (int i = 0; i < n; i++) {
        if (slotOfRow[i] == UNPLACED) {
          augment(i);
        }
      }
      int[] result = new int[n];
      for (int i = 0; i < n; i++) {
        int s = slotOfRow[i];
        result[i] = s >= 0 ? mentorOfSlot[s] : -1;
      }
      return result;
    }

    /**
     * Every mentee's potential is its cheapest option (its best score, or 0 for staying out), so
     * every reduced cost is >= 0; a mentee whose best mentor (lowest index) has a free slot takes
     * it. A mentee with no allowed mentor stays out at once.
     */
    private void start() {
      for (int i = 0; i < n; i++) {
        int[] row = scores[i];
        int best = -1;
        for (int j = 0; j < m; j++) {
          int s = row[j];
          if (s > best) {
            best = s;
          }
        }
        if (best < 0) {
          slotOfRow[i] = OUT; // u[i] = 0: the zero-cost "unassigned" column is tight.
          continue;
        }
        u[i] = -best;
        slotOfRow[i] = UNPLACED;
        for (int j = 0; j < m; j++) {
          if (row[j] == best && used[j] < firstSlot[j + 1] - firstSlot[j]) {
            int slot = firstSlot[j] + used[j]++;
            slotOfRow[i] = slot;
            rowOfSlot[slot] = i;
            break;
          }
        }
      }
    }

    /** Adds mentee {@code start} by one shortest augmenting path search (Dijkstra). */
    private void augment(int start) {
      final int[][] scores = this.scores;
      final int[] firstSlot = this.firstSlot;
      final int[] used = this.used;
      final long[] v = this.v;
      final long[] dist = this.dist;
      final int[] pathRow = this.pathRow;
      final int[] rowOfSlot = this.rowOfSlot;
      final int[] mentorOfSlot = this.mentorOfSlot;
      final int m = this.m;

      // The slots a path may use: every used slot, plus each mentor's first free slot (its
      // other free slots are identical to it), in index order.
      final int[] remaining = this.remaining;
      int remainingCount = 0;
      for (int k = 0; k < m; k++) {
        final int from = firstSlot[k];
        final int to = Math.min(from + used[k] + 1, firstSlot[k + 1]);
        for (int j = from; j < to; j++) {
          remaining[remainingCount++] = j;
          dist[j] = Long.MAX_VALUE;
        }
      }
      int doneSlotCount = 0;
      int doneRowCount = 0;
      long minVal = 0;
      // The cheapest "stay unassigned" column seen so far, and whose it is.
      long outDist = Long.MAX_VALUE;
      int outRow = -1;
      int i = start;
      int sink;
      boolean sinkIsOut = false;

      while (true) {
        doneRows[doneRowCount++] = i;
        final int[] row = scores[i];
        // Reduced cost to slot j: h - row[mentorOfSlot[j]] - v[j] (FORBIDDEN counts as -2^31).
        final long h = minVal - u[i];
        if (h < outDist) { // this row's own "unassigned" column: cost 0, potential 0
          outDist = h;
          outRow = i;
        }
        long lowest = Long.MAX_VALUE;
        int lowestAt = -1;
        boolean lowestFree = false;
        sink = -1;
        for (int t = 0; t < remainingCount; t++) {
          final int j = remaining[t];
          long d = dist[j];
          final long r = h - row[mentorOfSlot[j]] - v[j];
          if (r < d) {
            d = r;
            dist[j] = r;
            pathRow[j] = i;
          }
          if (d <= lowest) {
            final boolean free = rowOfSlot[j] < 0;
            if (free && d == minVal) { // nothing can be cheaper: the search ends here
              sink = j;
              break;
            }
            if (d < lowest || (!lowestFree && free)) {
              lowest = d;
              lowestAt = t;
              lowestFree = free;
            }
          }
        }
        if (sink >= 0) {
          minVal = dist[sink];
          break;
        }
        // Ties: a free slot, then staying out, then a path on through a used slot.
        if (lowestAt < 0 || outDist < lowest || (outDist == lowest && !lowestFree)) {
          minVal = outDist;
          sinkIsOut = true;
          break;
        }
        final int j = remaining[lowestAt];
        minVal = lowest;
        if (lowestFree) {
          sink = j;
          break;
        }
        remaining[lowestAt] = remaining[--remainingCount];
        doneSlots[doneSlotCount++] = j;
        i = rowOfSlot[j];
      }

      // Potentials: scanned rows and slots move by (minVal - their distance).
      u[start] += minVal;
      for (int t = 1; t < doneRowCount; t++) {
        final int r = doneRows[t];
        u[r] += minVal - dist[slotOfRow[r]];
      }
      for (int t = 0; t < doneSlotCount; t++) {
        final int j = doneSlots[t];
        v[j] -= minVal - dist[j];
      }

      // Augment along the path back to the start.
      int j;
      if (sinkIsOut) {
        j = slotOfRow[outRow];
        slotOfRow[outRow] = OUT;
        if (outRow == start) {
          return;
        }
      } else {
        j = sink;
        used[mentorOfSlot[sink]]++;
      }
      while (true) {
        final int r = pathRow[j];
        rowOfSlot[j] = r;
        final int previous = slotOfRow[r];
        slotOfRow[r] = j;
        if (r == start) {
          return;
        }
        j = previous;
      }
    }
  }
}
