#!/usr/bin/env bash
# Installs the Debian packages wasmactors needs, only those missing, so it is
# cheap to run before every build: the Rust toolchain for wasm32-wasi with its linker,
# libjpeg-turbo (the image host module decodes JPEG with it), Redis
# (Dapr's actor state) and Chromium with its driver (the UI tests).
# The JDK (25 or newer, found by scripts/java-env.sh), Maven and Go are expected on the machine.
set -euo pipefail

for tool in java mvn go; do
  command -v "$tool" >/dev/null || { echo "install-deps: $tool is required and not on PATH" >&2; exit 1; }
done

sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
updated=false

install_missing() {
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  (( ${#missing[@]} > 0 )) || return 0
  echo "install-deps: installing ${missing[*]}" >&2
  if ! $updated; then
    $sudo apt-get update -q >&2
    updated=true
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
}

install_missing rustc cargo libstd-rust-dev-wasm32 librust-image-dev libturbojpeg0 redis-server chromium chromium-driver
# rustc links wasm32 code with rust-lld, which Debian's rustc ships as a link to one LLVM
# version's lld (rust-lld -> lld-14) that it only recommends: install the package named by the link.
if [[ -L /usr/bin/rust-lld && ! -x /usr/bin/rust-lld ]]; then
  install_missing "$(readlink /usr/bin/rust-lld)"
fi
