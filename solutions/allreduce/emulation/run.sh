#!/usr/bin/env bash
# Runs 5_copy_floor.cu's kernel and index slicing on the CPU (no GPU needed), every thread of every
# block in turn, and checks every rank's buffer exactly (2..8 ranks, fp32/fp16/bf16, 15 counts,
# one launch and one per rank, a full wave and a 2-block grid-stride).
#   bash solutions/allreduce/emulation/run.sh      (about 15 s)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/cut_kernel.py" "$here/../accepted/5_copy_floor.cu" "$work/kernel.inc"
g++ -std=c++20 -O2 -I"${CUDA_INCLUDE:-/usr/local/cuda/include}" -I"$work" "$here/copy_floor_emulation.cc" \
  -o "$work/copy_floor_emulation"
"$work/copy_floor_emulation"
