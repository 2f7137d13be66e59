#!/usr/bin/env bash
# Start time, peak memory and idle CPU of the game against a bare Bevy app
# built with the same features (examples/bare.rs), alternating runs under
# one Xvfb server with Mesa's software Vulkan; then the benchmarks. Prints
# medians and game/bare ratios and writes docs/perf.md.
#
#   scripts/perf.sh              5 runs each, 10 s of idle measured per run,
#                                at 1920x1080 (a projector's size)
#   RUNS=3 IDLE=5 SIZE=1280x720 scripts/perf.sh
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-5}"
idle="${IDLE:-10}"
size="${SIZE:-1920x1080}"

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
dpkg -s mesa-vulkan-drivers >/dev/null 2>&1 || missing+=(mesa-vulkan-drivers)
dpkg -s libvulkan1 >/dev/null 2>&1 || missing+=(libvulkan1)
if ((${#missing[@]})); then
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --locked --release --bin counteroffer --example bare
game=target/release/counteroffer
bare=target/release/examples/bare

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 "${size}x24" >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
export DISPLAY="$display"
sleep 1

tick=$(getconf CLK_TCK)
results=$(mktemp)

# wait_for LOG TEXT: until the app has printed TEXT (at most 60 s)
wait_for() {
    for _ in $(seq 600); do
        grep -q "$2" "$1" && return 0
        sleep 0.1
    done
    echo "error: '$2' never appeared; see $1" >&2
    exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# measure NAME COMMAND...: first-frame ms, idle CPU % of one core, peak RSS KiB
measure() {
    local name=$1
    shift
    local log
    log=$(mktemp)
    local t0 t1
    t0=$(date +%s%N)
    "$@" 2>"$log" >/dev/null &
    local pid=$!
    wait_for "$log" "perf: first frame"
    t1=$(date +%s%N)
    [[ $name == game ]] && wait_for "$log" "perf: negotiation ready"
    sleep 1
    local c0 c1
    c0=$(cpu_ticks $pid)
    sleep "$idle"
    c1=$(cpu_ticks $pid)
    local rss
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    kill $pid
    wait $pid 2>/dev/null || true
    echo "$name $(((t1 - t0) / 1000000)) $(awk -v a="$c0" -v b="$c1" -v t="$tick" -v s="$idle" 'BEGIN {printf "%.2f", (b - a) / t / s * 100}') $rss" >>"$results"
    rm -f "$log"
}

for i in $(seq "$runs"); do
    echo "run $i of $runs"
    COUNTEROFFER_DATA_DIR="$(mktemp -d)" measure game "$game" --perf --window "$size"
    measure bare "$bare" "$size"
done

echo "benchmarks"
analyzer=$(cargo bench --locked --bench analyzer 2>/dev/null | grep -E "ratio|├|╰")
session=$(cargo bench --locked --bench session 2>/dev/null | grep -E "per second|├|╰")

python3 - "$results" "$runs" "$idle" <<PY
import statistics, sys, datetime, platform, subprocess
rows = [l.split() for l in open(sys.argv[1])]
runs, idle = sys.argv[2], sys.argv[3]
def med(name, col):
    return statistics.median(float(r[col]) for r in rows if r[0] == name)
names = [("start to first frame (ms)", 1), ("idle CPU on the negotiation screen (% of one core)", 2), ("peak RSS (MiB)", 3)]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
lines = [
    "# Performance",
    "",
    f"Measured {datetime.date.today()} by \`scripts/perf.sh\` on {subprocess.getoutput('nproc')} cores ({cpu}), "
    f"Linux {platform.release()}, no GPU: Xvfb $size with Mesa's llvmpipe (software Vulkan). "
    f"Medians of {runs} alternating runs each; idle CPU over {idle} s.",
    "",
    "| measure | game | bare Bevy | game/bare | target |",
    "|---|---:|---:|---:|---|",
]
targets = ["<= 1.3x bare", "<= 3% of one core", "<= 1.3x bare"]
for (label, col), target in zip(names, targets):
    g, b = med("game", col), med("bare", col)
    if col == 3:
        g, b = g / 1024, b / 1024
    ratio = f"{g / b:.2f}x" if b else "-"
    lines.append(f"| {label} | {g:.1f} | {b:.1f} | {ratio} | {target} |")
lines += ["", "Every run:", "", "| app | first frame ms | idle CPU % | peak RSS KiB |", "|---|---:|---:|---:|"]
lines += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} |" for r in rows]
lines += ["", "## Benchmarks (divan medians)", "", "\`\`\`", """$analyzer""", """$session""", "\`\`\`", ""]
open("docs/perf.md", "w").write("\n".join(lines))
print("\n".join(lines[:12]))
PY
