# Shared steps of build-linux.sh and build-macos.sh (sourced, not run).
# Needs: ROOT (repository root), PLATFORM (DJL platform: linux-x86_64, osx-aarch64, ...), OUT (work folder).
# Defines: JAVA_HOME tools, APP_VERSION, stage_input, build_runtime.

JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
JLINK="$JAVA_HOME/bin/jlink"; JPACKAGE="$JAVA_HOME/bin/jpackage"; JDEPS="$JAVA_HOME/bin/jdeps"
JAVAC="$JAVA_HOME/bin/javac"; JAR="$JAVA_HOME/bin/jar"
for tool in "$JLINK" "$JPACKAGE" "$JDEPS" "$JAVAC" "$JAR"; do
  [ -x "$tool" ] || { echo "error: $tool not found: set JAVA_HOME to a JDK 17 or newer" >&2; exit 1; }
done

# JDK modules jlink'ed besides what jdeps finds: reached by reflection or service loading
# (TLS to a remote MLflow server, zip file systems, JMX used by H2 and DJL).
EXTRA_MODULES=jdk.crypto.ec,jdk.zipfs,java.management,jdk.unsupported,java.naming,java.sql,java.desktop,java.net.http

log() { printf '[installer] %s\n' "$*"; }

# Build the app if asked or missing, then fill $OUT/input with what goes on the class path of the package:
# the launcher jar (main), active-labeler.jar and lib/*.jar, trimmed to this platform.
stage_input() {
  if [ "${REBUILD:-0}" = 1 ] || [ ! -f "$ROOT/target/active-labeler.jar" ]; then
    log "building target/active-labeler.jar"
    (cd "$ROOT" && ./mvnw -q -B -ntp package -DskipTests)
  fi
  APP_VERSION=$(unzip -p "$ROOT/target/active-labeler.jar" META-INF/MANIFEST.MF \
    | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
  APP_VERSION=${APP_VERSION:-0.1.0}
  rm -rf "$OUT/input" "$OUT/launcher"
  mkdir -p "$OUT/input/lib" "$OUT/launcher"
  cp "$ROOT/target/active-labeler.jar" "$OUT/input/"
  cp "$ROOT"/target/lib/*.jar "$OUT/input/lib/"

  # libtorch for this platform (the pom names linux-x86_64; other systems swap in their own).
  local torch torch_version
  torch=$(ls "$OUT"/input/lib/pytorch-native-cpu-*.jar)
  torch_version=$(basename "$torch" | sed -E 's/^pytorch-native-cpu-([0-9.]+)-.*/\1/')
  if [ "$(basename "$torch")" != "pytorch-native-cpu-$torch_version-$PLATFORM.jar" ]; then
    log "fetching libtorch $torch_version for $PLATFORM"
    rm -f "$torch"
    (cd "$ROOT" && ./mvnw -q -B -ntp dependency:copy \
      -Dartifact="ai.djl.pytorch:pytorch-native-cpu:$torch_version:jar:$PLATFORM" \
      -DoutputDirectory="$OUT/input/lib")
    # the class path in active-labeler.jar's manifest names the linux jar: give it that name
    mv "$OUT/input/lib/pytorch-native-cpu-$torch_version-$PLATFORM.jar" "$torch"
  fi

  # The tokenizers jar carries its native library for five platforms: keep this one.
  local tok others
  tok=$(ls "$OUT"/input/lib/tokenizers-*.jar)
  others=$(unzip -Z1 "$tok" 'native/lib/*' | grep -v "^native/lib/$PLATFORM/" | grep -v '/$' | grep -v '\.properties$' || true)
  [ -z "$others" ] || zip -q -d "$tok" $others
  # JNA's jar likewise (com/sun/jna/<os-arch>/), keep this platform's.
  local jna jna_dir
  jna=$(ls "$OUT"/input/lib/jna-*.jar 2>/dev/null || true)
  case "$PLATFORM" in
    linux-x86_64) jna_dir=linux-x86-64 ;; linux-aarch64) jna_dir=linux-aarch64 ;;
    osx-*) jna_dir=darwin ;; win-x86_64) jna_dir=win32-x86-64 ;;
  esac
  if [ -n "$jna" ]; then
    others=$(unzip -Z1 "$jna" 'com/sun/jna/*/*' | grep -E '^com/sun/jna/[^/]+-[^/]+/|^com/sun/jna/darwin' \
      | grep -v "^com/sun/jna/$jna_dir" || true)
    [ -z "$others" ] || zip -q -d "$jna" $others
  fi

  # The launcher: points the libraries' caches at the user's data folder, then runs cli.Main.
  "$JAVAC" -q --release 17 -d "$OUT/launcher" -cp "$ROOT/target/active-labeler.jar" \
    "$ROOT"/installer/launcher/org/activelabeler/installer/PackagedMain.java 2>/dev/null \
    || "$JAVAC" --release 17 -d "$OUT/launcher" -cp "$ROOT/target/active-labeler.jar" \
    "$ROOT"/installer/launcher/org/activelabeler/installer/PackagedMain.java
  printf 'Class-Path: active-labeler.jar\n' > "$OUT/launcher.mf"
  "$JAR" --create --file "$OUT/input/active-labeler-launcher.jar" --manifest "$OUT/launcher.mf" \
    --main-class org.activelabeler.installer.PackagedMain -C "$OUT/launcher" .
}

# jlink a trimmed runtime: the JDK modules the app and its libraries need, no JavaFX modules (the
# JavaFX jars stay on the class path with their natives, since the app is not modular).
build_runtime() {
  local modules
  modules=$("$JDEPS" --ignore-missing-deps --print-module-deps --multi-release 17 \
    --class-path "$OUT/input/lib/*" "$OUT/input/active-labeler.jar" | tail -n 1)
  modules="$modules,$EXTRA_MODULES"
  log "jlink modules: $modules"
  rm -rf "$OUT/runtime"
  "$JLINK" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive --output "$OUT/runtime" 2>/dev/null \
  || "$JLINK" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --output "$OUT/runtime"
  # the CDS archive for heaps over 32 GB (no compressed oops): 11 MB that annotators never use
  rm -f "$OUT/runtime/lib/server/classes_nocoops.jsa"
}

# Options of the launcher, the same on every system.
# Half the memory as the heap's ceiling (Java's own default is a quarter): a million texts need about 7 GB,
# and the heap only grows that far when a dataset needs it.
JAVA_OPTIONS=(--java-options '-Dai.djl.offline=true' --java-options '-XX:MaxRAMPercentage=50')
