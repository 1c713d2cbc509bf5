#!/usr/bin/env bash
# Benchmark for mail intake (issue 4): N questions (default 10000) in a GreenMail IMAP mailbox,
# taken in by one pass. Prints messages per second and peak memory. Target: 500 messages/s.
# Usage: src/bench/intake.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -Dstyle.color=never -DskipTests test-compile
classpath="target/test-classes:target/classes:$(mvn -B -q -Dstyle.color=never dependency:build-classpath -Dmdep.outputFile=/dev/stdout)"
java -cp "$classpath" org.columnist.bench.IntakeBench "${1:-10000}"
