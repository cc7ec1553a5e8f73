#!/usr/bin/env bash
# Set up clerk_desk on Debian/Ubuntu and run it or its checks.
#
#   ./scripts/setup.sh run  [ARGS...]   set up, then start `clerk-desk --demo ARGS...`
#   ./scripts/setup.sh test [ARGS...]   set up, then ruff, ruff format --check, mypy, pytest ARGS...
#
# Setup = system packages (apt, only what is missing) + .venv with `pip install -e '.[dev]'`
# (skipped while pyproject.toml is unchanged). Safe and fast to run again.
# Environment: PYTHON (default python3, must be >= 3.11).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
STAMP="$VENV/.clerk-desk-installed"
PYTHON="${PYTHON:-python3}"

# Qt runtime (offscreen and X11/Xvfb), CJK fonts, printing to PDF checks, SANE scanning.
# fontconfig gives fc-list (font check), xauth guards the virtual X server, binutils gives
# objdump (PyInstaller needs it for the packaging test); gcc, python3-dev and libsane-dev
# build python-sane, which PyPI ships as source only. postgresql gives the server binaries
# (/usr/lib/postgresql/<version>/bin) the platform's tests start their own throwaway server
# with (tests/postgres_server.py); the cluster the package may create is never used.
# libreoffice-calc-nogui gives soffice, which the tests convert the 日报 workbook to PDF with
# (headless) to prove it opens and prints in LibreOffice (tests/test_report_workbook.py).
# speech-dispatcher with its espeak-ng module (named: it is only a recommendation) and
# espeak-ng, whose data has the Mandarin voice: Qt's "speechd" engine reads the guided
# intake aloud (ui/speech.py); the tests use Qt's mock engine and never start the daemon.
APT_PACKAGES=(
    fonts-noto-cjk fonts-wqy-microhei fontconfig
    libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libpulse0
    xvfb xauth poppler-utils sane-utils libsane1 libsane-dev gcc python3-dev binutils
    postgresql libreoffice-calc-nogui
    speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
)

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
}

is_installed() {
    # Ubuntu 24.04 renamed some libraries with a t64 suffix; either name counts.
    local pkg
    for pkg in "$1" "$1t64"; do
        if [[ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null)" == installed ]]; then
            return 0
        fi
    done
    return 1
}

check_python() {
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found; install Python 3.11 or newer"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
        || die "clerk_desk needs Python >= 3.11; $PYTHON is $("$PYTHON" -V 2>&1)"
}

venv_package() {
    # Debian/Ubuntu ship venv's ensurepip separately (python3-venv / python3.X-venv).
    if "$PYTHON" -c 'import ensurepip, venv' 2>/dev/null; then
        return
    fi
    local version
    version="$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
    echo "python${version}-venv"
}

install_system_packages() {
    local missing=() pkg
    command -v dpkg-query >/dev/null || {
        say "not a Debian/Ubuntu system: install the equivalents of ${APT_PACKAGES[*]} yourself"
        return
    }
    for pkg in "${APT_PACKAGES[@]}"; do
        is_installed "$pkg" || missing+=("$pkg")
    done
    pkg="$(venv_package)"
    [[ -z "$pkg" ]] || missing+=("$pkg")
    if ((${#missing[@]} == 0)); then
        return
    fi
    if ((EUID != 0)); then
        echo "These system packages are missing. Install them, then run this script again:" >&2
        echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    say "installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
}

setup_venv() {
    if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c 'import sys' 2>/dev/null; then
        say "creating $VENV"
        rm -rf "$VENV"
        "$PYTHON" -m venv "$VENV" || die "python -m venv failed; is the venv module installed?"
    fi
    local wanted
    wanted="$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1) $("$VENV/bin/python" -V 2>&1)"
    if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$wanted" ]]; then
        return
    fi
    say "installing clerk-desk and its development tools into .venv"
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q --upgrade pip
    "$VENV/bin/python" -m pip install --disable-pip-version-check -q -e "$ROOT[dev]"
    echo "$wanted" >"$STAMP"
}

run_app() {
    local app=("$VENV/bin/clerk-desk" --demo "$@")
    if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
        exec "${app[@]}"
    fi
    say "no display (DISPLAY/WAYLAND_DISPLAY unset): starting on a virtual X server (Xvfb)."
    say "The window is invisible there; to see it, run this on a desktop session or via ssh -X."
    say "Stop it with Ctrl+C."
    run_on_virtual_display "${app[@]}"
}

run_on_virtual_display() {
    # Not xvfb-run: Ctrl+C goes to the whole foreground process group, and Xvfb dies of SIGINT
    # (it cannot be ignored) before the desk has closed, which then ends in an X11 error.
    # Here Xvfb runs in a session of its own, the desk alone gets Ctrl+C and closes as when its
    # window is closed, and Xvfb is stopped afterwards.
    local tmp cookie display status=0 _
    tmp="$(mktemp -d)"
    cookie="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
    export XAUTHORITY="$tmp/Xauthority"
    : >"$XAUTHORITY"
    # The server loads every cookie in its file, whatever display the entry names.
    xauth -q -f "$XAUTHORITY" add :0 . "$cookie"
    setsid Xvfb -displayfd 3 -auth "$XAUTHORITY" -nolisten tcp -screen 0 1366x768x24 \
        3>"$tmp/display" 2>"$tmp/xvfb.log" &
    XVFB_PID=$!
    XVFB_TMP="$tmp"
    trap 'kill "$XVFB_PID" 2>/dev/null; wait "$XVFB_PID" 2>/dev/null; rm -rf "$XVFB_TMP"' EXIT
    for _ in $(seq 100); do
        [[ -s "$tmp/display" ]] && break
        kill -0 "$XVFB_PID" 2>/dev/null || die "Xvfb did not start: $(tail -n 1 "$tmp/xvfb.log")"
        sleep 0.1
    done
    [[ -s "$tmp/display" ]] || die "Xvfb did not start within 10 s"
    display=":$(tr -d '[:space:]' <"$tmp/display")"
    xauth -q -f "$XAUTHORITY" add "$display" . "$cookie"
    DISPLAY="$display" "$@" || status=$?
    exit "$status"
}

run_checks() {
    cd "$ROOT"
    export QT_QPA_PLATFORM=offscreen
    local failed=() started=$SECONDS
    say "ruff check";          "$VENV/bin/ruff" check . || failed+=("ruff check")
    say "ruff format --check"; "$VENV/bin/ruff" format --check . || failed+=("ruff format")
    say "mypy";                "$VENV/bin/mypy" || failed+=(mypy)
    say "pytest";              "$VENV/bin/pytest" "$@" || failed+=(pytest)
    if ((${#failed[@]})); then
        die "failed: ${failed[*]} ($((SECONDS - started)) s)"
    fi
    say "all checks passed ($((SECONDS - started)) s)"
}

main() {
    (($# >= 1)) || usage
    local action="$1"
    shift
    case "$action" in
        run | test) ;;
        *) usage ;;
    esac
    check_python
    install_system_packages
    setup_venv
    if [[ "$action" == run ]]; then
        run_app "$@"
    else
        run_checks "$@"
    fi
}

main "$@"
