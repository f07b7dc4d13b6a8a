#!/usr/bin/env bash
# Installs what the real-VS-Code tests need (test/e2e/README.md) on a Debian machine with Node 20:
# Debian's chromium and ripgrep, the headers code-server's native modules build against, and
# this folder's npm packages. Run it again at no cost: it does only what is missing.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v rg >/dev/null || missing+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)        # kerberos (code-server) builds against gssapi
command -v make >/dev/null && command -v g++ >/dev/null || missing+=(build-essential)
command -v python3 >/dev/null || missing+=(python3)                     # node-gyp
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)    # npm run test:docx
dpkg -s libreoffice-draw-nogui >/dev/null 2>&1 || dpkg -s libreoffice-draw >/dev/null 2>&1 || missing+=(libreoffice-draw-nogui)   # its PNG of page 1
if ((${#missing[@]})); then
  sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

# npm ci only when node_modules does not match package-lock.json.
stamp=node_modules/.installed-lock.sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -x node_modules/.bin/code-server ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  echo "test/e2e: already installed"; exit 0
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache (under the same TMPDIR
# as npm's) already holds the archive it wants: put Debian's rg there under that name.
rg_cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
rg_tar="$rg_cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
if [ ! -s "$rg_tar" ]; then
  mkdir -p "$rg_cache"; t=$(mktemp -d); cp "$(command -v rg)" "$t/rg"
  tar czf "$rg_tar" -C "$t" rg; rm -rf "$t"
fi

# @vscode/test-web depends on playwright and @playwright/browser-chromium, whose install scripts would
# download browsers: the tests drive Debian's chromium instead.
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
echo "$want" > "$stamp"
