#!/usr/bin/env bash
# Benchmark for `columnist import` (issue 17): generates N saved pages (default 1000), each a
# column among site furniture (navigation, sidebar, related articles, footer, scripts), imports
# them into an empty archive in-process, and prints pages per second, peak memory, and the heap
# after 1/4, 1/2 and all of the pages (flat when nothing grows with the count). Target: 100
# pages/s. EXT is html (saved pages; needs the HTML format) or txt (the same columns as text).
# Usage: src/bench/import.sh [N] [html|txt]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Dstyle.color=never -DskipTests test-compile
classpath="target/test-classes:target/classes:$(mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
# The JVM flags ./columnist gives every short verb, import among them.
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$classpath" org.columnist.bench.ImportBench "${1:-1000}" "${2:-html}"
