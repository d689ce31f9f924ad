#!/bin/sh
# Installs the npm packages of DIR exactly as its package-lock.json says (npm ci), unless they are
# there already and the lock file has not changed since.
set -eu
dir=$1
cd "$(dirname "$0")/../$dir"
if [ -f node_modules/.package-lock.json ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
	exit 0
fi
echo "jeugdroute: npm ci in $dir"
npm ci --no-audit --no-fund --loglevel=error
