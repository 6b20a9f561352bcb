#!/usr/bin/env bash
# The single test command: bash scripts/test.sh
#
# 1. Installs what the tests need from Debian when it is missing (as root; otherwise says what to install):
#    chromium (browser tests), postgresql (integration tests start their own throwaway server),
#    fonts-noto-cjk (Japanese text in screenshots and PDFs), libmecab2 + mecab-ipadic-utf8 + mecab-utils
#    (Japanese morphological analysis and compiling the consumer-affairs user dictionary).
# 2. Builds Yorisoi.slnx once in Release.
# 3. Runs each test project with a TRX logger into artifacts/test-results, going on after a failing project.
# 4. Sums the TRX counters, lists failed tests, and prints as its very last line:
#        Tests: N passed, M failed
#    It exits non-zero when M > 0, N == 0, or any dotnet step failed.
#
# Environment knobs: TEST_HANG_TIMEOUT (per-test hang limit for `dotnet test --blame-hang-timeout`, default 20m;
# "off" disables it), YORISOI_PG_BIN (PostgreSQL bin directory, see PostgresServer.cs).

set -uo pipefail

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export PLAYWRIGHT_CHROMIUM_EXECUTABLE=/usr/bin/chromium
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# No build servers: a lingering MSBuild node or compiler server would outlive this script (and hold its output pipe).
export MSBUILDDISABLENODEREUSE=1
export DOTNET_CLI_USE_MSBUILD_SERVER=0
export UseSharedCompilation=false

RESULTS_DIR="artifacts/test-results"
PROJECTS=(tests/Yorisoi.Tests.Unit tests/Yorisoi.Tests.Integration tests/Yorisoi.Tests.Browser)

total_passed=0
total_failed=0
failed_steps=()
failed_tests=()

