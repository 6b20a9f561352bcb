#!/usr/bin/env bash
# Runs Yorisoi from the repository with the embedded SQLite database (see README, "Run it"):
#   bash scripts/run.sh [host arguments, e.g. --urls http://0.0.0.0:5000]
#
# The host analyses Japanese text with MeCab and the IPADIC dictionary from Debian (libmecab2, mecab-ipadic-utf8;
# mecab-utils compiles the consumer-affairs user dictionary). When they are missing this installs them as root,
# and otherwise says exactly what to install, before it starts the host with `dotnet run`.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

if ! command -v dotnet >/dev/null 2>&1; then
    echo "The .NET 10 SDK is not installed (https://dotnet.microsoft.com/download)." >&2
    exit 1
fi

have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
    for pkg in libmecab2 mecab-ipadic-utf8 mecab-utils; do
        have_deb "$pkg" || missing+=("$pkg")
    done
elif ! compgen -G '/usr/lib/*/libmecab.so*' >/dev/null && ! compgen -G '/usr/local/lib/libmecab.*' >/dev/null; then
    echo "MeCab and its UTF-8 IPADIC dictionary are needed (Debian: libmecab2 mecab-ipadic-utf8 mecab-utils; Homebrew: mecab mecab-ipadic)." >&2
    exit 1
fi

if ((${#missing[@]} > 0)); then
    if [[ "$(id -u)" != "0" ]]; then
        echo "Missing system packages: ${missing[*]}" >&2
        echo "Install them as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
        exit 1
    fi

    echo "==> Installing missing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update </dev/null
    apt-get install -y "${missing[@]}" </dev/null
fi

if (($# > 0)); then
    exec dotnet run --project src/Yorisoi.Web -- "$@"
fi
exec dotnet run --project src/Yorisoi.Web
