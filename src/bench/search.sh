#!/usr/bin/env bash
# Benchmark for search (issue 7): generates N columns (default 100000) with the shared corpus
# generator, indexes them, and prints build time, index size, in-process query latency
# (p50/p99) and HTTP throughput with wrk (apt-get install wrk). Targets: p99 <= 10 ms,
# >= 1,000 requests/s. Usage: src/bench/search.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-100000}"
# The generated corpus is kept between runs (it takes a minute to write); delete it to renew.
work="${COLUMNIST_BENCH_DIR:-${TMPDIR:-/tmp}/columnist-search-bench-$count}"
mvn -B -q -Dstyle.color=never -DskipTests test-compile
mkdir -p "$work/config"
cp config/columnist.yml "$work/config/"
if [ ! -d "$work/archive" ]; then
  echo "generating $count columns in $work ..."
  python3 ../shared/bench/gen-corpus.py --count "$count" --out "$work/archive.tmp"
  mv "$work/archive.tmp" "$work/archive"
fi
rm -rf "$work/data"
classpath="target/test-classes:target/classes:$(mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
java -Xmx2g -cp "$classpath" org.columnist.bench.SearchBench "$work/config/columnist.yml"
