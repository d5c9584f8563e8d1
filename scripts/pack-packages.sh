#!/usr/bin/env bash
# Builds the five publishable packages and packs them with `yarn pack`, the
# way `npm publish` would ship them (the prepack step of the Backstage CLI
# points the entry points at dist/ and compiles config.d.ts to JSON).
#
#   bash scripts/with-node.sh bash scripts/pack-packages.sh OUT_DIR
#
# Writes OUT_DIR/<name>.tgz for common, backend, backend-module-tech-insights, frontend and cli (names
# without scope or version, so other scripts can find them).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

out="${1:?usage: scripts/pack-packages.sh OUT_DIR}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

# Type declarations (dist-types/) feed the bundled .d.ts of each package.
yarn tsc
yarn backstage-cli repo build

pack() {
  local workspace="$1" file="$2"
  yarn workspace "$workspace" pack --out "$out/$file.tgz" >/dev/null
  echo "packed $workspace -> $out/$file.tgz ($(du -k "$out/$file.tgz" | cut -f1) KiB)"
}

pack @runtime-mode/backstage-plugin-runtime-mode-common common
pack @runtime-mode/backstage-plugin-runtime-mode-backend backend
pack @runtime-mode/backstage-plugin-runtime-mode-backend-module-tech-insights backend-module-tech-insights
pack @runtime-mode/backstage-plugin-runtime-mode frontend
pack @runtime-mode/cli cli
