#!/usr/bin/env bash
# The Debian packages the test suite needs: Chromium (end-to-end tests), a PostgreSQL 15 server
# (integration tests run on PGlite and PostgreSQL), PgBouncer (the transaction-pooling topology
# test), CUPS (the real print spooler test) and a font for screenshots; nginx for the benchmarks'
# load balancer (bench:scale, bench:failover). Installs what is missing when run as root with apt; otherwise says what
# to install and fails. Then proves that what is installed works (scripts/verify-system-packages.ts):
# a file being there is no evidence, as a Debian update that changed cupsd's config rules showed.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/lib/postgresql/15/bin/pg_ctl ] || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || missing+=(postgresql)
command -v psql >/dev/null || missing+=(postgresql-client)
[ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/sbin/cupsd ] || missing+=(cups)
command -v lpadmin >/dev/null || missing+=(cups-client)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -eq 0 ]; then
  :
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing system packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "The tests need these system packages: ${missing[*]}" >&2
  echo "Debian/Ubuntu: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

npx --no-install tsx "$(dirname "$0")/verify-system-packages.ts"
