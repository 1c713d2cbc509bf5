#!/usr/bin/env bash
# Benchmark for `columnist check` (issue 3): generates an archive of N columns with the shared
# corpus generator, then prints the whole command's wall time and peak memory (JVM start
# included) and, in-process, the check's own time and peak heap.
# Usage: src/bench/check.sh [N]   (default 10000)
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -B -q -DskipTests package test-compile
python3 ../shared/bench/gen-corpus.py --count "$count" --out "$work/archive"
mkdir -p "$work/config"
cp config/columnist.yml "$work/config/columnist.yml"
for run in 1 2 3; do
  /usr/bin/time -f "./columnist check (run $run): %e s wall, %M KB peak RSS" \
    ./columnist check --config "$work/config/columnist.yml" > /dev/null
done
/usr/bin/time -f "java -jar (JVM defaults): %e s wall, %M KB peak RSS" \
  java -jar target/columnist.jar check --config "$work/config/columnist.yml" > /dev/null
classpath="target/test-classes:target/classes:$(mvn -B -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
java -cp "$classpath" org.columnist.bench.CheckBench "$work/archive"
