#!/usr/bin/env bash
# Rebuilds solo_machine_client.wasm from src/ with Debian's clang, lld and binaryen (apt-get install clang lld
# binaryen), byte for byte.
#
#   ./build.sh            writes solo_machine_client.wasm and solo_machine_client.wasm.sha256 here
#   ./build.sh OUT.wasm   writes only OUT.wasm (used by the reproducibility test)
#
# The committed binary was built on Debian bookworm with clang 14.0.6, lld 14 and binaryen 108 (wasm-opt); other
# releases may emit different code, so the script says when a tool differs from those.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

pinned_clang="Debian clang version 14.0.6"
pinned_binaryen="wasm-opt version 108"
clang=${CLANG:-clang}
for tool in "$clang" wasm-ld wasm-opt; do
  command -v "$tool" >/dev/null || { echo "build.sh: $tool not found (apt-get install clang lld binaryen)" >&2; exit 2; }
done
case "$("$clang" --version | head -n 1)" in
  "$pinned_clang"*) ;;
  *) echo "build.sh: warning: $("$clang" --version | head -n 1) is not '$pinned_clang'; the output may differ" >&2 ;;
esac
case "$(wasm-opt --version)" in
  "$pinned_binaryen"*) ;;
  *) echo "build.sh: warning: $(wasm-opt --version) is not '$pinned_binaryen'; the output may differ" >&2 ;;
esac

out=${1:-solo_machine_client.wasm}
# With SMC_KEEP_NAMES=1 the module keeps its name section (for profiling gas per function); code is identical.
keep_names=${SMC_KEEP_NAMES:-0}
sources=(mem buf base64 json proto store solomachine contract)

cflags=(
  --target=wasm32-unknown-unknown
  # cosmwasm-vm's gatekeeper rejects bulk-memory, reference-types, SIMD and threads instructions.
  -mcpu=mvp -mno-bulk-memory -mno-reference-types -mno-simd128 -mno-atomics -mno-sign-ext -mno-multivalue
  -std=c11 -O2 -ffreestanding -nostdlib -fvisibility=hidden
  -Wall -Wextra -Werror -Wno-missing-field-initializers
  # Reproducibility: no debug info, no build paths.
  -g0 -ffile-prefix-map="$here"=.
)
ldflags=(
  --no-entry
  # The 64 KiB shadow stack sits below the data, so an overflow traps instead of corrupting the heap.
  --stack-first -z stack-size=65536
)
[ "$keep_names" = 1 ] || ldflags+=(--strip-all)
optflags=(--mvp-features -O2)
[ "$keep_names" = 1 ] && optflags+=(--debuginfo)

export SOURCE_DATE_EPOCH=0 LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Compile, link and optimise as separate steps: clang's driver would otherwise run whatever wasm-opt is on PATH.
objects=()
for name in "${sources[@]}"; do
  "$clang" "${cflags[@]}" -c "src/$name.c" -o "$tmp/$name.o"
  objects+=("$tmp/$name.o")
done
wasm-ld "${ldflags[@]}" -o "$tmp/linked.wasm" "${objects[@]}"
wasm-opt "${optflags[@]}" "$tmp/linked.wasm" -o "$tmp/out.wasm"
cp "$tmp/out.wasm" "$out"
chmod 644 "$out"

if [ $# -eq 0 ]; then
  sha256sum solo_machine_client.wasm > solo_machine_client.wasm.sha256
  cat solo_machine_client.wasm.sha256
fi
