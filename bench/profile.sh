#!/usr/bin/env bash
# Where the engine spends a training step: a JFR recording of `bench` on one config, summarised by
# (a) the native method a sampled thread is in (jdk.NativeMethodSample: BLAS, ND4J ops, ...),
# (b) the engine method that called it (first org.stabilitylab frame), and
# (c) Java-side execution samples (jdk.ExecutionSample), i.e. time in the JVM outside native code.
#
#   bash bench/profile.sh [ARCH] [LAYERS] [D] [HEADS] [FFN] [SEQ] [NORM] [STEPS] [BATCH]
#   default: decoder-only 6 64 4 256 32 post 150 32  (1 thread, like the speed table)
set -euo pipefail
cd "$(dirname "$0")/.."
ARCH=${1:-decoder-only}; L=${2:-6}; D=${3:-64}; H=${4:-4}; F=${5:-256}; SEQ=${6:-32}; NORM=${7:-post}; STEPS=${8:-150}; BATCH=${9:-32}
JAR=engine/target/stability-lab-engine.jar
[ -f "$JAR" ] || mvn -q -o package -DskipTests 2>/dev/null || mvn -q package -DskipTests
if [ "$ARCH" = decoder-only ]; then LEN=$((SEQ / 2)); ENC=0; else LEN=$SEQ; ENC=$L; fi
INIT=default; N=$NORM; [ "$NORM" = admin ] && { N=post; INIT=admin; }
TMP=bench/out/profile; rm -rf "$TMP"; mkdir -p "$TMP"   # kept: bench/out/profile/x.jfr
STABILITY_LAB_THREADS=1 OMP_NUM_THREADS=1 java ${JAVA_OPTS:-} -XX:StartFlightRecording=filename=$TMP/x.jfr,settings=profile \
  -jar "$JAR" bench --preset post-ln-6 --set model.arch=$ARCH --set model.encoderLayers=$ENC \
  --set model.decoderLayers=$L --set model.dModel=$D --set model.heads=$H --set model.ffn=$F \
  --set task.length=$LEN --set train.batch=$BATCH --set model.norm=$N --set model.init=$INIT --steps $STEPS 2>&1 \
  | grep -v -i "flight recording\|Use jcmd"
jfr print --json --stack-depth 64 --events jdk.NativeMethodSample,jdk.ExecutionSample "$TMP/x.jfr" > "$TMP/x.json"
/usr/bin/python3 - "$TMP/x.json" <<'EOF'
import collections, json, sys
ev = json.load(open(sys.argv[1]))["recording"]["events"]
def frames(e):
    st = e["values"].get("stackTrace") or {}
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in st.get("frames", [])]
def caller(fs):
    for f in fs:
        if f.startswith("org.stabilitylab"):
            return f.replace("org.stabilitylab.engine.", "")
    return "?"
nat = [frames(e) for e in ev if e["type"] == "jdk.NativeMethodSample"]
nat = [fs for fs in nat if any(f.startswith("org.stabilitylab") for f in fs)]   # the training thread
exe = [frames(e) for e in ev if e["type"] == "jdk.ExecutionSample"]
exe = [fs for fs in exe if any(f.startswith("org.stabilitylab") for f in fs)]
print(f"samples on the training thread: native {len(nat)}, Java {len(exe)}"
      f" (JFR 'profile': native every 20 ms, Java every 10 ms -> Java share ~{len(exe) / 2 / max(1, len(exe) / 2 + len(nat)):.0%} of time)")
for title, rows, key in [("native method (top frame)", nat, lambda fs: fs[0]),
                         ("engine caller of native code", nat, caller),
                         ("Java-side: top frame", exe, lambda fs: fs[0]),
                         ("Java-side: engine caller", exe, caller)]:
    c = collections.Counter(key(fs) for fs in rows)
    print(f"\n{title} (share of {len(rows)} samples)")
    for k, n in c.most_common(12):
        print(f"  {100 * n / max(1, len(rows)):5.1f}%  {k}")
EOF
echo "recording: $TMP/x.jfr"
