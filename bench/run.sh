#!/usr/bin/env bash
# Engine vs PyTorch twin, side by side on this CPU (issue 5). One command from the repo root:
#
#   bash bench/run.sh            # full: 24 configs x threads 1,2 (+ probes, RSS, amplify); ~1 h+ on 2 cores
#   bash bench/run.sh --quick    # subset, fewer steps; about 10 minutes on an idle 2-core machine
#
# Options: --threads 1,2 (thread counts to measure)  --out DIR (default bench/out/TIMESTAMP)
#          --no-build (use the existing jar)  --no-extras (skip probes / RSS / amplify)
#          --only-extras (skip the speed table)
#          --rounds R: measure engine and twin R times each, alternating, and keep the median of the
#            per-round medians (default 2 quick, 3 full; a shared or noisy machine needs more)
#          --rss-steps N: steps of the RSS run (default 300 quick, 10000 full)
#          --only REGEX: speed-table configs (arch:layers:d:heads:ffn:seq:norm) matching REGEX only
#          --engine-blas bundled|system|FILE: the OpenBLAS behind the engine's own products (sets
#            STABILITY_LAB_BLAS for the engine runs; default bundled, i.e. nd4j-native's 0.3.19; system
#            is the machine's libopenblas.so.0, here the same file the PyTorch twin links)
#          --max-load X [--max-wait S]: before each measurement wait (at most S s, default 120) until the
#            1-minute load average is below X (the machine may be shared; the load is logged per row)
# Needs: Java 17, Maven, root or sudo for apt (python3-torch, libopenblas0-openmp, time) when missing.
# Writes DIR/speed.csv, DIR/extras.txt, DIR/machine.txt, DIR/report.md and prints the report.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

ONLY=""; QUICK=0; THREADS="1,2"; OUT=""; BUILD=1; EXTRAS=1; SPEED=1; MAXLOAD=""; MAXWAIT=120; ROUNDS=""; RSS_STEPS=
ENGINE_BLAS=bundled
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK=1 ;;
    --threads) THREADS="$2"; shift ;;
    --out) OUT="$2"; shift ;;
    --no-build) BUILD=0 ;;
    --no-extras) EXTRAS=0 ;;
    --only-extras) SPEED=0 ;;
    --max-load) MAXLOAD="$2"; shift ;;
    --max-wait) MAXWAIT="$2"; shift ;;
    --rounds) ROUNDS="$2"; shift ;;
    --rss-steps) RSS_STEPS="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --engine-blas) ENGINE_BLAS="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | grep '^#'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
