#!/usr/bin/env bash
# The packages as an adopter gets them: packs the five packages, runs the
# packed CLI through npx on the system Node 20, and runs the consumer test (a
# fresh Backstage app wired as README.md's "Adopt it" section says).
#
#   yarn test:packages     (run by npm test; Node 22/24 on PATH, see with-node.sh)
#
# Prints the time of each part, and writes .cache/package-tests.json for the
# closing summary of scripts/portal.sh.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

tarballs="$(mktemp -d "${TMPDIR:-/tmp}/runtime-mode-tarballs-XXXXXX")"
trap 'rm -rf "$tarballs"' EXIT
mkdir -p .cache
passed=0
failed=0
timings=()

part() {
  local title="$1"
  shift
  local start=$SECONDS
  printf '\n\033[1m--> %s\033[0m\n' "$title"
  if "$@"; then
    passed=$((passed + 1))
    timings+=("$((SECONDS - start)) s  $title: passed")
  else
    failed=$((failed + 1))
    timings+=("$((SECONDS - start)) s  $title: FAILED")
  fi
}

part "Pack the five packages (yarn pack)" bash scripts/pack-packages.sh "$tarballs"
if [ "$failed" = 0 ]; then
  part "The packed CLI through npx on the system Node 20" bash scripts/cli-npx-test.sh "$tarballs"
  part "Consumer test: a fresh Backstage app wired as the README says" node scripts/consumer-test.mjs "$tarballs"
fi

printf '\n'
printf '%s\n' "${timings[@]}"
printf '{ "passed": %d, "failed": %d }\n' "$passed" "$failed" >.cache/package-tests.json
echo "packages: $passed passed, $failed failed"
[ "$failed" = 0 ]
