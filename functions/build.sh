#!/usr/bin/env bash
# Builds the sample functions to wasm32-wasi and gathers each .wasm with its
# manifest in target/wasm/. Uses rustup's toolchain when it has the wasm32-wasi
# target; otherwise Debian's rustc with the crates Debian packages, offline
# (the source replacement is passed on the command line, never written to a
# global config, so machines with rustup and crates.io keep working).
#   build.sh            the Wasm functions
#   build.sh --native   also the native grayscale, for the benchmark
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

if rustup target list --installed 2>/dev/null | grep -qx wasm32-wasi; then
  cargo=(cargo)
elif [[ -x /usr/bin/cargo && -d /usr/lib/rustlib/wasm32-wasi ]]; then
  export RUSTC=/usr/bin/rustc
  cargo=(/usr/bin/cargo --offline
         --config 'source.crates-io.replace-with="debian"'
         --config 'source.debian.directory="/usr/share/cargo/registry"')
else
  echo "functions/build.sh: no Rust toolchain with the wasm32-wasi target; run scripts/install-deps.sh" >&2
  exit 1
fi

# Separate lock files per toolchain: Debian's registry pins other versions than crates.io.
export CARGO_TARGET_DIR="$here/target/cargo"

# Functions kept out of line in the Wasm build only. The JVM's JIT compilers refuse methods as
# large as jpeg-decoder's decode_internal once LLVM has inlined decode_scan into it (57 KB of JVM
# bytecode: C1 runs out of registers, C2 out of nodes), so the JPEG decoder's hot loop stayed in
# HotSpot's interpreter: grayscale 185 ms warm, 75 ms with decode_scan on its own. LLVM takes a
# symbol name, so this names the instance built by Debian's rustc 1.63 with jpeg-decoder 0.2.6;
# other toolchains build the same code, and the check below says when it did not apply.
out_of_line='_ZN12jpeg_decoder7decoder16Decoder$LT$R$GT$11decode_scan17h45da6112c57fdaa8E'
export CARGO_TARGET_WASM32_WASI_RUSTFLAGS="-C llvm-args=-force-attribute=$out_of_line:noinline"
"${cargo[@]}" build --release --target wasm32-wasi --quiet

# target/wasm: the product functions, each .wasm beside its manifest (the registry scans it).
# target/wasm-test: modules for tests and for trying `wasmactors run`.
release="$CARGO_TARGET_DIR/wasm32-wasi/release"
out="$here/target/wasm"
mkdir -p "$out" "$here/target/wasm-test"
for manifest in */function.json; do
  name="$(dirname "$manifest")"
  cp "$manifest" "$out/$name.json"
  cp "$release/$name.wasm" "$out/$name.wasm"
done
cp "$release/testkit.wasm" "$release/nn-classify.wasm" "$here/target/wasm-test/"
if ! grep -qF "$out_of_line" "$out/grayscale.wasm"; then
  echo "functions/build.sh: decode_scan was inlined with this toolchain; grayscale runs about 2.5x slower on the JVM" >&2
fi

if [[ "${1:-}" == "--native" ]]; then
  "${cargo[@]}" build --release --quiet -p grayscale --bin grayscale-native
  cp "$CARGO_TARGET_DIR/release/grayscale-native" "$out/grayscale-native"
fi
echo "functions: $(ls "$out"/*.wasm | wc -l) functions in $out"
