#!/usr/bin/env bash
# Installs the Debian packages wasmactors needs, only those missing, so it is
# cheap to run before every build: the Rust toolchain for wasm32-wasi, libjpeg-turbo
# (the image host module decodes JPEG with it), Redis
# (Dapr's actor state) and Chromium with its driver (the UI tests).
# The JDK (25 or newer, found by scripts/java-env.sh), Maven and Go are expected on the machine.
set -euo pipefail

packages=(rustc cargo libstd-rust-dev-wasm32 librust-image-dev libturbojpeg0 redis-server chromium chromium-driver)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
for tool in java mvn go; do
  command -v "$tool" >/dev/null || { echo "install-deps: $tool is required and not on PATH" >&2; exit 1; }
done
if (( ${#missing[@]} == 0 )); then
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
$sudo apt-get update -q >&2
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
