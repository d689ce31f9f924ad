#!/usr/bin/env bash
# failover.sh: the failover trials of issue 17 (docs/BENCHMARKS.md, "Failover without loss").
#
# Twenty times (or TRIALS): the primary node of a pg_auto_failover pair dies whole (SIGKILL to
# its pg_autoctl, postgres and backends) while two `jeugdroute serve` processes on the
# multi-host URL write referrals and allocations; the standby is promoted; every acknowledged
# write must be on it, both servers must write again, `audit verify` must pass; the dead node
# rejoins as the standby before the next trial. It is tests/ha/failover.sh (make test runs three
# trials of it) on the release build, with a report per trial: how long the region could not
# write, how many writes were acknowledged and how many were answered 503.
#
# Usage: bench/failover.sh [TRIALS]   (default 20; about a minute per trial)
set -euo pipefail
cd "$(dirname "$0")/.."
TRIALS=${1:-20}
. bench/which_build.sh
REPORT=$(mktemp /tmp/jr-failover-report-XXXXXX)
trap 'rm -f "$REPORT"' EXIT
echo "failover.sh: $TRIALS trials on $B/jeugdroute ($(jr_build_revision)), $(nproc) cores" >&2
set +e
sh tests/ha/failover.sh "$B/jeugdroute" "$TRIALS" "$REPORT"
status=$?
set -e
echo
echo "per trial:"
cat "$REPORT"
awk -v trials="$TRIALS" '
	{ for (i = 1; i <= NF; i++) {
		if ($i == "answering") { s = $(i + 1); sum += s; if (min == "" || s < min) min = s; if (s > max) max = s }
		if ($i == "acknowledged") acked += $(i + 1)
		if ($i == "503s") r += $(i + 1) } n++ }
	END { if (n == 0) { print "no trial finished"; exit }
		printf "trials finished: %d of %d; not writable after the kill: mean %.1f s, min %.1f s, max %.1f s;" \
			" acknowledged writes %d, all present (else the TAP above says which trial lost one); 503s %d\n",
			n, trials, sum / n, min, max, acked, r }' "$REPORT"
exit $status
