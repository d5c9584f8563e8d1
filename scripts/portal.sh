#!/usr/bin/env bash
# The two commands of the README:
#   npm start  (= bash scripts/portal.sh start)  installs what is missing and
#              starts the portal on the example estate (app :3000, backend :7007)
#   npm test   (= bash scripts/portal.sh test)   installs what is missing and
#              runs every check: types, lint, unit and store tests (SQLite and,
#              when reachable, PostgreSQL), API reports, benchmark smoke runs,
#              the packages as an adopter gets them (packed CLI through npx on
#              Node 20, a fresh Backstage app wired as the README says), the
#              production build of the app and the Playwright e2e suite.
# Both work with only Node.js 20 and npm on the machine (see with-node.sh).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ -z "${WITH_NODE:-}" ]; then
  export WITH_NODE=1
  exec bash scripts/with-node.sh bash "$0" "$@"
fi

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

install() {
  step "Installing dependencies (yarn install)"
  if [ -n "${CI:-}" ]; then
    yarn install --immutable
  else
    yarn install
  fi
}

start() {
  install
  step "Starting the portal: http://localhost:3000 (backend http://localhost:7007)"
  exec yarn dev
}

# PostgreSQL store tests run when a server answers (CI machines have one on
# 127.0.0.1:5432); the connection string can be set from outside.
postgres_env() {
  if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
      export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="postgresql://postgres@127.0.0.1:5432"
    fi
  fi
  if [ -n "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
    echo "Store tests run on SQLite and PostgreSQL (${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING})"
  else
    echo "No PostgreSQL on 127.0.0.1:5432: store tests run on SQLite only"
  fi
}

chromium_path() {
  for c in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    if [ -n "$c" ] && [ -x "$c" ]; then echo "$c"; return 0; fi
  done
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the e2e suite ..." >&2
    (apt-get install -y chromium >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y chromium >/dev/null 2>&1; }) || true
    if [ -x /usr/bin/chromium ]; then echo /usr/bin/chromium; return 0; fi
  fi
  echo "e2e needs Chromium: install it (e.g. apt-get install chromium) or set CHROMIUM_PATH" >&2
  return 1
}

test_all() {
  install
  step "Type check (yarn tsc)"
  yarn tsc
  step "Lint and formatting (yarn lint:all, yarn prettier:check)"
  yarn lint:all
  yarn prettier:check
  step "Unit, component and store tests (yarn test:unit)"
  postgres_env
  mkdir -p .cache
  yarn test:unit --watchAll=false --verbose --json --outputFile=.cache/jest-results.json
  step "API reports unchanged (yarn test:api-reports; yarn build:api-reports updates them)"
  yarn test:api-reports
  step "Benchmark smoke runs"
  yarn bench:engine --smoke
  yarn bench:backend --smoke
  yarn bench:peers --smoke
  step "Packages: yarn pack, the CLI through npx on Node 20, a fresh Backstage app (yarn test:packages)"
  yarn test:packages
  step "Production build of the app"
  yarn workspace app build
  step "End-to-end tests in Chromium (yarn test:e2e)"
  CHROMIUM_PATH="$(chromium_path)"
  export CHROMIUM_PATH
  yarn test:e2e
  summary
}

# One closing line over both runners, in the plain "N passed, N failed" form.
summary() {
  node -e '
    const fs = require("fs");
    const jest = JSON.parse(fs.readFileSync(".cache/jest-results.json", "utf8"));
    const pw = JSON.parse(fs.readFileSync("e2e-test-report/results.json", "utf8"));
    const pkg = JSON.parse(fs.readFileSync(".cache/package-tests.json", "utf8"));
    const passed = jest.numPassedTests + (pw.stats.expected || 0) + (pw.stats.flaky || 0) + pkg.passed;
    const failed = jest.numFailedTests + (pw.stats.unexpected || 0) + pkg.failed;
    const skipped = jest.numPendingTests + (pw.stats.skipped || 0);
    console.log(`\nunit: ${jest.numPassedTests} passed, ${jest.numFailedTests} failed, ${jest.numPendingTests} skipped`);
    console.log(`packages: ${pkg.passed} passed, ${pkg.failed} failed`);
    console.log(`e2e: ${pw.stats.expected} passed, ${pw.stats.unexpected} failed, ${pw.stats.skipped} skipped`);
    console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  '
}

case "${1:-}" in
  start) start ;;
  test) test_all ;;
  *) echo "usage: scripts/portal.sh start|test" >&2; exit 1 ;;
esac
