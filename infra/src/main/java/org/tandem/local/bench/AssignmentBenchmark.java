package org.tandem.local.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.tandem.matching.Assignment;

/**
 * A harness that prints figures for the exact cohort assignment ({@link Assignment#solve}).
 *
 * <pre>
 *   AssignmentBenchmark [--runs N] [--max-score K]   the three dense random cases
 *   AssignmentBenchmark --csv FILE [--runs N]        solve a matrix from a CSV file
 *   AssignmentBenchmark --write-csv FILE ROWS COLS CAP SEED [--max-score K]
 *                                                    write a random instance
 * </pre>
 *
 * <p>CSV format: one line per mentee, one comma-separated integer score per mentor (an empty cell
 * or {@code x} is a forbidden pair), then a last line with each mentor's capacity. Scores are
 * integers >= 0; leaving a mentee unassigned scores 0. The built-in cases are exactly what
 * {@code --write-csv} writes for the same sizes and seed, so other solvers can be run on them.
 */
public final class AssignmentBenchmark {
  private static final int WARM_UP = 5;
  private static final int DEFAULT_MAX_SCORE = 100;

  private AssignmentBenchmark() {}

  /** One built-in case: ROWS mentees, COLS mentors of capacity CAP, scores from SEED. */
  private record Case(int rows, int cols, int capacity, long seed) {}

  private static final List<Case> CASES = List.of(
      new Case(500, 500, 1, 1L),
      new Case(2000, 2000, 1, 2L),
      new Case(2000, 500, 4, 3L));

