#!/usr/bin/env bash
# Benchmark for the search index (issue 18): `columnist index --rebuild` of a generated archive
# (default 10,000 columns) against Pagefind 1.x indexing the same instance's public/, three runs
# of each taken in turn; prints the median wall and CPU (user+sys) seconds of each and the ratio
# (target: columnist / pagefind <= 0.25 in wall time).
# Needs: npx (Node.js), and access to the npm registry the first time, when
# npx fetches pagefind@1 into its cache (later runs use the cache). Pagefind is only compared
# with, never a dependency. Usage: src/bench/index.sh [COUNT]
# COLUMNIST_BENCH_ARCHIVE=DIR indexes a copy of DIR instead of generating one.
set -euo pipefail
cd "$(dirname "$0")/../.."
count="${1:-10000}"
command -v npx >/dev/null || { echo "index.sh: npx is missing: install Node.js (apt-get install npm)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "index.sh: /usr/bin/time is missing: apt-get install time" >&2; exit 1; }
pagefind=(npx --yes pagefind@1)
if ! version=$("${pagefind[@]}" --version 2>/dev/null); then
  echo "index.sh: cannot run pagefind@1 through npx: the first run needs the npm registry" >&2
  exit 1
fi
mvn -B -q -Dstyle.color=never -DskipTests package
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
inst="$work/instance"
mkdir -p "$inst/config"
cp config/columnist.yml "$inst/config/"
if [ -n "${COLUMNIST_BENCH_ARCHIVE:-}" ]; then
  cp -r "$COLUMNIST_BENCH_ARCHIVE" "$inst/archive"
else
  python3 ../shared/bench/gen-corpus.py --count "$count" --out "$inst/archive"
fi
echo "building the site once (columnist build) ..."
./columnist build --config "$inst/config/columnist.yml" > /dev/null
# The first run of a verb through ./columnist writes its class-data archive: not timed.
./columnist index --rebuild --config "$inst/config/columnist.yml" > /dev/null 2>&1
timed() { # label, command...: appends "wall cpu" to $work/label
  local label=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" > /dev/null 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
  read -r wall user sys < "$work/time"
  printf '  %-10s %6.2f s wall %6.2f s CPU\n' "$label" "$wall" "$(echo "$user + $sys" | bc -l)"
  echo "$wall $(echo "$user + $sys" | bc -l)" >> "$work/$label"
}
median() { # file, column: the median of three
  cut -d' ' -f"$2" "$1" | sort -g | sed -n 2p
}
echo "== $(find "$inst/archive" -name '*.md' | wc -l) columns, $(find "$inst/public" -name '*.html' | wc -l) pages; $version; $(nproc) cores"
for run in 1 2 3; do
  echo "run $run"
  timed columnist ./columnist index --rebuild --config "$inst/config/columnist.yml"
  rm -rf "$work/pagefind-out"
  timed pagefind "${pagefind[@]}" --site "$inst/public" --output-path "$work/pagefind-out"
done
ours=$(median "$work/columnist" 1); theirs=$(median "$work/pagefind" 1)
printf '%-28s %6.2f s wall %6.2f s CPU\n' "columnist index --rebuild" "$ours" "$(median "$work/columnist" 2)"
printf '%-28s %6.2f s wall %6.2f s CPU\n' "pagefind --site public" "$theirs" "$(median "$work/pagefind" 2)"
printf '%-28s %6.2f wall  %6.2f CPU  (columnist / pagefind, target <= 0.25 wall)\n' "ratio" \
  "$(echo "$ours / $theirs" | bc -l)" "$(echo "$(median "$work/columnist" 2) / $(median "$work/pagefind" 2)" | bc -l)"
