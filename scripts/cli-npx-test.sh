#!/usr/bin/env bash
# The packed CLI on a machine that has only Node 20 and npm: runs
#   npx <cli package> check k8s/ --target-kubernetes 1.34
# from the tarballs of scripts/pack-packages.sh, with the system Node (not the
# Node 22 of with-node.sh) and nothing from this workspace on PATH.
#
#   bash scripts/cli-npx-test.sh TARBALL_DIR
#
# The CLI depends on the common package, which is not on the registry yet, so
# npx gets both tarballs (docs/decisions/0032-cli-depends-on-the-published-common-package.md);
# every other dependency comes from the npm registry, as it would for a user.
set -euo pipefail

tarballs="$(cd "${1:?usage: scripts/cli-npx-test.sh TARBALL_DIR}" && pwd)"
system_bin="${SYSTEM_NODE_DIR:-/usr/bin}"

fail() {
  echo "cli-npx-test: $*" >&2
  exit 1
}

[ -x "$system_bin/node" ] && [ -x "$system_bin/npx" ] ||
  fail "no node/npx in $system_bin (set SYSTEM_NODE_DIR)"
major="$("$system_bin/node" -p 'process.versions.node.split(".")[0]')"
[ "$major" = 20 ] || fail "$system_bin/node is Node $major; this test needs Node 20 (set SYSTEM_NODE_DIR)"

work="$(mktemp -d "${TMPDIR:-/tmp}/runtime-mode-npx-XXXXXX")"
trap 'rm -rf "$work"' EXIT
# A copy under a fresh path: npx keys its install cache on the spec's path.
cp "$tarballs/common.tgz" "$tarballs/cli.tgz" "$work/"
mkdir -p "$work/repo/k8s"
cat >"$work/repo/k8s/legacy.yaml" <<'YAML'
apiVersion: policy/v1beta1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
YAML
cat >"$work/repo/k8s/web.yaml" <<'YAML'
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: example/web:1.0.0
YAML

# Only the system Node and the basic tools: no .tooling/, no node_modules/.bin.
run_npx() {
  (cd "$work/repo" && env -i HOME="$HOME" PATH="$system_bin:/bin" \
    npx --yes --package "$work/common.tgz" --package "$work/cli.tgz" \
    runtime-mode "$@")
}

echo "Node $("$system_bin/node" -v), npx $("$system_bin/npx" -v)"
set +e
run_npx check k8s/ --target-kubernetes 1.34 >"$work/table.txt" 2>"$work/stderr.txt"
code=$?
set -e
cat "$work/table.txt"
[ "$code" = 3 ] || fail "expected exit 3 (removed API), got $code: $(cat "$work/stderr.txt")"
grep -q 'k8s/legacy.yaml:1 PodDisruptionBudget "web" uses policy/v1beta1' "$work/table.txt" ||
  fail "the table does not name the removed PodDisruptionBudget at k8s/legacy.yaml:1"

run_npx check k8s/ --target-kubernetes 1.34 --format sarif --fail-on never >"$work/out.sarif"
"$system_bin/node" -e '
  const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const result = log.runs[0].results.find(r => r.ruleId === "api-removed");
  const location = result && result.locations[0].physicalLocation;
  if (log.version !== "2.1.0" || !location || location.artifactLocation.uri !== "k8s/legacy.yaml" || location.region.startLine !== 1) {
    console.error("unexpected SARIF:", JSON.stringify(result));
    process.exit(1);
  }
' "$work/out.sarif" || fail "SARIF from the packed CLI lacks the api-removed result at k8s/legacy.yaml:1"

set +e
run_npx check k8s/ --target-kubernetes latest >/dev/null 2>"$work/bad.txt"
code=$?
set -e
[ "$code" = 1 ] && [ "$(wc -l <"$work/bad.txt")" = 1 ] ||
  fail "a bad version should give one line and exit 1, got $code: $(cat "$work/bad.txt")"

echo "cli-npx-test: the packed CLI runs with npx on Node $major (table, SARIF, usage error)"
