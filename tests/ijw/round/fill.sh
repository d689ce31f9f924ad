# fill.sh: fills in a template of this folder with fixed values (sourced by tests/ijw/rules.sh
# and tests/ijw/run.sh): a start and a stop in May 2026, a request, a claim for April 2026.
# @DAG@ (and JW302's @OURS@) are left to the caller.
fill() { # fill TEMPLATE > FILE
	sed -e 's/@AGB@/12345678/; s/@GEMEENTE@/0141/; s/@ID@/1/g; s/@BSN@/123456782/' \
		-e 's/@BIRTH@/2015-03-04/; s/@CAT@/45/g; s/@CODE@/45A02/g; s/@TOEWIJZING@/77/g' \
		-e 's/@START@/2026-04-01/g; s/@END@/2026-12-31/; s/@BEGIN@/2026-05-01/' \
		-e 's/@STOP@/2026-05-08/; s/@VERWIJZER@/01234567/' \
		-e 's/@MONTH_START@/2026-04-01/; s/@MONTH_END@/2026-04-30/' \
		-e 's/@LINE1_START@/2026-04-01/; s/@LINE1_END@/2026-04-30/' \
		-e 's/@LINE2_START@/2026-04-01/; s/@LINE2_END@/2026-04-30/' \
		-e 's/@TARIFF@/7800/g; s/@AMOUNT@/46800/g; s/@TOTAL@/93600/' \
		-e 's/@LATER_END@/2027-03-31/; s/@NEW_START@/2026-06-01/; s/@NEW_END@/2026-12-31/' \
		-e 's/@TOEWIJZING2@/78/' -e 's/P1B</P2B</' "$1"
}
