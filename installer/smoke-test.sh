#!/usr/bin/env bash
# Smoke test of the packaged program: builds the Linux app-image, then starts its launcher (the same
# binary the .deb installs) under Xvfb and checks that
#   1. --version answers without a window and names the ND4J backend;
#   2. `stability-lab FILE.stlab` opens that preset, trains it for a few steps, writes a screenshot PNG
#      and a run record (run.json names the preset, status DONE), and exits 0;
#   3. a broken preset file still opens the window (screenshot written, exit 0) instead of crashing.
# Output: target/installer/smoke/*.png to look at.  Usage: bash installer/smoke-test.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
t0=$(date +%s)

if ! command -v xvfb-run >/dev/null 2>&1 || ! ldconfig -p 2>/dev/null | grep -q libgtk-3.so.0; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth libgtk-3-0
  else
    echo "smoke-test: needs xvfb and libgtk-3-0 (sudo apt-get install xvfb libgtk-3-0)" >&2
    exit 1
  fi
fi

if [ "${1:-}" != "--no-build" ]; then
  JDEPS_CHECK=${JDEPS_CHECK:-0} bash installer/build-linux.sh --image-only
fi
launcher=$root/target/installer/stability-lab/bin/stability-lab
[ -x "$launcher" ] || { echo "smoke-test: no launcher at $launcher (build first)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shots=$root/target/installer/smoke
rm -rf "$shots"
mkdir -p "$shots"
export XDG_DATA_HOME=$work/data   # run records and recent files go here, not into the user's home
fail() { echo "smoke-test: FAIL: $*" >&2; exit 1; }
is_png() { [ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; }
gui() { timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" "$launcher" "$@" >"$work/out.txt" 2>&1; }
# One retry, kept as a guard: until session 6 the launcher hung at start-up in a few percent of
# launches (2 in 43 under Xvfb): JavaCPP's OpenBLAS thread functions nest dlsym inside
# dl_iterate_phdr, which deadlocked against JavaFX's renderer loading libdecora_sse. Fixed in the
# app (the engine's natives load before JavaFX starts; 0 hangs in 120 launches since). A retry is
# announced on stderr; a second hang, or any other failure, fails the test (124 = timed out).
gui_once_more() {
  local rc=0
  gui "$@" || rc=$?
  [ "$rc" = 0 ] && return 0
  echo "smoke-test: launcher exited $rc; trying once more" >&2
  cat "$work/out.txt" >&2
  pkill -f "$work/" 2>/dev/null || true           # a hung launcher outlives the timeout of xvfb-run
  rm -rf "$XDG_DATA_HOME/stability-lab/runs"      # so the checks below read the retry's run record
  gui "$@"
}

# 1. --version
version=$("$launcher" --version) || fail "--version exited $?"
echo "$version"
grep -q '^ND4J backend: nd4j-' <<<"$version" || fail "--version names no ND4J backend"

# 2. a preset file with the desktop's extension, given the way the file manager passes it
cp presets/pre-ln-6.json "$work/teaching.stlab"
rc=0; gui_once_more "$work/teaching.stlab" --screenshot "$shots/preset.png" --steps 20 || rc=$?
[ "$rc" = 0 ] || { cat "$work/out.txt"; fail "launcher exited $rc"; }
is_png "$shots/preset.png" || fail "no screenshot written"
record=$(ls "$XDG_DATA_HOME"/stability-lab/runs/*/run.json 2>/dev/null | head -1)
[ -n "$record" ] || fail "no run record under $XDG_DATA_HOME/stability-lab/runs"
grep -q '"name": "pre-ln-6"' "$record" || fail "run.json is not for the preset given ($record)"
grep -q '"status": "DONE"' "$record" || fail "run did not finish: $(grep '"status"' "$record")"
echo "ok: preset file opened, 20 steps trained, $(basename "$(dirname "$record")")/run.json written"

# 3. a broken file: the window still opens, on the default preset
echo '{ "model": { "encoderLayers": ' >"$work/broken.stlab"
rc=0; gui_once_more "$work/broken.stlab" --screenshot "$shots/broken-file.png" --steps 0 || rc=$?
[ "$rc" = 0 ] || { cat "$work/out.txt"; fail "broken file: exited $rc"; }
is_png "$shots/broken-file.png" || fail "broken file: no window/screenshot"
echo "ok: broken preset file still opens the window"

echo "smoke-test: passed in $(($(date +%s) - t0)) s; screenshots in $shots"