  public static void main(String[] args) throws IOException {
    try {
      run(args);
    } catch (IllegalArgumentException e) { // bad arguments or input: the message says which
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(String[] args) throws IOException {
    List<String> rest = new ArrayList<>(List.of(args));
    int runs = intOption(rest, "--runs", 11);
    int maxScore = intOption(rest, "--max-score", DEFAULT_MAX_SCORE);
    if (runs < 1 || maxScore < 0 || maxScore == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--runs must be at least 1, --max-score 0 to 2^31 - 2");
    }
    if (rest.isEmpty()) {
      runCases(runs, maxScore);
    } else if (rest.get(0).equals("--csv") && rest.size() == 2) {
      solveCsv(Path.of(rest.get(1)), runs);
    } else if (rest.get(0).equals("--write-csv") && rest.size() == 6) {
      int rows = Integer.parseInt(rest.get(2));
      int cols = Integer.parseInt(rest.get(3));
      int capacity = Integer.parseInt(rest.get(4));
      long seed = Long.parseLong(rest.get(5));
      if (rows < 0 || cols < 0 || capacity < 0) {
        throw new IllegalArgumentException("ROWS, COLS and CAP must be >= 0");
      }
      Path file = Path.of(rest.get(1));
      writeCsv(file, randomScores(rows, cols, maxScore, seed), capacities(cols, capacity));
      System.out.printf("wrote %s: %d mentees x %d mentors of capacity %d, scores 0..%d, seed %d%n",
          file, rows, cols, capacity, maxScore, seed);
    } else {
      System.err.println("usage: AssignmentBenchmark [--runs N] [--max-score K]");
      System.err.println("       AssignmentBenchmark --csv FILE [--runs N]");
      System.err.println("       AssignmentBenchmark --write-csv FILE ROWS COLS CAP SEED [--max-score K]");
      System.exit(2);
    }
  }

  private static int intOption(List<String> args, String name, int fallback) {
    int at = args.indexOf(name);
    if (at < 0) {
      return fallback;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a number");
    }
    int value = Integer.parseInt(args.get(at + 1)); // NumberFormatException is an IAE
    args.remove(at + 1);
    args.remove(at);
    return value;
  }

  // ---------------------------------------------------------------- built-in cases

  private static void runCases(int runs, int maxScore) {
    System.out.printf("Assignment benchmark: dense random scores 0..%d; per case the first solve"
        + " (in a JVM warmed only by the cases before it), %d warm-up in all, then %d measured;"
        + " %s %s, %d processors, max heap %d MB%n", maxScore, WARM_UP, runs,
        System.getProperty("java.vm.name"), System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("%-26s %9s %9s %9s %12s %9s %14s %12s%n", "case", "first ms", "median ms",
        "min ms", "total score", "assigned", "alloc / solve", "input");
    for (Case c : CASES) {
      int[][] scores = randomScores(c.rows(), c.cols(), maxScore, c.seed());
      int[] capacities = capacities(c.cols(), c.capacity());
      Measured m = measure(scores, capacities, WARM_UP, runs);
      String name = c.rows() + " x " + c.cols() + " cap " + c.capacity() + " (seed " + c.seed() + ")";
      System.out.printf("%-26s %9.1f %9.1f %9.1f %12d %9d %14s %12s%n", name, m.firstMs,
          m.medianMs, m.minMs, m.total, m.assigned, mb(m.allocatedBytes), mb(matrixBytes(scores)));
    }
  }

  /** Scores 0..maxScore from {@code new Random(seed)}, row by row. */
  static int[][] randomScores(int rows, int cols, int maxScore, long seed) {
    Random random = new Random(seed);
    int[][] scores = new int[rows][cols];
    for (int[] row : scores) {
      for (int j = 0; j < cols; j++) {
        row[j] = random.nextInt(maxScore + 1);
      }
    }
    return scores;
  }

  private static int[] capacities(int cols, int capacity) {
    int[] capacities = new int[cols];
    Arrays.fill(capacities, capacity);
    return capacities;
  }

  // ---------------------------------------------------------------- measuring

  private static final class Measured {
    double medianMs;
    double minMs;
    double firstMs;
    long total;
    int assigned;
    long allocatedBytes;
  }

  private static Measured measure(int[][] scores, int[] capacities, int warmUp, int runs) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    Measured m = new Measured();
    int[] answer = null;
    double[] times = new double[runs];
    long allocated = Long.MAX_VALUE;
    for (int run = -warmUp; run < runs; run++) {
      long bytesBefore = threads.getThreadAllocatedBytes(thread);
      long start = System.nanoTime();
      int[] result = Assignment.solve(scores, capacities);
      long nanos = System.nanoTime() - start;
      long bytes = threads.getThreadAllocatedBytes(thread) - bytesBefore;
      if (answer == null) {
        answer = result;
        m.firstMs = nanos / 1e6;
      } else if (!Arrays.equals(answer, result)) {
        throw new IllegalStateException("two solves of the same input differ");
      }
      allocated = Math.min(allocated, bytes);
      if (run >= 0) {
        times[run] = nanos / 1e6;
      }
    }
    Arrays.sort(times);
    m.medianMs = runs % 2 == 1 ? times[runs / 2] : (times[runs / 2 - 1] + times[runs / 2]) / 2;
    m.minMs = times[0];
    m.allocatedBytes = allocated;
    m.total = checkedTotal(scores, capacities, answer);
    m.assigned = (int) Arrays.stream(answer).filter(j -> j >= 0).count();
    return m;
  }

  /** The answer's total score, after checking it is feasible. */
  private static long checkedTotal(int[][] scores, int[] capacities, int[] answer) {
    int[] taken = new int[capacities.length];
    long total = 0;
    for (int i = 0; i < answer.length; i++) {
      int j = answer[i];
      if (j < 0) {
        continue;
      }
      if (scores[i][j] == Assignment.FORBIDDEN || ++taken[j] > capacities[j]) {
        throw new IllegalStateException("infeasible answer at mentee " + i + ", mentor " + j);
      }
      total += scores[i][j];
    }
    return total;
  }

  private static long matrixBytes(int[][] scores) {
    long bytes = 16L + 4L * scores.length; // the outer array (compressed references)
    for (int[] row : scores) {
      bytes += (16L + 4L * row.length + 7) & ~7L;
    }
    return bytes;
  }

  private static String mb(long bytes) {
    return bytes < 1 << 20 ? String.format("%.1f KB", bytes / 1024.0)
        : String.format("%.1f MB", bytes / (1024.0 * 1024.0));
  }

  // ---------------------------------------------------------------- CSV

  private static void solveCsv(Path file, int runs) throws IOException {
    long readStart = System.nanoTime();
    Instance instance = readCsv(file);
    double readMs = (System.nanoTime() - readStart) / 1e6;
    int[][] scores = instance.scores();
    int[] capacities = instance.capacities();
    long slots = Arrays.stream(capacities).asLongStream().sum();
    System.out.printf("%s: %d mentees x %d mentors, total capacity %d (read in %.0f ms)%n",
        file, scores.length, capacities.length, slots, readMs);
    Measured m = measure(scores, capacities, 1, runs);
    System.out.printf("total score %d%n", m.total);
    System.out.printf("assigned %d of %d mentees%n", m.assigned, scores.length);
    System.out.printf("solve time: first (cold JVM) %.2f ms; then median %.2f ms, min %.2f ms over"
        + " %d more solves%n", m.firstMs, m.medianMs, m.minMs, runs);
    System.out.printf("allocated per solve %s; input matrix %s%n", mb(m.allocatedBytes),
        mb(matrixBytes(scores)));
  }

  record Instance(int[][] scores, int[] capacities) {}

  /** Reads the CSV format described at the top of this class; blank lines are skipped. */
  static Instance readCsv(Path file) throws IOException {
    List<int[]> rows = new ArrayList<>();
    int width = -1;
    int lineNumber = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        int[] cells = parseLine(line, lineNumber);
        if (width < 0) {
          width = cells.length;
        } else if (cells.length != width) {
          throw new IllegalArgumentException(file + " line " + lineNumber + " has " + cells.length
              + " cells, the first line has " + width);
        }
        rows.add(cells);
      }
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(file + " is empty: expected at least the capacities line");
    }
    int[] capacities = rows.remove(rows.size() - 1);
    for (int j = 0; j < capacities.length; j++) {
      if (capacities[j] == Assignment.FORBIDDEN) {
        throw new IllegalArgumentException(file + ": capacity of mentor " + j + " is empty");
      }
    }
    return new Instance(rows.toArray(new int[0][]), capacities);
  }

