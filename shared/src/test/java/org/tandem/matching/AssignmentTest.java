package org.tandem.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tandem.matching.Assignment.FORBIDDEN;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentTest {
  private static final int X = FORBIDDEN;

  // ---------------------------------------------------------------- helpers

  /** Checks the answer is feasible and returns its total score. */
  private static long checkedTotal(int[][] scores, int[] capacities, int[] answer) {
    assertEquals(scores.length, answer.length, "one entry per mentee");
    int[] taken = new int[capacities.length];
    long total = 0;
    for (int i = 0; i < answer.length; i++) {
      int j = answer[i];
      if (j == -1) {
        continue;
      }
      assertTrue(j >= 0 && j < capacities.length, "mentee " + i + " has mentor index " + j);
      assertTrue(scores[i][j] != FORBIDDEN, "mentee " + i + " got forbidden mentor " + j);
      taken[j]++;
      total += scores[i][j];
    }
    for (int j = 0; j < capacities.length; j++) {
      assertTrue(taken[j] <= capacities[j],
          "mentor " + j + " took " + taken[j] + " over capacity " + capacities[j]);
    }
    return total;
  }

  private static long solveChecked(int[][] scores, int[] capacities) {
    return checkedTotal(scores, capacities, Assignment.solve(scores, capacities));
  }

  /** Every assignment, depth first: the optimum total. */
  private static long bruteForce(int[][] scores, int[] capacities) {
    return bruteForce(scores, capacities.clone(), 0);
  }

  private static long bruteForce(int[][] scores, int[] left, int i) {
    if (i == scores.length) {
      return 0;
    }
    long best = bruteForce(scores, left, i + 1); // mentee i unassigned
    for (int j = 0; j < left.length; j++) {
      if (left[j] > 0 && scores[i][j] != FORBIDDEN) {
        left[j]--;
        best = Math.max(best, scores[i][j] + bruteForce(scores, left, i + 1));
        left[j]++;
      }
    }
    return best;
  }

  /**
   * An independent reference for instances too big to enumerate: min-cost flow by successive
   * shortest paths (Bellman-Ford), source -> mentee -> mentor -> sink, plus mentee -> sink at
   * cost 0 for staying out.
   */
  private static long minCostFlow(int[][] scores, int[] capacities) {
    int n = scores.length;
    int m = capacities.length;
    int nodes = n + m + 2;
    int source = n + m;
    int sink = n + m + 1;
    int maxEdges = 2 * (n + n * m + m + n);
    int[] to = new int[maxEdges];
    int[] cap = new int[maxEdges];
    long[] cost = new long[maxEdges];
    int[] next = new int[maxEdges];
    int[] head = new int[nodes];
    Arrays.fill(head, -1);
    int[] count = {0};
    class Adder {
      void add(int a, int b, int c, long w) {
        int e = count[0];
        to[e] = b; cap[e] = c; cost[e] = w; next[e] = head[a]; head[a] = e;
        to[e + 1] = a; cap[e + 1] = 0; cost[e + 1] = -w; next[e + 1] = head[b]; head[b] = e + 1;
        count[0] = e + 2;
      }
    }
    Adder adder = new Adder();
    for (int i = 0; i < n; i++) {
      adder.add(source, i, 1, 0);
      adder.add(i, sink, 1, 0);
      for (int j = 0; j < m; j++) {
        if (scores[i][j] != FORBIDDEN) {
          adder.add(i, n + j, 1, -(long) scores[i][j]);
        }
      }
    }
    for (int j = 0; j < m; j++) {
      adder.add(n + j, sink, capacities[j], 0);
    }
    long total = 0;
    long[] d = new long[nodes];
    int[] via = new int[nodes];
    boolean[] queued = new boolean[nodes];
    for (int flow = 0; flow < n; flow++) {
      Arrays.fill(d, Long.MAX_VALUE);
      Arrays.fill(via, -1);
      d[source] = 0;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(source);
      queued[source] = true;
      while (!queue.isEmpty()) {
        int a = queue.poll();
        queued[a] = false;
        for (int e = head[a]; e >= 0; e = next[e]) {
          if (cap[e] > 0 && d[a] + cost[e] < d[to[e]]) {
            d[to[e]] = d[a] + cost[e];
            via[to[e]] = e;
            if (!queued[to[e]]) {
              queued[to[e]] = true;
              queue.add(to[e]);
            }
          }
        }
      }
      for (int b = sink; b != source; b = to[via[b] ^ 1]) {
        cap[via[b]]--;
        cap[via[b] ^ 1]++;
      }
      total += d[sink];
    }
    return -total;
  }

  private static int[][] randomScores(Random random, int n, int m, int maxScore, double forbidden) {
    int[][] scores = new int[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        scores[i][j] = random.nextDouble() < forbidden ? X : random.nextInt(maxScore + 1);
      }
    }
    return scores;
  }

  private static int[] randomCapacities(Random random, int m, int maxCapacity) {
    int[] capacities = new int[m];
    for (int j = 0; j < m; j++) {
      capacities[j] = random.nextInt(maxCapacity + 1);
    }
    return capacities;
  }

  // ---------------------------------------------------------------- properties

  @Test
  void equalsBruteForceOnSmallRandomInstances() {
    Random random = new Random(20240611L);
    for (int t = 0; t < 2000; t++) {
      int n = random.nextInt(7); // 0..6 mentees
      int m = random.nextInt(6); // 0..5 mentors
      int[][] scores = randomScores(random, n, m, 20, 0.2);
      int[] capacities = randomCapacities(random, m, 3);
      long expected = bruteForce(scores, capacities);
      long actual = solveChecked(scores, capacities);
      assertEquals(expected, actual, () -> "instance " + Arrays.deepToString(scores)
          + " capacities " + Arrays.toString(capacities));
    }
  }

  @Test
  void equalsBruteForceWithManyTiesAndForbiddenPairs() {
    Random random = new Random(7L);
    for (int t = 0; t < 2000; t++) {
      int n = 1 + random.nextInt(6);
      int m = 1 + random.nextInt(5);
      int[][] scores = randomScores(random, n, m, 2, 0.5); // scores 0..2: ties everywhere
      int[] capacities = randomCapacities(random, m, 3);
      assertEquals(bruteForce(scores, capacities), solveChecked(scores, capacities),
          () -> Arrays.deepToString(scores) + " " + Arrays.toString(capacities));
    }
  }

  @Test
  void equalsBruteForceWithHugeScores() {
    Random random = new Random(99L);
    for (int t = 0; t < 500; t++) {
      int n = 1 + random.nextInt(6);
      int m = 1 + random.nextInt(5);
      int[][] scores = new int[n][m];
      for (int[] row : scores) {
        for (int j = 0; j < m; j++) {
          row[j] = random.nextInt(10) == 0 ? X : Integer.MAX_VALUE - random.nextInt(1000);
        }
      }
      int[] capacities = randomCapacities(random, m, 3);
      assertEquals(bruteForce(scores, capacities), solveChecked(scores, capacities));
    }
  }

  @Test
  void equalsMinCostFlowOnMediumRandomInstances() {
    Random random = new Random(5L);
    for (int t = 0; t < 150; t++) {
      int n = 1 + random.nextInt(40);
      int m = 1 + random.nextInt(25);
      int maxScore = t % 3 == 0 ? 5 : t % 3 == 1 ? 100 : 1_000_000;
      int[][] scores = randomScores(random, n, m, maxScore, t % 2 == 0 ? 0.0 : 0.3);
      int[] capacities = randomCapacities(random, m, t % 4 == 0 ? 1 : 6);
      int tt = t;
      assertEquals(minCostFlow(scores, capacities), solveChecked(scores, capacities),
          () -> "instance " + tt);
    }
  }

  // ---------------------------------------------------------------- named cases

  @Test
  void greedyTrapIsAnsweredOptimally() {
    // Taking the best pair first (0-0, 10) leaves mentee 1 with 0: total 10. Optimal is 9 + 9.
    int[][] scores = {{10, 9}, {9, 0}};
    int[] answer = Assignment.solve(scores, new int[] {1, 1});
    assertArrayEquals(new int[] {1, 0}, answer);
    assertEquals(18, checkedTotal(scores, new int[] {1, 1}, answer));
  }

  @Test
  void greedyTrapWithGroups() {
    // Mentor 0 (capacity 2) is everyone's favourite, but mentees 0 and 1 lose least elsewhere.
    int[][] scores = {{10, 9}, {10, 9}, {10, 1}, {10, 1}};
    int[] capacities = {2, 2};
    int[] answer = Assignment.solve(scores, capacities);
    assertArrayEquals(new int[] {1, 1, 0, 0}, answer);
    assertEquals(38, checkedTotal(scores, capacities, answer));
  }

  @Test
  void groupMentorTakesFourMentees() {
    int[][] scores = {{5, 1}, {6, 2}, {7, 3}, {8, 4}, {1, 2}};
    int[] capacities = {4, 1};
    int[] answer = Assignment.solve(scores, capacities);
    assertArrayEquals(new int[] {0, 0, 0, 0, 1}, answer);
    assertEquals(28, checkedTotal(scores, capacities, answer));
  }

  @Test
  void menteeWithOnlyForbiddenPairsIsLeftOut() {
    int[][] scores = {{X, X}, {3, X}, {X, 4}};
    int[] answer = Assignment.solve(scores, new int[] {5, 5});
    assertArrayEquals(new int[] {-1, 0, 1}, answer);
  }

  @Test
  void forbiddenPairIsNeverUsedEvenWhenTheMentorIsFree() {
    int[][] scores = {{X}, {X}};
    assertArrayEquals(new int[] {-1, -1}, Assignment.solve(scores, new int[] {2}));
  }

  @Test
  void moreMenteesThanCapacityKeepsTheBest() {
    int[][] scores = {{1, 1}, {9, 2}, {3, 8}, {4, 4}, {2, 7}};
    int[] capacities = {1, 1};
    int[] answer = Assignment.solve(scores, capacities);
    assertArrayEquals(new int[] {-1, 0, 1, -1, -1}, answer);
    assertEquals(17, checkedTotal(scores, capacities, answer));
  }

  @Test
  void zeroCapacityMentorTakesNobody() {
    int[][] scores = {{100, 1}, {100, 2}};
    int[] capacities = {0, 1};
    int[] answer = Assignment.solve(scores, capacities);
    assertArrayEquals(new int[] {-1, 1}, answer);
    assertArrayEquals(new int[] {-1, -1}, Assignment.solve(scores, new int[] {0, 0}));
  }

  @Test
  void emptyInputs() {
    assertArrayEquals(new int[0], Assignment.solve(new int[0][0], new int[0]));
    assertArrayEquals(new int[0], Assignment.solve(new int[0][], new int[] {3, 1}));
    assertArrayEquals(new int[] {-1, -1}, Assignment.solve(new int[2][0], new int[0]));
  }

  @Test
  void zeroScoresLoseNothing() {
    int[][] scores = {{0, 0}, {0, 5}};
    int[] capacities = {1, 1};
    assertEquals(5, solveChecked(scores, capacities));
  }

  @Test
  void tiesAreBrokenByIndex() {
    int[][] scores = {{5, 5, 5}, {5, 5, 5}, {5, 5, 5}};
    assertArrayEquals(new int[] {0, 1, 2}, Assignment.solve(scores, new int[] {1, 1, 1}));
    assertArrayEquals(new int[] {0, 0, 1}, Assignment.solve(scores, new int[] {2, 2, 2}));
  }

  @Test
  void sameInputSameAnswer() {
    int[][] scores = randomScores(new Random(3L), 300, 120, 10, 0.1);
    int[] capacities = randomCapacities(new Random(4L), 120, 4);
    int[][] copy = Arrays.stream(scores).map(int[]::clone).toArray(int[][]::new);
    int[] first = Assignment.solve(scores, capacities);
    int[] second = Assignment.solve(copy, capacities.clone());
    assertArrayEquals(first, second);
    assertEquals(minCostFlow(scores, capacities), checkedTotal(scores, capacities, first));
  }

  @Test
  void inputIsNotModified() {
    int[][] scores = randomScores(new Random(8L), 30, 10, 50, 0.2);
    int[] capacities = randomCapacities(new Random(9L), 10, 3);
    int[][] copy = Arrays.stream(scores).map(int[]::clone).toArray(int[][]::new);
    int[] capacitiesCopy = capacities.clone();
    Assignment.solve(scores, capacities);
    assertArrayEquals(copy, scores);
    assertArrayEquals(capacitiesCopy, capacities);
  }

  @Test
  void largeCapacitiesAreCappedNotAllocated() {
    int[][] scores = {{1, 2}, {3, 4}};
    int[] answer = Assignment.solve(scores, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE});
    assertArrayEquals(new int[] {1, 1}, answer);
  }

  // ---------------------------------------------------------------- validation

  @Test
  void raggedRowsAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Assignment.solve(new int[][] {{1, 2}, {3}}, new int[] {1, 1}));
    assertEquals("mentee 1 has 1 scores but there are 2 mentors", e.getMessage());
  }

  @Test
  void missingRowIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Assignment.solve(new int[][] {{1}, null}, new int[] {1}));
    assertEquals("scores of mentee 1 are missing", e.getMessage());
  }

  @Test
  void negativeCapacityIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Assignment.solve(new int[][] {{1, 2}}, new int[] {1, -2}));
    assertEquals("capacity of mentor 1 is negative: -2", e.getMessage());
  }

  @Test
  void negativeScoreIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Assignment.solve(new int[][] {{1, 2}, {X, -1}}, new int[] {1, 1}));
    assertEquals("score of mentee 1 for mentor 1 is negative: -1", e.getMessage());
  }

  @Test
  void nullsAreRejected() {
    assertEquals("scores must not be null", assertThrows(IllegalArgumentException.class,
        () -> Assignment.solve(null, new int[0])).getMessage());
    assertEquals("capacities must not be null", assertThrows(IllegalArgumentException.class,
        () -> Assignment.solve(new int[0][], null)).getMessage());
  }
}
