#!/usr/bin/env bash
# Checks `./wasmactors run` end to end, as a user types it: a WASI-NN program
# with a preopened directory and a preloaded model, then an exit code passed through.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
images="${WASMACTORS_IMAGES:-$(cd "$root/../shared/images" && pwd)}"
models="${WASMACTORS_MODELS:-$(cd "$root/../shared/models" && pwd)}"
module="$root/functions/target/wasm-test/nn-classify.wasm"

out="$("$root/wasmactors" run --dir "$images:/images" --dir "$models:/labels" \
        --nn-preload "mobilenet:TensorflowLite:CPU:$models/mobilenet_v2_1.0_224_quant.tflite" \
        "$module" mobilenet /images/parrot.jpg /labels/imagenet_labels.txt)"
head -1 <<<"$out" | grep -q "macaw$" || { echo "smoke-run: expected macaw first, got: $out" >&2; exit 1; }

set +e
"$root/wasmactors" run "$module" 2>/dev/null
code=$?
set -e
[[ $code -eq 1 ]] || { echo "smoke-run: expected exit code 1 for a usage error of the module, got $code" >&2; exit 1; }
echo "smoke-run: 2 passed, 0 failed"
