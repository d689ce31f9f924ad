#!/bin/sh
# Installs the Debian packages jeugdroute needs that are missing. As root it runs apt-get;
# otherwise it prints the exact apt-get line and fails, so nothing half-set-up goes on.
set -eu
missing=""
for pkg in "$@"; do
	if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
		missing="$missing $pkg"
	fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "jeugdroute: installeren:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
	echo "jeugdroute: deze pakketten ontbreken. Installeer ze als root met:" >&2
	echo "  sudo apt-get install -y$missing" >&2
	exit 1
fi
