#!/usr/bin/env bash
# Saves a PNG of every screen, in English and Chinese, into docs/screenshots/
# by running the game's scripted tour (`counteroffer --demo DIR`) under Xvfb
# with Mesa's software Vulkan. Fails if the window never renders or a PNG is
# blank.
#
#   scripts/screenshots.sh            release build, 1280x720 and 1920x1080
#                                     (plus a 3840x2160 run that is checked, not kept)
#   scripts/screenshots.sh --quick    1280x720 only, debug build (CI)
#   OUT=/tmp/shots scripts/...        write somewhere else
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
[[ "${1:-}" == "--quick" ]] && quick=true

missing=()
command -v xvfb-run >/dev/null || missing+=(xvfb)
dpkg -s mesa-vulkan-drivers >/dev/null 2>&1 || missing+=(mesa-vulkan-drivers)
dpkg -s libvulkan1 >/dev/null 2>&1 || missing+=(libvulkan1)
if ((${#missing[@]})); then
    echo "installing ${missing[*]}"
    sudo=""
    [[ $(id -u) -ne 0 ]] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if $quick; then
    # the test build's binary: `cargo build` would compile Bevy a second time
    # with other features (dev-dependencies unify differently), which filled
    # the CI machine's disk
    cargo test --locked --no-run
    bin=target/debug/counteroffer
    sizes=(1280x720)
else
    cargo build --locked --release
    bin=target/release/counteroffer
    sizes=(1280x720 1920x1080 3840x2160)
fi

out="${OUT:-docs/screenshots}"
expected=33
for size in "${sizes[@]}"; do
    dir="$out/$size"
    # 4K pictures are large; they are checked in a temporary folder
    [[ $size == 3840x2160 ]] && dir="$(mktemp -d)/$size"
    rm -rf "$dir"
    mkdir -p "$dir"
    echo "tour at $size -> $dir"
    # the ICU line-breaking notice for Chinese is noise here
    timeout 600 xvfb-run -a -s "-screen 0 ${size}x24" "$bin" --demo "$dir" --window "$size" 2>&1 \
        | grep -v "ICU4X data error" | grep -E "ERROR|panicked" || true
    count=$(find "$dir" -name '*.png' | wc -l)
    if ((count < expected)); then
        echo "error: only $count of $expected screenshots at $size; the window did not render every screen" >&2
        exit 1
    fi
    # a one-colour 1280x720 PNG compresses to a few KB; real screens are far larger
    for png in "$dir"/*.png; do
        bytes=$(stat -c %s "$png")
        if ((bytes < 20000)); then
            echo "error: $png is $bytes bytes: blank?" >&2
            exit 1
        fi
    done
    echo "ok: $count screenshots at $size"
done
