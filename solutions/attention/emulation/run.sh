#!/usr/bin/env bash
# Runs 5_flash2.cu's kernel on the CPU (no GPU needed): cuts the kernel out of the submission,
# builds it with flash2_emulation.cc (warp-collective emulations of ldmatrix, ldmatrix.trans,
# mma.m16n8k16 and cp.async, written from the PTX ISA's fragment tables) and checks 18 shapes
# against the statement's tolerance rule, plus every ldmatrix phase for bank conflicts.
#   bash solutions/attention/emulation/run.sh [SHAPES]      (about a minute for all 18)
#   EMU_COPY_AT_ISSUE=1 ...   lands each cp.async at issue instead of at wait_group
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 "$here/cut_kernel.py" "$here/../accepted/5_flash2.cu" "$work/kernel.inc"
g++ -std=c++20 -O1 -pthread -I"${CUDA_INCLUDE:-/usr/local/cuda/include}" -I"$work" "$here/flash2_emulation.cc" \
  -o "$work/flash2_emulation"
"$work/flash2_emulation" "$@"
