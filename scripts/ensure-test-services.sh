#!/usr/bin/env bash
# Run by `npm test` (the `pretest` script): installs the real servers the tests start themselves, from Debian's
# packages, when they are absent. Nothing is started here; each test starts its own on a free port.
set -euo pipefail

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
# The end-to-end test of the built-in preview drives Debian's Chromium through playwright-core.
[ -x /usr/bin/chromium ] || need+=(chromium)

if [ "${#need[@]}" -eq 0 ]; then exit 0; fi
if ! command -v apt-get >/dev/null 2>&1 || [ "$(id -u)" != 0 ]; then
  echo "relecteur tests: please install ${need[*]} (Debian: apt-get install ${need[*]})" >&2
  exit 1
fi
echo "relecteur tests: installing ${need[*]} from Debian's packages" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null 2>&1 ||
  { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends "${need[@]}" >/dev/null; }
