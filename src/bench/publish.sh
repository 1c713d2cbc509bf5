#!/usr/bin/env bash
# Benchmark for publish to live (issue 18, deliverable 2): on a 10,000-column instance whose site
# and index are built, times one 'columnist queue publish' (a JVM of its own), then publishes 50
# columns one after another into a daemon running in the benchmark's JVM, and prints, from each
# publish transaction's commit, p50/p99 until (a) the column's page is served, (b) the home page,
# feed and sitemap list it, (c) the search API finds it, and the pages written per publish.
# Target: <= 200 ms. Before: 3.5 s and 1,008 pages written for one 'queue publish'.
# Needs python3 (the corpus generator) unless COLUMNIST_BENCH_ARCHIVE names an archive to copy.
# A running daemon is warm: WARMUP publishes (default 10) come before the measured COUNT and are
# not counted; the first, JIT cold, is printed on its own line, with the GC time of each publish.
# Usage: src/bench/publish.sh [COUNT [WARMUP]]   (default 50 10). COLUMNIST_BENCH_JAVA_OPTS is passed to the benchmark's JVM
# (e.g. -XX:StartFlightRecording=filename=/tmp/publish.jfr,settings=profile).
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-50}"
warmup="${2:-10}"
command -v python3 >/dev/null || [ -n "${COLUMNIST_BENCH_ARCHIVE:-}" ] \
  || { echo "publish.sh: python3 is missing (or set COLUMNIST_BENCH_ARCHIVE)" >&2; exit 1; }
work="${COLUMNIST_BENCH_DIR:-${TMPDIR:-/tmp}/columnist-publish-bench}"
mvn -B -q -Dstyle.color=never -DskipTests package
rm -rf "$work"; mkdir -p "$work/config"
cp config/columnist.yml "$work/config/"
if [ -n "${COLUMNIST_BENCH_ARCHIVE:-}" ]; then
  cp -r "$COLUMNIST_BENCH_ARCHIVE" "$work/archive"
else
  python3 ../shared/bench/gen-corpus.py --count 10000 --out "$work/archive"
fi
cfg="$work/config/columnist.yml"
echo "building the site and the index of $(find "$work/archive" -name '*.md' | wc -l) columns ..."
./columnist build --config "$cfg" > /dev/null
./columnist index --config "$cfg" > /dev/null
# The benchmark's classes and every dependency, Awaitility (test scope) among them.
mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath"
classpath="target/test-classes:target/classes:$(cat "$work/classpath")"
bench() { java -Xmx2g ${COLUMNIST_BENCH_JAVA_OPTS:-} -cp "$classpath" org.columnist.bench.PublishBench "$cfg" "$@"; }
id=$(java -Xmx2g -cp "$classpath" org.columnist.bench.PublishBench "$cfg" ready)
/usr/bin/time -f '%e s wall, %U s user, %S s sys' -o "$work/time" \
  ./columnist queue publish "$id" --config "$cfg" > "$work/cli.out"
echo "one 'columnist queue publish' (own JVM): $(cat "$work/time"); $(grep 'Site updated' "$work/cli.out")"
bench "$count" "$warmup"
