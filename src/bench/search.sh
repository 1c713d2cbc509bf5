#!/usr/bin/env bash
# Benchmark for search (issues 7 and 18): indexes N generated columns (default 100000), then
# prints in-process query latency (p50/p99) and HTTP throughput of /api/search with wrk on
# loopback, with every query new and with repeats (cached), each beside its target and the
# figure before issue 18. Targets: p99 <= 5 ms, >= 2,000 new queries a second.
# Needs: wrk (apt-get install wrk), python3 for the corpus generator.
# Usage: src/bench/search.sh [N [in-process]]   (in-process: latency only, e.g. to profile with
# COLUMNIST_BENCH_JAVA_OPTS=-XX:StartFlightRecording=filename=/tmp/s.jfr,settings=profile)
# The instance (corpus and index) is kept between runs in $COLUMNIST_BENCH_DIR (default: a folder
# under $TMPDIR); its archive/ may be a copy of an existing corpus. An index of an older format
# is rebuilt; COLUMNIST_BENCH_REINDEX=1 rebuilds it anyway.
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-100000}"
command -v wrk >/dev/null || { echo "search.sh: wrk is missing: apt-get install wrk" >&2; exit 1; }
work="${COLUMNIST_BENCH_DIR:-${TMPDIR:-/tmp}/columnist-search-bench-$count}"
# The shaded jar carries the dependencies; the benchmark is among the test classes.
mvn -B -q -o -Dstyle.color=never -DskipTests package
mkdir -p "$work/config"
cp config/columnist.yml "$work/config/"
if [ ! -d "$work/archive" ]; then
  echo "generating $count columns in $work ..."
  python3 ../shared/bench/gen-corpus.py --count "$count" --out "$work/archive.tmp"
  mv "$work/archive.tmp" "$work/archive"
fi
if [ "${COLUMNIST_BENCH_REINDEX:-}" = 1 ]; then rm -rf "$work/data"; fi
java -Xmx2g ${COLUMNIST_BENCH_JAVA_OPTS:-} -cp target/test-classes:target/classes:target/columnist.jar org.columnist.bench.SearchBench "$work/config/columnist.yml" "${@:2}"
