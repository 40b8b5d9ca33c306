#!/usr/bin/env bash
# Runs one libFuzzer target for ctest (fuzz/CMakeLists.txt).
#
#   run_target.sh replay BINARY NAME
#       every input of fuzz/corpus/NAME/ and fuzz/regressions/NAME/ once: a crash fixed stays fixed.
#   run_target.sh fuzz BINARY NAME SECONDS WORK
#       new inputs for SECONDS, grown from those; what it finds stays in WORK/NAME/, never in the
#       repository. A crash's input is WORK/NAME/crash-*: fix the code, then keep the input in
#       fuzz/regressions/NAME/ (named after what it broke) so that the replay test holds the fix.
set -euo pipefail
mode=$1 binary=$2 name=$3
fuzz_dir=$(cd "$(dirname "$0")" && pwd)
inputs=("$fuzz_dir/corpus/$name")
[ -d "$fuzz_dir/regressions/$name" ] && inputs+=("$fuzz_dir/regressions/$name")

case "$mode" in
  replay)
    mapfile -t files < <(find "${inputs[@]}" -type f | sort)
    echo "replaying ${#files[@]} inputs of $name"
    # Files, not folders: libFuzzer runs each once and stops at the first crash.
    exec "$binary" "${files[@]}"
    ;;
  fuzz)
    seconds=$4 work=$5/$name
    rm -rf "$work"
    mkdir -p "$work/corpus"
    # New inputs go to the first folder, the scratch one; the seeds are only read.
    if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -dict="$fuzz_dir/json.dict" \
        -print_final_stats=1 -artifact_prefix="$work/" "$work/corpus" "${inputs[@]}"; then
      echo "fuzz: $name failed on $(ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null | head -1)"
      echo "fuzz: fix it, then keep that input in fuzz/regressions/$name/ (CONTRIBUTING.md)"
      exit 1
    fi
    ;;
  *)
    echo "usage: run_target.sh replay BINARY NAME | fuzz BINARY NAME SECONDS WORK" >&2
    exit 2
    ;;
esac
