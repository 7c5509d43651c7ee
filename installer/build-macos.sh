#!/usr/bin/env bash
# Builds the macOS package (.dmg) of Active Labeler. To be run ON macOS (jpackage builds only for the
# system it runs on) with a JDK 17+, zip and unzip. UNTESTED: written on Linux, never run on a Mac.
# Usage: installer/build-macos.sh [app-image|dmg]   (default: dmg). Output in target/installer/.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TYPE=${1:-dmg}
case "$(uname -m)" in arm64) PLATFORM=osx-aarch64 ;;
  *) echo "error: DJL ships libtorch and tokenizers for Apple silicon (osx-aarch64) only" >&2; exit 1 ;; esac
OUT="$ROOT/target/installer"; mkdir -p "$OUT"
. "$ROOT/installer/common.sh"
# The pom's JavaFX jars follow the build machine's system; libtorch is swapped in stage_input.
stage_input
build_runtime
# The icon: .icns made from assets/active-labeler.png with the system's tools.
ICONSET="$OUT/active-labeler.iconset"; rm -rf "$ICONSET"; mkdir -p "$ICONSET"
for s in 16 32 128 256; do
  sips -z $s $s "$ROOT/assets/active-labeler.png" --out "$ICONSET/icon_${s}x${s}.png" >/dev/null
  sips -z $((s * 2)) $((s * 2)) "$ROOT/assets/active-labeler.png" --out "$ICONSET/icon_${s}x${s}@2x.png" >/dev/null
done
iconutil -c icns "$ICONSET" -o "$OUT/active-labeler.icns"
"$JPACKAGE" --type "$TYPE" --name "Active Labeler" --app-version "$APP_VERSION" --vendor "Active Labeler" \
  --description "Human-in-the-loop active learning for review sentiment" \
  --input "$OUT/input" --main-jar active-labeler-launcher.jar \
  --main-class org.activelabeler.installer.PackagedMain \
  --runtime-image "$OUT/runtime" --icon "$OUT/active-labeler.icns" \
  --file-associations "$ROOT/installer/csv-association.properties" \
  --mac-package-identifier org.activelabeler.app --mac-package-name "Active Labeler" \
  "${JAVA_OPTIONS[@]}" --dest "$OUT"
log "built in $OUT. The command line: '/Applications/Active Labeler.app/Contents/MacOS/Active Labeler' simulate ..."
