#!/usr/bin/env bash
# Benchmark for the static site (issue 6): for 1,000 and 10,000 generated columns, times
# `columnist build --clean`, then a build after one changed column, and Hugo (Debian's hugo)
# building the same corpus with the equivalent minimal site of ../shared/bench/hugo-site.
# Prints wall times, the ratio to Hugo and peak memory (RSS). Needs: apt-get install hugo.
# Usage: src/bench/site.sh [COUNTS...]   (default: 1000 10000)
# The corpora and sites go to a temporary directory under $TMPDIR. On ext4 that has just freed
# many inodes (earlier runs), creating files is slow for both tools; TMPDIR=/dev/shm measures the
# software alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
counts=("$@"); [ ${#counts[@]} -gt 0 ] || counts=(1000 10000)
command -v hugo >/dev/null || { echo "site.sh: hugo is missing: apt-get install hugo" >&2; exit 1; }
mvn -B -q -Dstyle.color=never -DskipTests package
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
timed() { # label, command...: prints "label: S s, M MB peak"
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r secs kb < "$work/time"
  printf '%-44s %7.2f s  %6d MB peak RSS\n' "$label" "$secs" $((kb / 1024))
  echo "$secs" > "$work/last"
}
for n in "${counts[@]}"; do
  inst="$work/col-$n"; hugo_site="$work/hugo-$n"
  mkdir -p "$inst/config" "$hugo_site"
  cp config/columnist.yml "$inst/config/"
  python3 ../shared/bench/gen-corpus.py --count "$n" --out "$inst/archive"
  cp -r ../shared/bench/hugo-site/. "$hugo_site/"
  python3 ../shared/bench/gen-corpus.py --count "$n" --out "$hugo_site" --hugo
  echo "== $n columns"
  timed "columnist build --clean" ./columnist build --clean --config "$inst/config/columnist.yml"
  ours=$(cat "$work/last")
  one=$(find "$inst/archive" -name '*.md' | sort | sed -n "$((n / 2))p")
  sed -i 's/^## The last word$/## The last word\n\nOne more sentence, changed for the benchmark./' "$one"
  timed "columnist build (one column changed)" ./columnist build --config "$inst/config/columnist.yml"
  timed "columnist build (nothing changed)" ./columnist build --config "$inst/config/columnist.yml"
  timed "hugo (same corpus, minimal site)" hugo --quiet --source "$hugo_site" --destination "$work/hugo-public-$n"
  theirs=$(cat "$work/last")
  printf '%-44s %7.2f  (columnist / hugo, full build)\n' "ratio" "$(echo "$ours / $theirs" | bc -l)"
  echo "pages: columnist $(find "$inst/public" -name '*.html' | wc -l), hugo $(find "$work/hugo-public-$n" -name '*.html' | wc -l)"
done
