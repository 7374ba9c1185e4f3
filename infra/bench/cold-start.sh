#!/usr/bin/env bash
# Cold start of the whole process: a fresh JVM builds the authorizer and the participants
# function and serves one authenticated GET of a mentee through the local invoke path, against
# a running local DynamoDB. Printed next to a bare `java` hello world measured in the same run.
#
#   infra/bench/cold-start.sh [runs]      (default 9; build first with ./mvnw -DskipTests package)
set -euo pipefail
runs=${1:-9}
root=$(cd "$(dirname "$0")/../.." && pwd)
jar="$root/infra/target/tandem-local.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -q -DskipTests package)
# The invoking JVM's class path is what Lambda would load: the participants function's
# deployment jar, plus the authorizer's and the local invoke's own classes. (The full local jar
# also carries DynamoDB Local, which only `serve` needs.)
v=1.0.0-SNAPSHOT
cp="$root/functions/participants/target/tandem-participants-$v-lambda.jar"
cp="$cp:$root/functions/authorizer/target/tandem-authorizer-$v.jar"
cp="$cp:$root/functions/platform/target/tandem-platform-$v.jar"
cp="$cp:$root/infra/target/tandem-local-classes.jar"

work=$(mktemp -d)
export TANDEM_PORT=${TANDEM_PORT:-3917} TANDEM_DYNAMODB_PORT=${TANDEM_DYNAMODB_PORT:-8917}
(cd "$work" && exec java -jar "$jar" serve --in-memory > serve.log 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 120); do
  grep -q "Tandem is running" "$work/serve.log" 2>/dev/null && break
  sleep 0.5
done
grep -q "Tandem is running" "$work/serve.log" || { cat "$work/serve.log"; exit 1; }

cat > "$work/get-mentee.json" <<'JSON'
{"version": "2.0", "routeKey": "GET /v1/mentees/{menteeId}", "rawPath": "/v1/mentees/${tenants.criec.mentees.0}",
 "rawQueryString": "", "headers": {"authorization": "Bearer ${tenants.criec.adminKey}", "accept": "application/json"},
 "pathParameters": {"menteeId": "${tenants.criec.mentees.0}"},
 "requestContext": {"http": {"method": "GET", "path": "/v1/mentees/${tenants.criec.mentees.0}", "protocol": "HTTP/1.1",
   "sourceIp": "127.0.0.1", "userAgent": "bench"}, "requestId": "bench", "stage": "$default"},
 "isBase64Encoded": false}
JSON
cat > "$work/Hello.java" <<'JAVA'
public class Hello { public static void main(String[] a) { System.out.println("hello"); } }
JAVA
javac -d "$work" "$work/Hello.java"

now() { date +%s%N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# One run: its wall time in milliseconds on stdout; the response checked to be a 200.
time_invoke() {
  local start end out
  start=$(now)
  out=$(cd "$work" && java "$@" -cp "$cp" org.tandem.local.Main invoke participants get-mentee.json 2>/dev/null)
  end=$(now)
  grep -q '"statusCode" : 200' <<< "$out" || { echo "invoke did not answer 200: $out" >&2; exit 1; }
  echo $(( (end - start) / 1000000 ))
}
time_hello() {
  local start end
  start=$(now); java -cp "$work" Hello > /dev/null; end=$(now)
  echo $(( (end - start) / 1000000 ))
}

fast=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto)
# A class-data archive of this very path, written by one training run (what AppCDS is for).
(cd "$work" && java "${fast[@]}" -XX:ArchiveClassesAtExit="$work/tandem.jsa" -cp "$cp" \
  org.tandem.local.Main invoke participants get-mentee.json > /dev/null 2>&1)
cds=("${fast[@]}" -XX:SharedArchiveFile="$work/tandem.jsa")

declare -a hello plain tuned archived
time_invoke > /dev/null; time_hello > /dev/null   # warm the file cache
for _ in $(seq 1 "$runs"); do
  hello+=("$(time_hello)")
  plain+=("$(time_invoke)")
  tuned+=("$(time_invoke "${fast[@]}")")
  archived+=("$(time_invoke "${cds[@]}")")
done
h=$(printf '%s\n' "${hello[@]}" | median)
report() {
  local name=$1; shift
  local m; m=$(printf '%s\n' "$@" | median)
  printf '%-52s median %6s ms  (%s x hello)   runs: %s\n' "$name" "$m" "$(awk -v a="$m" -v b="$h" 'BEGIN{printf "%.1f", a/b}')" "$*"
}
echo "java: $(java -version 2>&1 | head -1); $(nproc) cores; $runs runs each, interleaved"
report "bare java hello world" "${hello[@]}"
report "invoke participants GET mentee (default JVM flags)" "${plain[@]}"
report "invoke, C1 only + SerialGC (Lambda's tiered setting)" "${tuned[@]}"
report "invoke, C1 + SerialGC + AppCDS archive of this path" "${archived[@]}"
