#!/usr/bin/env bash
# GET /v1/mentees/{menteeId}/suggestions over a large mentor pool, measured end to end.
#
#   infra/bench/suggestions.sh [--mentors N] [--mentees N] [--warmup N] [--requests N] [--limit N] [--seed S]
#
# Starts DynamoDB Local in this JVM (in memory), onboards one program, takes in --mentees ready
# mentees (default 20) through the API and writes --mentors ready mentors (default 10,000) of
# varied occupations (NOC 2021), industries (NAICS), cities, languages, availability and capacity
# straight into the data table in the repository's item format (BatchWriteItem). Then --warmup
# requests (default 30) and --requests measured ones (default 100), the mentees in turn, through
# the local API Gateway emulation and the matching function's handler.
#
# Prints the median, p95, min and max milliseconds per request (and how much of it was spent in
# DynamoDB calls), and the read capacity one request consumes: every call asks for
# ReturnConsumedCapacity.TOTAL (an SDK ExecutionInterceptor on the one client the functions share)
# and the units of a request's calls are added up, with calls and items per operation.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/infra/target/tandem-local.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/shared/src/main" "$root/functions" "$root/infra/src/main" -name '*.java' \
    -newer "$jar" | head -1)" ]; then
  (cd "$root" && ./mvnw -q -o -DskipTests -pl infra -am package) >&2
fi
exec java ${JAVA_OPTS:-} -cp "$jar" org.tandem.local.bench.SuggestionsBenchmark "$@"