  private static int[] parseLine(String line, int lineNumber) {
    int count = 1;
    for (int k = 0; k < line.length(); k++) {
      if (line.charAt(k) == ',') {
        count++;
      }
    }
    int[] cells = new int[count];
    int start = 0;
    for (int c = 0; c < count; c++) {
      int end = line.indexOf(',', start);
      if (end < 0) {
        end = line.length();
      }
      String cell = line.substring(start, end).trim();
      if (cell.isEmpty() || cell.equalsIgnoreCase("x")) {
        cells[c] = Assignment.FORBIDDEN;
      } else {
        try {
          cells[c] = Integer.parseInt(cell);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              "line " + lineNumber + " cell " + (c + 1) + " is not an integer: " + cell);
        }
      }
      start = end + 1;
    }
    return cells;
  }

  static void writeCsv(Path file, int[][] scores, int[] capacities) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (int[] row : scores) {
        appendRow(line, row);
        out.write(line.toString());
      }
      appendRow(line, capacities);
      out.write(line.toString());
    }
  }

  private static void appendRow(StringBuilder line, int[] cells) {
    line.setLength(0);
    for (int j = 0; j < cells.length; j++) {
      if (j > 0) {
        line.append(',');
      }
      if (cells[j] == Assignment.FORBIDDEN) {
        line.append('x');
      } else {
        line.append(cells[j]);
      }
    }
    line.append('\n');
  }
}