finish() {
    local status=0
    if ((${#failed_tests[@]} > 0)); then
        echo
        echo "Failed tests:"
        printf '  %s\n' "${failed_tests[@]}"
    fi
    if ((${#failed_steps[@]} > 0)); then
        echo
        echo "Failed steps:"
        printf '  %s\n' "${failed_steps[@]}"
        status=1
    fi
    if ((total_failed > 0)); then
        status=1
    fi
    if ((total_passed == 0)); then
        if ((${#failed_steps[@]} == 0)); then
            echo
            echo "No test passed: none ran."
        fi
        status=1
    fi
    echo "Tests: ${total_passed} passed, ${total_failed} failed"
    exit "$status"
}

# ---------------------------------------------------------------- prerequisites

have_chromium() { [[ -x /usr/bin/chromium ]]; }

have_postgres() {
    if [[ -n "${YORISOI_PG_BIN:-}" && -x "${YORISOI_PG_BIN}/initdb" ]]; then
        return 0
    fi
    compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null
}

have_deb() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

have_cjk_fonts() {
    if command -v dpkg-query >/dev/null 2>&1; then
        dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed'
    else
        compgen -G '/usr/share/fonts/opentype/noto/NotoSansCJK*' >/dev/null
    fi
}

ensure_prerequisites() {
    local missing=()
    have_chromium || missing+=(chromium)
    have_postgres || missing+=(postgresql)
    have_cjk_fonts || missing+=(fonts-noto-cjk)
    local pkg
    for pkg in libmecab2 mecab-ipadic-utf8 mecab-utils; do
        have_deb "$pkg" || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi

    if [[ "$(id -u)" != "0" ]]; then
        echo "Missing system packages: ${missing[*]}" >&2
        echo "Install them as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
        failed_steps+=("prerequisites: missing ${missing[*]}")
        finish
    fi

    echo "==> Installing missing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get update </dev/null; then
        failed_steps+=("apt-get update")
        finish
    fi
    if ! apt-get install -y "${missing[@]}" </dev/null; then
        failed_steps+=("apt-get install ${missing[*]}")
        finish
    fi
}

# ---------------------------------------------------------------- TRX parsing

# trx_counter FILE NAME -> value of attribute NAME on the <Counters .../> element (0 when absent).
trx_counter() {
    local value
    value=$(tr '\r\n' '  ' <"$1" | grep -o '<Counters [^>]*>' | head -n 1 |
        sed -n "s/.*[[:space:]]$2=\"\\([0-9]*\\)\".*/\\1/p")
    echo "${value:-0}"
}

# trx_failed_names FILE -> one testName per line for each result whose outcome is not a pass/skip.
trx_failed_names() {
    tr '\r\n' '  ' <"$1" | grep -o '<UnitTestResult [^>]*>' |
        grep -E 'outcome="(Failed|Error|Timeout|Aborted)"' |
        sed -n 's/.*[[:space:]]testName="\([^"]*\)".*/\1/p' |
        sed -e 's/&quot;/"/g' -e "s/&apos;/'/g" -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&amp;/\&/g'
}

# add_trx FILE LABEL: adds the file's counters to the totals and collects failed test names.
add_trx() {
    local file=$1 label=$2 passed failed name
    passed=$(trx_counter "$file" passed)
    failed=0
    for name in failed error timeout aborted; do
        failed=$((failed + $(trx_counter "$file" "$name")))
    done
    total_passed=$((total_passed + passed))
    total_failed=$((total_failed + failed))
    echo "    ${label}: ${passed} passed, ${failed} failed (total $(trx_counter "$file" total))"
    while IFS= read -r name; do
        [[ -n "$name" ]] && failed_tests+=("${label}: ${name}")
    done < <(trx_failed_names "$file")
}

# ---------------------------------------------------------------- main

main() {
    cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

    ensure_prerequisites

    rm -rf "$RESULTS_DIR"
    mkdir -p "$RESULTS_DIR"

    echo "==> dotnet build Yorisoi.slnx -c Release"
    if ! dotnet build Yorisoi.slnx -c Release </dev/null; then
        failed_steps+=("dotnet build Yorisoi.slnx -c Release")
        finish
    fi

    local hang=()
    if [[ "${TEST_HANG_TIMEOUT:-20m}" != "off" ]]; then
        hang=(--blame-hang-timeout "${TEST_HANG_TIMEOUT:-20m}" --blame-hang-dump-type none)
    fi

    local project name rc before
    local -A exit_codes=()
    for project in "${PROJECTS[@]}"; do
        name=$(basename "$project")
        echo "==> dotnet test ${project}"
        if [[ ! -d "$project" ]]; then
            failed_steps+=("dotnet test ${project}: project not found")
            continue
        fi
        dotnet test "$project" --no-build -c Release \
            --logger "trx;LogFileName=${name}.trx" --results-directory "$RESULTS_DIR" \
            "${hang[@]}" </dev/null
        exit_codes[$name]=$?
    done

    echo
    echo "==> Results (${RESULTS_DIR})"
    for project in "${PROJECTS[@]}"; do
        name=$(basename "$project")
        [[ -n "${exit_codes[$name]:-}" ]] || continue
        rc=${exit_codes[$name]}
        if [[ ! -f "${RESULTS_DIR}/${name}.trx" ]]; then
            echo "    ${name}: no TRX file (dotnet test exit code ${rc})"
            failed_steps+=("dotnet test ${project}: exit code ${rc}, no TRX file written")
            continue
        fi
        before=$total_failed
        add_trx "${RESULTS_DIR}/${name}.trx" "$name"
        # A non-zero exit that no failed test explains (crash, hang, abort) is a failed step of its own.
        if ((rc != 0 && total_failed == before)); then
            failed_steps+=("dotnet test ${project}: exit code ${rc}")
        fi
    done

    finish
}

# Sourcing with TEST_SH_LIB_ONLY=1 loads the functions without running anything (used to test the TRX parsing).
if [[ "${TEST_SH_LIB_ONLY:-}" != "1" ]]; then
    main "$@"
fi
