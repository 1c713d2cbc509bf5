#!/usr/bin/env bash
# Benchmark for the newsletter send (issue 15): one column to N confirmed subscribers (default
# 1000 and 10000, one JVM each), sent through an in-process GreenMail with the rate lifted. Prints
# messages per second and peak memory; the two runs show memory flat in N. Target: 100 messages/s.
# Usage: src/bench/send.sh [N...]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Dstyle.color=never -DskipTests test-compile
classpath="target/test-classes:target/classes:$(mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
counts=("$@")
if [ ${#counts[@]} -eq 0 ]; then counts=(1000 10000); fi
for n in "${counts[@]}"; do
  java -Xmx256m -cp "$classpath" org.columnist.bench.SendBench $n
done
