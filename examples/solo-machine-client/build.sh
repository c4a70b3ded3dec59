#!/usr/bin/env bash
# Rebuilds solo_machine_client.wasm from src/ with Debian's clang + lld (apt-get install clang lld), byte for byte.
#
#   ./build.sh            writes solo_machine_client.wasm and solo_machine_client.wasm.sha256 here
#   ./build.sh OUT.wasm   writes only OUT.wasm (used by the reproducibility test)
#
# The committed binary was built with "Debian clang version 14.0.6" (bookworm); another clang release may emit
# different code, so the script says when the compiler differs from that one.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"

pinned="Debian clang version 14.0.6"
clang=${CLANG:-clang}
command -v "$clang" >/dev/null || { echo "build.sh: $clang not found (apt-get install clang lld)" >&2; exit 2; }
command -v wasm-ld >/dev/null || command -v wasm-ld-14 >/dev/null ||
  { echo "build.sh: wasm-ld not found (apt-get install lld)" >&2; exit 2; }
version=$("$clang" --version | head -n 1)
case "$version" in
  "$pinned"*) ;;
  *) echo "build.sh: warning: '$version' is not '$pinned'; the output may differ from the committed binary" >&2 ;;
esac

out=${1:-solo_machine_client.wasm}
sources=(src/mem.c src/buf.c src/base64.c src/json.c src/proto.c src/store.c src/solomachine.c src/contract.c)

flags=(
  --target=wasm32-unknown-unknown
  # cosmwasm-vm's gatekeeper rejects bulk-memory, reference-types, SIMD and threads instructions.
  -mcpu=mvp -mno-bulk-memory -mno-reference-types -mno-simd128 -mno-atomics -mno-sign-ext -mno-multivalue
  -std=c11 -O2 -ffreestanding -nostdlib -fvisibility=hidden
  -Wall -Wextra -Werror -Wno-missing-field-initializers
  # Reproducibility: no debug info, no build paths, no timestamps.
  -g0 -ffile-prefix-map="$here"=.
  -Wl,--no-entry
  -Wl,--strip-all
  # The 64 KiB shadow stack sits below the data, so an overflow traps instead of corrupting the heap.
  -Wl,--stack-first -Wl,-z,stack-size=65536
)

export SOURCE_DATE_EPOCH=0 LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$clang" "${flags[@]}" -o "$tmp/out.wasm" "${sources[@]}"
cp "$tmp/out.wasm" "$out"
chmod 644 "$out"

if [ $# -eq 0 ]; then
  sha256sum solo_machine_client.wasm > solo_machine_client.wasm.sha256
  cat solo_machine_client.wasm.sha256
fi
