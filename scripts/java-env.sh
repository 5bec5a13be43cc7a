# Sourced by ./wasmactors and scripts/cluster.sh: the JDK and JVM flags of every wasmactors process.
# GraalWasm (the engine a function may choose, README "Engines") needs JDK 25 with JVMCI and the
# Graal compiler jars the build copies to target/jvmci; the Maven build passes the same flags to tests
# (property wasmactors.jvm.flags in pom.xml).
wasmactors_jdk_ok() {
  [[ -n "${1:-}" && -x "$1/bin/java" ]] &&
    (( $("$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p') >= 25 ))
}

if ! wasmactors_jdk_ok "${JAVA_HOME:-}"; then
  for candidate in /usr/lib/jvm/*; do
    if wasmactors_jdk_ok "$candidate"; then
      export JAVA_HOME="$candidate"
      break
    fi
  done
fi
if ! wasmactors_jdk_ok "${JAVA_HOME:-}"; then
  echo "wasmactors: needs a JDK 25 or newer; none in JAVA_HOME or /usr/lib/jvm (e.g. Temurin 25: set JAVA_HOME to it)" >&2
  return 1 2>/dev/null || exit 1
fi
export PATH="$JAVA_HOME/bin:$PATH"

wasmactors_jvmci="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/target/jvmci"
# HotSpot JIT-compiles the large methods Chicory makes of Wasm functions (they exceed its 8000-byte
# limit otherwise); JVMCI lets GraalWasm compile with the Graal compiler.
export WASMACTORS_JVM_FLAGS="${WASMACTORS_JVM_FLAGS:--XX:-DontCompileHugeMethods -XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI --upgrade-module-path=$wasmactors_jvmci/compiler.jar:$wasmactors_jvmci/truffle-compiler.jar:$wasmactors_jvmci/collections.jar:$wasmactors_jvmci/word.jar:$wasmactors_jvmci/nativeimage.jar --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow}"
