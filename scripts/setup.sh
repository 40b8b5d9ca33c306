#!/usr/bin/env bash
# Installs what the judge needs from Debian's packages (only what is missing), then configures
# and builds it into build/ (and with --tests, the sanitized and fuzzing trees beside it). Safe
# to run again: it installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make python3 nlohmann-json3-dev libcli11-dev libgtest-dev libbenchmark-dev libsqlite3-dev
          libseccomp-dev pkg-config libcpp-httplib-dev libyaml-cpp-dev libzip-dev chromium clang-format
          clang libclang-rt-14-dev libmd4c-dev libmd4c-html0-dev libjs-codemirror libjs-highlight.js
          libjs-katex python3-selenium chromium-driver libpq-dev postgresql patchelf)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
cmake --build build -j "$(nproc)"

# With --tests: the judge again under AddressSanitizer and UndefinedBehaviorSanitizer, without
# CUDA (build-asan/), and the fuzz targets, with clang and libFuzzer (build-fuzz/): the tests of
# both join build/'s, so that `ctest --test-dir build` runs them too (README.md, "Tests"). The
# main job (`judge verify`) needs neither, and skips their quarter of an hour of building.
[ "${1:-}" = "--tests" ] || exit 0
cmake -S . -B build-asan -DJUDGE_CUDA=OFF -DJUDGE_SANITIZE=address,undefined > /dev/null
cmake --build build-asan -j "$(nproc)"
cmake -S fuzz -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ > /dev/null
cmake --build build-fuzz -j "$(nproc)"
