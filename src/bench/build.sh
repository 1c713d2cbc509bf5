#!/usr/bin/env bash
# Benchmark for a full site build (issue 18): Columnist (through the ./columnist launcher, as users
# run it) against Hugo (Debian's hugo) on the same generated corpus, side by side in one run, on
# tmpfs (/dev/shm) and on a disk file system (EXT4_DIR, default /tmp; say which when you quote it).
# Rows: a first build into an empty folder, and a clean build over an existing site (`build --clean`,
# `hugo --cleanDestinationDir`), each the median of RUNS (3) for wall time, user and system CPU,
# with the pages each tool wrote and the ratio; then Columnist alone after one changed column and
# with nothing changed.
# Needs: python3, hugo (apt-get install hugo), GNU time (/usr/bin/time), and the shared bench
# files (SHARED, default ../shared: bench/gen-corpus.py and bench/hugo-site).
# Usage: src/bench/build.sh [COLUMNS]   (default 10000). The corpus is generated once and cached in
# $TMPDIR/columnist-bench-corpus-COLUMNS; delete it to make a new one.
# Nothing is deleted between timed runs: each first build goes into a new folder (the last site is
# moved aside, as is the build state), and all is removed at the end. On ext4 without a journal
# (this project's VMs), every new file or folder made within minutes of deleting thousands is
# found only after the kernel has looked at each recently deleted inode in its group (perf:
# `recently_deleted` under ext4_create and ext4_mkdir), a cost of the deletion that grows with its
# size, not of the tool: the same first build took 4 to 13 s of system CPU after `rm -rf` of the
# last one, and 1.4 s in a fresh folder. For the same reason, leave a few minutes between two runs
# of this script on such a disk.
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-10000}"; runs="${RUNS:-3}"
shared="${SHARED:-../shared}"; ext4="${EXT4_DIR:-/tmp}"; tmp="${TMPDIR:-/tmp}"
command -v hugo >/dev/null || { echo "build.sh: hugo is missing: apt-get install hugo" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "build.sh: GNU time is missing: apt-get install time" >&2; exit 1; }
[ -f "$shared/bench/gen-corpus.py" ] || { echo "build.sh: no $shared/bench/gen-corpus.py; set SHARED" >&2; exit 1; }
[ -d /dev/shm ] || { echo "build.sh: no /dev/shm (tmpfs)" >&2; exit 1; }

corpus="$tmp/columnist-bench-corpus-$n"
if [ ! -f "$corpus/done" ]; then
  rm -rf "$corpus"; mkdir -p "$corpus/hugo"
  python3 "$shared/bench/gen-corpus.py" --count "$n" --out "$corpus/archive" >/dev/null
  cp -r "$shared/bench/hugo-site/." "$corpus/hugo/"
  python3 "$shared/bench/gen-corpus.py" --count "$n" --out "$corpus/hugo" --hugo >/dev/null
  touch "$corpus/done"
fi
./columnist --help >/dev/null  # builds the jar if the sources are newer

timed() { # command...: appends "wall user sys" to $work/times
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/time" >> "$work/times"
}
median() { # column (1 wall, 2 user, 3 sys) of $work/times
  awk -v c="$1" '{print $c}' "$work/times" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
row() { # label, pages: prints the medians of $work/times and keeps the wall time in $work/last
  printf '%-36s %7.2f s wall %7.2f s user %6.2f s sys %7d pages\n' "$1" "$(median 1)" "$(median 2)" "$(median 3)" "$2"
  median 1 > "$work/last"; rm -f "$work/times"
}
ratio() { printf '%-36s %7.2f  (columnist / hugo, wall)\n' "ratio" "$(echo "$1 / $2" | bc -l)"; }
pages() { find "$1" -type f \( -name '*.html' -o -name '*.xml' \) | wc -l; }

for fs in /dev/shm "$ext4"; do
  work="$(mktemp -d "$fs/columnist-bench-build.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  inst="$work/inst"; mkdir -p "$inst/config"
  cp config/columnist.yml "$inst/config/"; cp -r "$corpus/archive" "$inst/archive"
  cp -r "$corpus/hugo" "$work/hugo"
  cfg="$inst/config/columnist.yml"
  ./columnist build --config "$cfg" >/dev/null 2>&1  # untimed: makes the launcher's CDS archive for build
  echo "== $n columns on $(df --output=fstype "$fs" | tail -1) ($fs), median of $runs"
  mkdir "$work/old"
  for i in $(seq "$runs"); do
    mv "$inst/public" "$work/old/public-$i"; rm -f "$inst/data/site-build.tsv"
    timed ./columnist build --config "$cfg"
  done
  row "columnist build (empty public/)" "$(pages "$inst/public")"; ours=$(cat "$work/last")
  for i in $(seq "$runs"); do out="$work/old/hugo-$i"; timed hugo --quiet --source "$work/hugo" --destination "$out"; done
  row "hugo (empty destination)" "$(pages "$out")"; ratio "$ours" "$(cat "$work/last")"
  for _ in $(seq "$runs"); do timed ./columnist build --clean --config "$cfg"; done
  row "columnist build --clean" "$(pages "$inst/public")"; ours=$(cat "$work/last")
  for _ in $(seq "$runs"); do timed hugo --quiet --cleanDestinationDir --source "$work/hugo" --destination "$out"; done
  row "hugo --cleanDestinationDir" "$(pages "$out")"; ratio "$ours" "$(cat "$work/last")"
  one=$(find "$inst/archive" -name '*.md' | sort | sed -n "$((n / 2))p")
  sed -i 's/^## The last word$/## The last word\n\nOne more sentence, changed for the benchmark./' "$one"
  timed ./columnist build --config "$cfg"; row "columnist build (one column changed)" "$(pages "$inst/public")"
  timed ./columnist build --config "$cfg"; row "columnist build (nothing changed)" "$(pages "$inst/public")"
  rm -rf "$work"
done
