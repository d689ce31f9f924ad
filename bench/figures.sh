#!/usr/bin/env bash
# figures.sh: the figures-series benchmark (docs/BENCHMARKS.md, issue 16 §6). Loads a demo
# region of N youths with its help requests over Y years (jeugdroute demo --years; kept in
# bench/out/ for the next run), then times, interleaved, the baseline — the sqlite3 shell running
# the GROUP BY that counts the series' flows per municipality and quarter in one statement — and
# `jeugdroute figures --region twente --grain kwartaal` and `--grain maand` over the same years
# (every period's counts, waits, repeats and outcomes, with the small cells suppressed), 3 runs
# each; prints the periods asked for, answered (accepted) and refused, best and median wall
# time, and the ratio to the baseline. Exits 1 when a period asked for is not answered.
#
# Usage: bench/figures.sh [N] [Y]   (default 500000 5)
#        JR_BUILD=DIR bench/figures.sh [N] [Y]
set -euo pipefail

cd "$(dirname "$0")/.."
N=${1:-500000}
Y=${2:-5}
RUNS=3
TODAY=2026-11-23
case $N$Y in
'' | *[!0-9]*) echo "usage: bench/figures.sh [N] [Y]" >&2; exit 2 ;;
esac
. bench/which_build.sh
FROM=$((2026 - Y + 1))-01-01

echo "== machine"
echo "command: bench/figures.sh $N $Y${JR_BUILD:+ (JR_BUILD=$JR_BUILD)}"
echo "date:  $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "cores: $(nproc); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "cpu:   $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
echo "build: $B, $(jr_build_revision)"

D=bench/out/figures-$N-$Y
DB=$D/jr.db
J=("$B/jeugdroute")
O=(--db "$D/jr.db" --key "$D/jr.key" --policy-dir policy)
if [ ! -s "$D/demo.json" ]; then
	rm -rf "$D"
	mkdir -p "$D"
	"${J[@]}" init "${O[@]}" >/dev/null
	/usr/bin/time -f "%e s" -o "$D/demo.time" "${J[@]}" demo "${O[@]}" --youth "$N" --seed 1 \
		--date "$TODAY" --years "$Y" >"$D/demo.tmp" 2>/dev/null
	mv "$D/demo.tmp" "$D/demo.json"
fi
echo "input: $DB, $(du -h "$DB" | cut -f1); demo $(cat "$D/demo.time" 2>/dev/null || echo '?'):" \
	"$(jq -c '{youths, help_requests, settled_without_youth_care, repeat_requests, allocations, deliveries_stopped}' "$D/demo.json")"

figures() { # GRAIN
	"${J[@]}" figures "${O[@]}" --region twente --from "$FROM" --to "$TODAY" --grain "$1"
}
BASELINE="SELECT h.municipality, substr(h.raised_on, 1, 4) || '-K' || ((CAST(substr(h.raised_on, 6, 2) AS INTEGER) + 2) / 3),
 COUNT(*), SUM(CASE WHEN h.state = 'closed' AND NOT EXISTS (SELECT 1 FROM allocations a WHERE a.help_request_id = h.id) THEN 1 ELSE 0 END)
 FROM help_requests h WHERE h.raised_on >= '$FROM' AND h.raised_on <= '$TODAY' GROUP BY 1, 2;
SELECT h.municipality, substr(a.start_date, 1, 4) || '-K' || ((CAST(substr(a.start_date, 6, 2) AS INTEGER) + 2) / 3), a.form, COUNT(*)
 FROM allocations a JOIN help_requests h ON h.id = a.help_request_id
 WHERE a.start_date >= '$FROM' AND a.start_date <= '$TODAY' GROUP BY 1, 2, 3;
SELECT h.municipality, substr(d.stopped_on, 1, 4) || '-K' || ((CAST(substr(d.stopped_on, 6, 2) AS INTEGER) + 2) / 3), d.goals_reached, d.end_reason, COUNT(*), AVG(d.satisfaction)
 FROM deliveries d JOIN allocations a ON a.id = d.allocation_id JOIN help_requests h ON h.id = a.help_request_id
 WHERE d.stopped_on >= '$FROM' AND d.stopped_on <= '$TODAY' GROUP BY 1, 2, 3, 4;"
baseline() { sqlite3 "$DB" "$BASELINE"; }

echo
echo "== check"
status=0
for g in kwartaal maand; do
	want=$([ "$g" = maand ] && echo $(((Y - 1) * 12 + 11)) || echo $(((Y - 1) * 4 + 4)))
	if figures "$g" >"$D/$g.json" 2>"$D/$g.err"; then
		got=$(jq '.series | length' "$D/$g.json")
	else
		got=0
	fi
	echo "$g: periods asked $want, answered (accepted) $got, refused $((want - got));" \
		"region help requests $(jq -c '[.series[].rows[-1].help_requests] | add' "$D/$g.json" 2>/dev/null || echo '?')" \
		"($(jq -c '[.series[].rows[-1].help_requests | select(. == null)] | length' "$D/$g.json" 2>/dev/null || echo '?') periods hidden)"
	[ "$got" = "$want" ] || { status=1; cat "$D/$g.err" >&2; }
done
echo "baseline: $(baseline | wc -l) groups"

timed() {
	local TIMEFORMAT='%3R' t
	t=$({ time "$@" >/dev/null 2>/dev/null; } 2>&1)
	echo "$t"
}
echo
echo "== timing ($RUNS runs each, interleaved; output to /dev/null)"
cat "$DB" >/dev/null
bl=()
kw=()
mt=()
for run in $(seq "$RUNS"); do
	w=$(timed baseline)
	bl+=("$w")
	echo "run $run: sqlite3 GROUP BY (baseline)  wall $w s"
	w=$(timed figures kwartaal)
	kw+=("$w")
	echo "run $run: figures --grain kwartaal     wall $w s"
	w=$(timed figures maand)
	mt+=("$w")
	echo "run $run: figures --grain maand        wall $w s"
done
stats() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { printf "best %.3f s, median %.3f s", a[1], a[int((NR + 1) / 2)] }'; }
best() { printf '%s\n' "$@" | sort -n | head -1; }
echo
echo "== result"
echo "baseline:          $(stats "${bl[@]}")"
echo "figures kwartaal:  $(stats "${kw[@]}"); best / baseline best = $(awk -v a="$(best "${kw[@]}")" -v b="$(best "${bl[@]}")" 'BEGIN { printf "%.1f", a / b }')"
echo "figures maand:     $(stats "${mt[@]}"); best / baseline best = $(awk -v a="$(best "${mt[@]}")" -v b="$(best "${bl[@]}")" 'BEGIN { printf "%.1f", a / b }')"
exit $status
