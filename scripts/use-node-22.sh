# Puts a Node.js of at least 22.12 first on PATH for the shell that sources this file.
#
# Rolecall needs Node >= 22.12 (Electron's tooling and the AWS SDK do). Where the machine's own Node is older, this
# installs the npm registry's `node` package (which ships Node's binary inside it) into a cache folder once and puts
# its bin folder first on PATH, so `npm install && npm test` then run on Node 22 with no engine warnings.
#
#   source scripts/use-node-22.sh
#
# ROLECALL_NODE_CACHE chooses the folder (default: ${XDG_CACHE_HOME:-~/.cache}/rolecall/node-22).

rolecall_node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)'
}

if rolecall_node_ok; then
  echo "Using Node $(node --version) from $(command -v node)"
else
  rolecall_node_dir="${ROLECALL_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/rolecall/node-22}"
  if [ ! -x "$rolecall_node_dir/node_modules/.bin/node" ]; then
    echo "Node $(node --version 2>/dev/null || echo '(none)') is older than 22.12: installing Node 22 from the npm registry's node package into $rolecall_node_dir"
    mkdir -p "$rolecall_node_dir"
    npm install --prefix "$rolecall_node_dir" --no-save --no-audit --no-fund --loglevel=error node@22 >/dev/null
  fi
  export PATH="$rolecall_node_dir/node_modules/.bin:$PATH"
  hash -r 2>/dev/null || true
  if rolecall_node_ok; then
    echo "Using Node $(node --version) from $(command -v node)"
  else
    echo "Could not put Node >= 22.12 on PATH (looked in $rolecall_node_dir). Install Node 22 from https://nodejs.org and try again." >&2
    return 1 2>/dev/null || exit 1
  fi
fi
unset -f rolecall_node_ok
