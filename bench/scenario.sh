#!/usr/bin/env bash
# scenario.sh: the scenario benchmark (docs/BENCHMARKS.md, issue 16 §6). Generates N requests as
# JSON Lines (bench_gen_requests, deterministic), then times, interleaved, the baseline
# `jeugdroute route --batch` over the file and `jeugdroute scenario --requests` over the same
# file (every line routed twice: under policy/twente.json and a scenario policy, with the
# bootstrap's 1000 resamples; --outcomes nee: no records), 3 runs each; prints the counts the
# scenario read, accepted and refused, best and median wall time, and the ratio.
#
# Usage: bench/scenario.sh [N]   (default 1000000)
#        JR_BUILD=DIR bench/scenario.sh [N]
set -euo pipefail

cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=3
TODAY=2026-11-23
SCEN=examples/scenarios/twente-drempel-jeugdhulp-2.json
case $N in
'' | *[!0-9]*) echo "usage: bench/scenario.sh [N]" >&2; exit 2 ;;
esac
. bench/which_build.sh

echo "== machine"
echo "command: bench/scenario.sh $N${JR_BUILD:+ (JR_BUILD=$JR_BUILD)}"
echo "date:  $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores: $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu:   $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "build: $B, $(jr_build_revision)"

mkdir -p bench/out
IN=bench/out/requests-$N.jsonl
[ -s "$IN" ] && [ "$(wc -l <"$IN")" = "$N" ] || "$B/bench_gen_requests" "$N" "$IN"
echo "input: $IN, $(wc -l <"$IN") lines, $(wc -c <"$IN") bytes"

scenario() {
	"$B/jeugdroute" scenario --requests "$IN" --outcomes nee --policy "$SCEN" --region twente \
		--today "$TODAY" --seed 1
}
echo
echo "== check"
scenario | jq -c '{read: .population.read, accepted: .total.requests, refused: .population.refused,
	outside_region: .population.outside_region, not_in_scenario: .population.not_in_scenario,
	youth_care_first: [.total.youth_care.base.p50, .total.youth_care.scenario.p50]}'

timed() {
	local TIMEFORMAT='%3R' t
	t=$({ time "$@" >/dev/null 2>/dev/null; } 2>&1)
	echo "$t"
}
echo
echo "== timing ($RUNS runs each, interleaved; output to /dev/null)"
cat "$IN" >/dev/null
sc=()
rb=()
for run in $(seq "$RUNS"); do
	w=$(timed "$B/jeugdroute" route --batch --today "$TODAY" "$IN")
	rb+=("$w")
	echo "run $run: route --batch (baseline)  wall $w s"
	w=$(timed scenario)
	sc+=("$w")
	echo "run $run: scenario                  wall $w s"
done
stats() {
	printf '%s\n' "$@" | sort -g | awk '{ t[NR] = $1 } END { printf "%s %s\n", t[1], t[int((NR + 1) / 2)] }'
}
read -r rb_best rb_med < <(stats "${rb[@]}")
read -r sc_best sc_med < <(stats "${sc[@]}")
echo
awk -v n="$N" -v rb="$rb_best" -v rm="$rb_med" -v sb="$sc_best" -v sm="$sc_med" 'BEGIN {
	printf "route --batch: best %.3f s, median %.3f s\n", rb, rm
	printf "scenario:      best %.3f s, median %.3f s (%.0f requests/s)\n", sb, sm, n / sm
	printf "ratio scenario / route --batch (median): %.2f; target: scenario under 10 s: %s\n",
	       sm / rm, sm < 10 ? "met" : "NOT met" }'