OUT=${OUT:-bench/out/$(date +%Y%m%d-%H%M%S)}
export STABILITY_LAB_BLAS=$ENGINE_BLAS
mkdir -p "$OUT"
PY=/usr/bin/python3
JAR=engine/target/stability-lab-engine.jar
log() { echo "[bench $(date +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)] $*" >&2; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
quiet() { # wait until load1 < MAXLOAD (at most MAXWAIT s)
  [ -z "$MAXLOAD" ] && return 0
  local waited=0
  while awk -v l="$(cut -d' ' -f1 /proc/loadavg)" -v m="$MAXLOAD" 'BEGIN {exit !(l >= m)}' && [ $waited -lt "$MAXWAIT" ]; do
    sleep 5; waited=$((waited + 5))
  done
  [ $waited -gt 0 ] && log "waited ${waited} s for load < $MAXLOAD"
  return 0
}

# ---------------------------------------------------------------- dependencies
need=()
$PY -c 'import torch' 2>/dev/null || need+=(python3-torch)
dpkg -s libopenblas0-openmp >/dev/null 2>&1 || need+=(libopenblas0-openmp)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  log "installing ${need[*]} (apt)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q "${need[@]}" >/dev/null
fi

# ---------------------------------------------------------------- build
if [ $BUILD -eq 1 ] || [ ! -f "$JAR" ]; then
  log "building the engine jar"
  mvn -q -o package -DskipTests 2>/dev/null || mvn -q package -DskipTests
fi

# ---------------------------------------------------------------- machine
MHZ=$(awk -F: '/^cpu MHz/ {printf "%d", $2; exit}' /proc/cpuinfo)
CORES=$(nproc)
# FP32 FLOP/cycle/core: two 256-bit FMA pipes = 2 x 8 lanes x 2 (mul+add) = 32 on Zen 2/3/4
# (Zen 4 runs AVX-512 double-pumped, so still 32) and on AVX2 Intel cores. 16 without FMA.
if grep -qw fma /proc/cpuinfo; then FPC=32; else FPC=16; fi
NOMINAL_CORE=$(awk -v m="$MHZ" -v f="$FPC" 'BEGIN {printf "%.1f", m / 1000 * f}')
MEASURED_CORE=""
if command -v gcc >/dev/null && grep -qw fma /proc/cpuinfo && gcc -O2 -mavx2 -mfma -o "$OUT/peak" bench/peak.c 2>/dev/null; then
  MEASURED_CORE=$("$OUT/peak" 2>/dev/null || true)
fi
# % of peak uses the larger of the two, so a higher real (turbo) clock cannot flatter the figures
PEAK_CORE=$(awk -v a="$NOMINAL_CORE" -v b="${MEASURED_CORE:-0}" 'BEGIN {printf "%.1f", (b > a ? b : a)}')
TORCH_INFO=$($PY -c 'import torch; print(torch.__version__)' 2>/dev/null || echo "?")
BLAS_ALT=$(readlink -f /etc/alternatives/libblas.so.3-x86_64-linux-gnu 2>/dev/null || echo "?")
{
  echo "date: $(date -Is)"
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p') (family $(lscpu | sed -n 's/^CPU family: *//p'), model $(lscpu | sed -n 's/^Model: *//p')), $CORES cores, ${MHZ} MHz, $(lscpu | sed -n 's/^Hypervisor vendor: *//p') guest"
  echo "simd: $(grep -o -w -E 'avx2|fma|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')"
  echo "peak fp32 per core: nominal $FPC FLOP/cycle x ${MHZ} MHz = $NOMINAL_CORE GFLOP/s; measured (bench/peak.c, AVX2 FMA loop) ${MEASURED_CORE:-n/a} GFLOP/s; used: $PEAK_CORE"
  echo "memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  echo "java: $(java -version 2>&1 | sed -n 2p)"
  echo "nd4j: $(ls engine/target/lib 2>/dev/null | grep -E '^(nd4j-native|openblas)-.*linux' | tr '\n' ' ')"
  echo "torch: $TORCH_INFO (Debian python3-torch, BLAS_INFO=generic, i.e. whatever libblas.so.3 is: $BLAS_ALT)"
  echo "load before: $(cat /proc/loadavg)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt" >&2

# ---------------------------------------------------------------- speed table
# config id: arch:layers:d:heads:ffn:seq:norm  (seq = positions the decoder sees: decoder-only
# task.length = seq/2 because source + target form one sequence; encoder-decoder task.length = seq)
configs=()
if [ $QUICK -eq 1 ]; then
  SMALL_STEPS=60; BIG_STEPS=12; ROUNDS=${ROUNDS:-2}
  for arch in decoder-only encoder-decoder; do
    for n in post pre admin; do configs+=("$arch:6:64:4:256:32:$n"); done
    configs+=("$arch:2:64:4:256:32:post" "$arch:12:64:4:256:32:post" "$arch:6:256:8:1024:64:post")
  done
else
  SMALL_STEPS=100; BIG_STEPS=20; ROUNDS=${ROUNDS:-3}
  for arch in decoder-only encoder-decoder; do
    for n in post pre admin; do
      for l in 2 6 12; do configs+=("$arch:$l:64:4:256:32:$n"); done
      configs+=("$arch:6:256:8:1024:64:$n")
    done
  done
fi

engine_sets() { # arch layers d heads ffn seq norm
  local arch=$1 l=$2 d=$3 h=$4 f=$5 seq=$6 norm=$7 len enc init=default nn=$7
  if [ "$arch" = decoder-only ]; then len=$((seq / 2)); enc=0; else len=$seq; enc=$l; fi
  [ "$norm" = admin ] && { nn=post; init=admin; }
  echo "--set model.arch=$arch --set model.encoderLayers=$enc --set model.decoderLayers=$l" \
       "--set model.dModel=$d --set model.heads=$h --set model.ffn=$f --set task.length=$len" \
       "--set train.batch=32 --set model.norm=$nn --set model.init=$init"
}

CSV="$OUT/speed.csv"
if [ $SPEED -eq 1 ]; then
  echo "arch,layers,d,heads,ffn,seq,batch,norm,threads,steps,engine_ms,engine_p10,engine_p90,torch_ms,torch_p10,torch_p90,flops_per_step,peak_gflops,load1,engine_params,torch_params" > "$CSV"
  IFS=, read -r -a TLIST <<< "$THREADS"
  for t in "${TLIST[@]}"; do  # thread count outermost: the 1-thread table is complete first
    for cfg in "${configs[@]}"; do
      IFS=: read -r arch l d h f seq norm <<< "$cfg"
      [ -n "$ONLY" ] && ! [[ "$cfg" =~ $ONLY ]] && continue
      steps=$SMALL_STEPS; [ "$d" -ge 256 ] && steps=$BIG_STEPS
      # 2-layer d64 steps take 25-40 ms: 2.5x the steps, so a round lasts seconds, not ~2 s of
      # which the JVM's JIT still compiles on a core the 2-thread engine needs
      [ "$d" -lt 256 ] && [ "$l" -le 2 ] && steps=$((SMALL_STEPS * 5 / 2))
      if [ "$arch" = decoder-only ]; then len=$((seq / 2)); else len=$seq; fi
      quiet
      load=$(cut -d' ' -f1 /proc/loadavg)
      ems=(); ep10s=(); ep90s=(); tms=(); tp10s=(); tp90s=()
      for round in $(seq 1 "$ROUNDS"); do
        log "$cfg threads $t round $round/$ROUNDS: engine ($steps steps)"
        eout=$(STABILITY_LAB_THREADS=$t OMP_NUM_THREADS=$t java -jar "$JAR" bench --preset post-ln-6 \
               $(engine_sets "$arch" "$l" "$d" "$h" "$f" "$seq" "$norm") --steps "$steps" 2>&1) || { echo "$eout" >&2; exit 1; }
        read -r em ep10 ep90 < <(echo "$eout" | sed -n 's/.*median \([0-9.]*\) *p10 \([0-9.]*\) *p90 \([0-9.]*\).*/\1 \2 \3/p')
        eblas=$(echo "$eout" | sed -n 's/^ *blas *//p')
        if ! grep -q '^engine blas:' "$OUT/machine.txt"; then echo "engine blas: $eblas" >> "$OUT/machine.txt"; fi
        if [ "$ENGINE_BLAS" != bundled ] && [[ "$eblas" == *"(bundled"* ]]; then
          echo "bench: --engine-blas $ENGINE_BLAS was not honoured: $eblas" >&2; exit 1
        fi
        ems+=("$em"); ep10s+=("$ep10"); ep90s+=("$ep90")
        log "$cfg threads $t round $round/$ROUNDS: torch"
        tout=$(OMP_NUM_THREADS=$t $PY bench/torch_twin.py --arch "$arch" --layers "$l" --d-model "$d" --heads "$h" \
               --ffn "$f" --length "$len" --batch 32 --vocab 17 --norm "$norm" --steps "$steps" --threads "$t" \
               --warmup $((steps / 5)) 2>&1) || { echo "$tout" >&2; exit 1; }
        tline=$(echo "$tout" | grep '^TWIN')
        tms+=("$(echo "$tline" | sed -n 's/.*median_ms=\([0-9.]*\).*/\1/p')")
        tp10s+=("$(echo "$tline" | sed -n 's/.*p10_ms=\([0-9.]*\).*/\1/p')")
        tp90s+=("$(echo "$tline" | sed -n 's/.*p90_ms=\([0-9.]*\).*/\1/p')")
        log "  engine $em ms  torch ${tms[-1]} ms"
      done
      em=$(median "${ems[@]}"); ep10=$(median "${ep10s[@]}"); ep90=$(median "${ep90s[@]}")
      tm=$(median "${tms[@]}"); tp10=$(median "${tp10s[@]}"); tp90=$(median "${tp90s[@]}")
      tpar=$(echo "$tline" | sed -n 's/.*params=\([0-9]*\).*/\1/p')
      epar=$(echo "$eout" | sed -n 's/.*parameters *\([0-9,]*\).*/\1/p' | tr -d ,)
      fl=$(echo "$tline" | sed -n 's/.*flops_per_step=\([0-9]*\).*/\1/p')
      peak=$(awk -v p="$PEAK_CORE" -v t="$t" 'BEGIN {printf "%.1f", p * t}')
      echo "$arch,$l,$d,$h,$f,$seq,32,$norm,$t,$steps,$em,$ep10,$ep90,$tm,$tp10,$tp90,$fl,$peak,$load,$epar,$tpar" >> "$CSV"
      log "  => engine $em ms  torch $tm ms (median of $ROUNDS rounds)"
    done
  done
fi

# ---------------------------------------------------------------- extras
EXTRA="$OUT/extras.txt"
if [ $EXTRAS -eq 1 ]; then
  : > "$EXTRA"
  TMP=$(mktemp -d)
  # probe overhead: bench forces probe.every=0, so time `run` (wall seconds of the run in run.json)
  PSTEPS=200; [ $QUICK -eq 0 ] && PSTEPS=500
  # variants: probes off (and validation only at the end), per-layer probes every 10 with validation
  # at its default period (50), and probes + validation both every 10
  for v in "off:0:0" "probes10:10:50" "probes10-val10:10:10"; do
    IFS=: read -r name every val <<< "$v"
    for round in $(seq 1 "$ROUNDS"); do
      quiet
      log "probe overhead: run post-ln-6 probe.every=$every probe.validateEvery=$val ($PSTEPS steps) round $round"
      java -jar "$JAR" run --preset post-ln-6 --set probe.every=$every --set probe.validateEvery=$val \
          --steps $PSTEPS --out "$TMP/probe-$name-$round" >/dev/null 2>&1
    done
  done
  $PY - "$TMP" "$ROUNDS" >> "$EXTRA" <<'EOF'
import json, statistics, sys
d, rounds = sys.argv[1], int(sys.argv[2])
def wall(name):
    return statistics.median(json.load(open(f"{d}/probe-{name}-{r}/run.json"))["summary"]["wallSeconds"]
                             for r in range(1, rounds + 1))
off = wall("off")
steps = json.load(open(f"{d}/probe-off-1/run.json"))["summary"]["steps"]
for name, what in (("probes10", "probe.every=10, validation every 50 (the default)"),
                   ("probes10-val10", "probe.every=10, validation every 10")):
    w = wall(name)
    print(f"probe overhead (run post-ln-6, {steps} steps, 1 thread, median wall of {rounds}): {what}: "
          f"{w:.2f} s vs {off:.2f} s with probes off -> {100 * (w / off - 1):+.1f}%")
EOF
  # the same overhead within one run (bench --probes: mean wall of all steps vs of the steps without
  # probes or validation); two separate runs drift apart by more than the overhead on a shared machine
  for round in $(seq 1 "$ROUNDS"); do
    quiet
    log "probe overhead, same run: bench post-ln-6 --probes 10 ($PSTEPS steps) round $round"
    java -jar "$JAR" bench --preset post-ln-6 --steps $PSTEPS --probes 10 2>&1 \
      | sed -n 's/.*same run: .*(\([+-][0-9.]*\)%).*/\1/p' >> "$TMP/probe-same.txt"
  done
  $PY - "$TMP/probe-same.txt" "$PSTEPS" >> "$EXTRA" <<'EOF'
import statistics, sys
v = [float(x) for x in open(sys.argv[1]).read().split()]
if v:
    print(f"probe overhead, same run (bench post-ln-6 --probes 10, {sys.argv[2]} steps, 1 thread; probes every 10 and "
          f"validation every 50 vs the run's own steps without them): median {statistics.median(v):+.1f}% "
          f"(rounds: {' '.join(f'{x:+.1f}%' for x in v)})")
EOF

  # RSS: peak (time -v) and samples over the run for the 12-layer d64 encoder-decoder config
  RSTEPS=300; [ $QUICK -eq 0 ] && RSTEPS=10000; RSTEPS=${RSS_STEPS:-$RSTEPS}
  quiet
  log "RSS: bench encoder-decoder 12+12 d64 seq 32, $RSTEPS steps"
  /usr/bin/time -v -o "$TMP/time.txt" java -jar "$JAR" bench --preset post-ln-6 \
      $(engine_sets encoder-decoder 12 64 4 256 32 post) --steps $RSTEPS > "$TMP/rss-bench.txt" 2>&1 &
  tpid=$!
  : > "$TMP/rss.txt"
  while kill -0 $tpid 2>/dev/null; do
    jp=$(pgrep -P $tpid java || true)
    [ -n "$jp" ] && awk -v t="$(date +%s)" '/^VmRSS/ {print t, $2}' /proc/$jp/status 2>/dev/null >> "$TMP/rss.txt" || true
    sleep 2
  done
  wait $tpid
  peak_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TMP/time.txt")
  $PY - "$TMP/rss.txt" "$peak_kb" "$RSTEPS" >> "$EXTRA" <<'EOF'
import sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
peak = int(sys.argv[2]) / 1024
if len(rows) >= 4:
    n = len(rows)
    q = lambda i: rows[min(n - 1, i)][1] / 1024
    print(f"RSS (bench encoder-decoder 12+12, d64, seq 32, batch 32, {sys.argv[3]} steps): peak {peak:.0f} MiB (time -v); "
          f"sampled every 2 s: at 25% {q(n // 4):.0f} MiB, 50% {q(n // 2):.0f} MiB, end {q(n - 1):.0f} MiB ({n} samples)")
else:
    print(f"RSS (bench encoder-decoder 12+12, d64, {sys.argv[3]} steps): peak {peak:.0f} MiB (time -v)")
EOF
  # ablation: the same engine with its CPU fast path switched off (ND4J ops only, JavaCPP's
  # per-allocation memory check back on) = the session-1 design, measured in this run
  # one ablation row: ROUNDS `bench` runs of CFG (arch:layers:d:heads:ffn:seq:norm:steps) with the
  # caller's arrays envs (environment) and jopts (JVM options); the median goes to the extras
  ablation_row() {
    local cfg=$1 label=$2 variant=$3 arch l d h f seq norm st o round vals=()
    IFS=: read -r arch l d h f seq norm st <<< "$cfg"
    for round in $(seq 1 "$ROUNDS"); do
      quiet
      log "ablation $label $cfg $variant round $round"
      o=$(env "${envs[@]}" java "${jopts[@]}" -jar "$JAR" bench --preset post-ln-6 \
          $(engine_sets "$arch" "$l" "$d" "$h" "$f" "$seq" "$norm") --steps "$st" 2>&1)
      vals+=("$(echo "$o" | sed -n 's/.*median \([0-9.]*\).*/\1/p')")
    done
    echo "ablation $arch $l layers d$d, $label, $variant: median ms/step $(median "${vals[@]}") (rounds: ${vals[*]})" >> "$EXTRA"
  }
  for cfg in "decoder-only:6:64:4:256:32:post:60" "decoder-only:6:256:8:1024:64:post:12"; do
    for variant in shipped nd4j-ops nd4j-ops+memcheck; do
      envs=(STABILITY_LAB_THREADS=1 OMP_NUM_THREADS=1); jopts=()
      [ "$variant" != shipped ] && envs+=(STABILITY_LAB_DIRECT_BLAS=off)
      [ "$variant" = nd4j-ops+memcheck ] && jopts+=(-Dorg.bytedeco.javacpp.maxPhysicalBytes=12g)
      ablation_row "$cfg" "1 thread" "$variant"
    done
  done
  # ablation at 2 threads: batch shards on model replicas (shipped) vs splitting each op (the
  # previous design, STABILITY_LAB_BATCH_SPLIT=off)
  if [ "$CORES" -ge 2 ]; then
    for cfg in "decoder-only:6:64:4:256:32:post:60" "decoder-only:2:64:4:256:32:post:150" "decoder-only:6:256:8:1024:64:post:12"; do
      for variant in batch-shards per-op-split; do
        envs=(STABILITY_LAB_THREADS=2 OMP_NUM_THREADS=2); jopts=()
        [ "$variant" = per-op-split ] && envs+=(STABILITY_LAB_BATCH_SPLIT=off)
        ablation_row "$cfg" "2 threads" "$variant"
      done
    done
  fi
  # amplify: depths 1..48 (quick: 1,2,4,8,16,32,48) x post/pre/admin x 3 seeds
  if [ $QUICK -eq 1 ]; then DEPTHS=1,2,4,8,16,32,48; else DEPTHS=$(seq -s, 1 48); fi
  total=0
  for p in post-ln-6 pre-ln-6 admin-6; do
    quiet
    log "amplify $p depths ${DEPTHS:0:20}... seeds 3"
    s=$(date +%s.%N)
    java -jar "$JAR" amplify --preset $p --depths "$DEPTHS" --seeds 3 --quiet --out "$TMP/amp-$p" >/dev/null
    e=$(date +%s.%N)
    w=$(awk -v a="$s" -v b="$e" 'BEGIN {printf "%.1f", b - a}')
    total=$(awk -v a="$total" -v b="$w" 'BEGIN {printf "%.1f", a + b}')
    echo "amplify $p --depths ${DEPTHS} --seeds 3: ${w} s wall (incl. JVM start)" >> "$EXTRA"
  done
  echo "amplify total over the 3 placements/inits: ${total} s" >> "$EXTRA"
  rm -rf "$TMP"
fi
echo "load after: $(cat /proc/loadavg)" >> "$OUT/machine.txt"

$PY bench/report.py "$OUT" | tee "$OUT/report.md"
