#!/usr/bin/env bash
# The exact cohort assignment (org.tandem.matching.Assignment), measured.
#
#   infra/bench/assignment.sh [--runs N] [--max-score K]
#       three dense random cases (scores 0..100 unless --max-score): 500 x 500 and 2,000 x 2,000
#       of capacity 1, 2,000 mentees x 500 mentors of capacity 4; 5 warm-up solves, then N
#       measured (default 11): median and min time, total score, bytes allocated per solve.
#   infra/bench/assignment.sh --csv FILE [--runs N]
#       solves the matrix in FILE: prints the total score, how many mentees are assigned, and the
#       solve time (the first solve in a cold JVM, then median and min of N, default 11).
#   infra/bench/assignment.sh --write-csv FILE ROWS COLS CAP SEED [--max-score K]
#       writes a random instance (ROWS mentees, COLS mentors of capacity CAP, scores 0..K from
#       java.util.Random(SEED)); the built-in cases are 500 500 1 1, 2000 2000 1 2 and 2000 500 4 3.
#
# CSV format (the same for reading and writing), so other solvers can run on the same input:
#   - one line per mentee, one comma-separated cell per mentor: an integer score >= 0, or an
#     empty cell or x for a forbidden pair (a hard filter failed);
#   - then a last line with each mentor's capacity (an integer >= 0);
#   - blank lines are ignored; no header. Leaving a mentee unassigned scores 0; the objective is
#     the largest total score with no mentor over capacity and each mentee at most once.
#   Example, 3 mentees and 2 mentors of capacity 2 and 1:
#     10,9
#     9,x
#     ,4
#     2,1
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/infra/target/tandem-local.jar"
src=("$root/shared/src/main/java/org/tandem/matching/Assignment.java"
     "$root/infra/src/main/java/org/tandem/local/bench/AssignmentBenchmark.java")
if [ ! -f "$jar" ] || [ -n "$(find "${src[@]}" -newer "$jar")" ]; then
  (cd "$root" && ./mvnw -q -DskipTests -pl infra -am package) >&2
fi
exec java ${JAVA_OPTS:-} -cp "$jar" org.tandem.local.bench.AssignmentBenchmark "$@"
