#!/bin/sh
# `make run`: the regions in the browser. The first time it makes var/jeugdroute.db with the
# Twente and Amersfoort policies, a demo Twente of 2,000 youths and a demo Amersfoort of 1,000
# after it, one login per role in each (kept in var/demo-logins.txt, readable by you only:
# fictitious data, demo accounts; grouped by region); a database made by an earlier jeugdroute is
# migrated; then, every time, it serves the API and the UI on http://127.0.0.1:8080 until Ctrl-C —
# with the second factor required of the roles that see personal data (docs/security.md);
# JEUGDROUTE_SECOND_FACTOR=vrijwillig leaves it voluntary.
set -eu
bin=${1:-build/jeugdroute}
listen=${JEUGDROUTE_LISTEN:-127.0.0.1:8080}
cd "$(dirname "$0")/.."
umask 077
if [ ! -f var/jeugdroute.db ]; then
	mkdir -p var
	"$bin" init >var/init.txt
	cat var/init.txt
	echo "jeugdroute: de demoregio Twente maken (2000 jongeren)…"
	"$bin" demo --youth 2000 --seed 1 --logins ja >var/demo.json
	echo "jeugdroute: de demoregio Amersfoort maken (1000 jongeren)…"
	"$bin" demo --region amersfoort --youth 1000 --seed 1 --logins ja >var/demo-amersfoort.json
	{
		sed -n 's/^beheerder: admin, wachtwoord \([A-Za-z0-9]*\) .*/admin                        beheer             \1/p' var/init.txt
		for json in var/demo.json var/demo-amersfoort.json; do
			echo
			jq -r '"regio \(.region):"' "$json"
			jq -r '.logins[] | "\(.username)\t\(.role)\t\(.password)"' "$json" |
				awk -F'\t' '{ printf "%-28s %-18s %s\n", $1, $2, $3 }'
		done
	} >var/demo-logins.txt
	rm -f var/init.txt
else
	# a database from an earlier jeugdroute: brought up to this one's schema (migrations only)
	"$bin" init >/dev/null
fi
echo
echo "jeugdroute: open http://$listen in de browser. Demo-inloggegevens (verzonnen gegevens):"
echo
echo "gebruiker                    rol                wachtwoord"
cat var/demo-logins.txt
echo
echo "Wie gegevens van kinderen ziet (consulent, verwijzer, gi, provider) en de beheerder stellen"
echo "bij de eerste inlog een tweede factor in: een app die inlogcodes maakt (TOTP)."
echo "(JEUGDROUTE_SECOND_FACTOR=vrijwillig make run: zonder die plicht.)"
echo "(Ctrl-C stopt de server; var/ bewaart de database. Opnieuw beginnen: rm -r var)"
exec "$bin" serve --listen "$listen" --second-factor "${JEUGDROUTE_SECOND_FACTOR:-verplicht}"
