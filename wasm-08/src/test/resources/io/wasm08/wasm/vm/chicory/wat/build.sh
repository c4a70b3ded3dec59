#!/bin/sh
# Regenerates every .wasm from its .wat source (wabt's wat2wasm).
set -eu
cd "$(dirname "$0")"
for f in *.wat; do
  wat2wasm "$f" -o "${f%.wat}.wasm"
done
