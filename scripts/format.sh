#!/usr/bin/env bash
# Formats the project's C++ and CUDA code with the repository's .clang-format (Debian's
# clang-format 14): judge/, gpu/, tests/, benchmarks/ and fuzz/. Kept submissions (solutions/, and the
# hostile corpus in tests/hostile/) stay as their authors wrote them.
#   scripts/format.sh          rewrite the files in place
#   scripts/format.sh --check  change nothing; list the files that differ and exit 1 if any
set -euo pipefail
cd "$(dirname "$0")/.."
command -v clang-format > /dev/null || { echo "format: clang-format is not installed (scripts/setup.sh installs it)" >&2; exit 2; }
mapfile -d '' files < <(find judge gpu tests benchmarks fuzz -type f \
  \( -name '*.h' -o -name '*.cc' -o -name '*.cu' -o -name '*.cuh' \) -not -path 'tests/hostile/*' \
  -not -path 'fuzz/corpus/*' -not -path 'fuzz/regressions/*' -print0 | sort -z)
if [ "${1:-}" != "--check" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
differ=0
for file in "${files[@]}"; do
  if ! clang-format --dry-run --Werror "$file" > /dev/null 2>&1; then
    echo "format: $file differs from .clang-format (run scripts/format.sh)"
    differ=$((differ + 1))
  fi
done
if [ "$differ" -gt 0 ]; then
  echo "format: $differ of ${#files[@]} files differ"
  exit 1
fi
echo "format: all ${#files[@]} files match .clang-format"
