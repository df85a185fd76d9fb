#!/usr/bin/env bash
# The Debian data packages the PERSON/LOCATION/NRP/ORGANIZATION recognizer reads (ADR-034); none of it is
# committed. Without them the API still runs, degraded (docs/presidio.md says how); tests need them.
set -euo pipefail

# package -> a file it installs
declare -A wanted=(
  [iso-codes]=/usr/share/iso-codes/json/iso_3166-2.json
  [tzdata]=/usr/share/zoneinfo/zone1970.tab
  [libgeonames-common]=/usr/share/locale/en/LC_MESSAGES/geonames.mo
  [miscfiles]=/usr/share/dict/propernames.gz
  [wamerican]=/usr/share/dict/american-english
  [ruby-faker]=/usr/share/rubygems-integration/all/gems
)
missing=()
for pkg in "${!wanted[@]}"; do
  [[ -e "${wanted[$pkg]}" || -e "${wanted[$pkg]%.gz}" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ "$(id -u)" -ne 0 ]]; then
  echo "gazetteers: missing ${missing[*]}: sudo apt-get install -y ${missing[*]} (the name/place recognizer runs degraded without them)" >&2
  exit "${GAZETTEERS_REQUIRED:-0}"
fi
echo "gazetteers: installing ${missing[*]} with apt..."
DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
