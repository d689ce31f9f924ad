#!/usr/bin/env bash
# route.sh: the routing benchmark (docs/BENCHMARKS.md). Builds, generates N requests as JSON Lines
# once (bench/out/, deterministic), checks that every line routes without error, then times
# `jeugdroute route --batch` against the baseline `jq -c .` over the same file (3 runs each,
# interleaved; best and median wall time), and finally runs the in-process benchmark
# bench_route_core (decisions per second without JSON).
#
# Usage: bench/route.sh [N]   (default 1000000)
#        JR_BUILD=DIR bench/route.sh [N]   measures the build made by bench/build.sh DIR [REV]
set -euo pipefail

cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=3
TODAY=2026-11-23
case $N in
'' | *[!0-9]*) echo "usage: bench/route.sh [N]" >&2; exit 2 ;;
esac
for tool in jq meson ninja; do
	command -v "$tool" >/dev/null || { echo "route.sh: $tool is missing" >&2; exit 1; }
done

. bench/which_build.sh

echo "== machine"
echo "command: bench/route.sh $N${JR_BUILD:+ (JR_BUILD=$JR_BUILD)}"
echo "date:  $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores: $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu:   $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "jq:    $(jq --version)"
echo "cc:    $(gcc --version | head -1)"
echo "build: $B, $(jr_build_revision), $(meson introspect "$B" --buildoptions |
	jq -r '[.[] | select(.name == "buildtype" or .name == "b_sanitize") | "\(.name)=\(.value)"] | join(" ")')"

mkdir -p bench/out
IN=bench/out/requests-$N.jsonl
OUT=bench/out/answers-$N.jsonl
echo
echo "== input"
start=$(date +%s.%N)
"$B/bench_gen_requests" "$N" "$IN"
end=$(date +%s.%N)
lines=$(wc -l <"$IN")
in_bytes=$(wc -c <"$IN")
awk -v s="$start" -v e="$end" -v n="$lines" -v b="$in_bytes" -v f="$IN" 'BEGIN {
	printf "%s: %d lines, %.0f bytes (%.1f MB, %.0f bytes/line), generated in %.2f s\n",
	       f, n, b, b / 1e6, b / n, e - s }'

echo
echo "== check: route once into a file"
"$B/jeugdroute" route --batch --today "$TODAY" "$IN" >"$OUT"
out_lines=$(wc -l <"$OUT")
out_bytes=$(wc -c <"$OUT")
errors=$(grep -c '"error"' "$OUT" || true)
rm -f "$OUT"
awk -v n="$out_lines" -v b="$out_bytes" -v e="$errors" 'BEGIN {
	printf "answers: %d lines, %.0f bytes (%.1f MB, %.0f bytes/line), error lines: %d\n",
	       n, b, b / 1e6, b / n, e }'
if [ "$errors" != 0 ] || [ "$out_lines" != "$lines" ]; then
	echo "route.sh: the batch did not answer every line without error" >&2
	exit 1
fi

# One run of "$@" with output to /dev/null: prints "wall user+sys" in seconds (bash's time).
timed() {
	local TIMEFORMAT='%3R %3U %3S' t
	t=$({ time "$@" >/dev/null 2>>bench/out/stderr.txt; } 2>&1)
	awk -v t="$t" 'BEGIN { split(t, f, " "); printf "%.3f %.3f\n", f[1], f[2] + f[3] }'
}

echo
echo "== timing ($RUNS runs each, interleaved; input in the page cache, output to /dev/null)"
cat "$IN" >/dev/null
rm -f bench/out/stderr.txt
jr_times=()
jq_times=()
jr_cpu=()
jq_cpu=()
j1_times=()
j1_cpu=()
threads=$(nproc)
[ "$threads" -gt 8 ] && threads=8
for run in $(seq "$RUNS"); do
	read -r w c < <(timed "$B/jeugdroute" route --batch --today "$TODAY" "$IN")
	jr_times+=("$w")
	jr_cpu+=("$c")
	echo "run $run: jeugdroute --batch ($threads threads)  wall $w s  cpu $c s"
	read -r w c < <(timed "$B/jeugdroute" route --batch --threads 1 --today "$TODAY" "$IN")
	j1_times+=("$w")
	j1_cpu+=("$c")
	echo "run $run: jeugdroute --batch --threads 1  wall $w s  cpu $c s"
	read -r w c < <(timed jq -c . "$IN")
	jq_times+=("$w")
	jq_cpu+=("$c")
	echo "run $run: jq -c .           wall $w s  cpu $c s"
done
if [ -s bench/out/stderr.txt ]; then
	echo "route.sh: a timed run wrote to stderr:" >&2
	cat bench/out/stderr.txt >&2
	exit 1
fi

# best and median of a list of times
stats() {
	printf '%s\n' "$@" | sort -g | awk '{ t[NR] = $1 } END { printf "%s %s\n", t[1], t[int((NR + 1) / 2)] }'
}
read -r jr_best jr_median < <(stats "${jr_times[@]}")
read -r j1_best j1_median < <(stats "${j1_times[@]}")
read -r _ j1_cpu_median < <(stats "${j1_cpu[@]}")
read -r jq_best jq_median < <(stats "${jq_times[@]}")
read -r _ jr_cpu_median < <(stats "${jr_cpu[@]}")
read -r _ jq_cpu_median < <(stats "${jq_cpu[@]}")
echo
awk -v n="$lines" -v rb="$jr_best" -v rm="$jr_median" -v qb="$jq_best" -v qm="$jq_median" \
	-v rc="$jr_cpu_median" -v qc="$jq_cpu_median" -v ob="$j1_best" -v om="$j1_median" \
	-v oc="$j1_cpu_median" -v th="$threads" 'BEGIN {
	printf "%-20s %8s %9s %13s %15s %13s\n", "", "best s", "median s", "lines/s best",
	       "lines/s median", "median cpu s"
	printf "%-20s %8.3f %9.3f %13.0f %15.0f %13.3f\n", "jeugdroute (" th " thr)", rb, rm,
	       n / rb, n / rm, rc
	printf "%-20s %8.3f %9.3f %13.0f %15.0f %13.3f\n", "jeugdroute (1 thr)", ob, om, n / ob,
	       n / om, oc
	printf "%-20s %8.3f %9.3f %13.0f %15.0f %13.3f\n", "jq -c . (baseline)", qb, qm, n / qb,
	       n / qm, qc
	printf "ratio jq / jeugdroute, %d threads (> 1: jeugdroute is faster): best %.2f, " \
	       "median %.2f\n", th, qb / rb, qm / rm
	printf "ratio jq / jeugdroute, 1 thread: best %.2f, median %.2f, median cpu %.2f\n",
	       qb / ob, qm / om, qc / oc }'

echo
echo "== in process, without JSON: bench_route_core"
"$B/bench_route_core"
