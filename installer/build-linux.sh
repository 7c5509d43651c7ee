#!/usr/bin/env bash
# Builds the Linux packages of Active Labeler: an app image and a .deb, with a jlink'ed Java runtime.
# Usage: installer/build-linux.sh [app-image|deb|all]   (default: all)
# Output: target/installer/active-labeler/ (app image), target/installer/active-labeler_<version>_amd64.deb
# Needs: a JDK 17+ (jlink, jpackage), zip, unzip; for the .deb also dpkg-deb and fakeroot
#        (apt-get install -y --no-install-recommends fakeroot dpkg-dev zip unzip).
# REBUILD=1 rebuilds target/active-labeler.jar first (else it is built only when missing).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TYPE=${1:-all}
case "$TYPE" in app-image|deb|all) ;; *) echo "usage: $0 [app-image|deb|all]" >&2; exit 2 ;; esac
case "$(uname -m)" in x86_64) PLATFORM=linux-x86_64 ;; aarch64) PLATFORM=linux-aarch64 ;;
  *) echo "error: unsupported machine $(uname -m)" >&2; exit 1 ;; esac
OUT="$ROOT/target/installer"
mkdir -p "$OUT"
# shellcheck source=installer/common.sh
. "$ROOT/installer/common.sh"

stage_input
build_runtime

COMMON=(--name active-labeler --app-version "$APP_VERSION" --vendor "Active Labeler"
  --description "Human-in-the-loop active learning for review sentiment"
  --copyright "Active Labeler authors"
  --input "$OUT/input" --main-jar active-labeler-launcher.jar
  --main-class org.activelabeler.installer.PackagedMain
  --runtime-image "$OUT/runtime" --icon "$ROOT/assets/active-labeler.png"
  "${JAVA_OPTIONS[@]}" --dest "$OUT")

if [ "$TYPE" = app-image ] || [ "$TYPE" = all ]; then
  log "jpackage app image"
  rm -rf "$OUT/active-labeler"
  "$JPACKAGE" --type app-image "${COMMON[@]}"
  log "app image: $OUT/active-labeler ($(du -sh "$OUT/active-labeler" | cut -f1)); run $OUT/active-labeler/bin/active-labeler"
fi

if [ "$TYPE" = deb ] || [ "$TYPE" = all ]; then
  for tool in dpkg-deb fakeroot; do
    command -v "$tool" >/dev/null || { echo "error: $tool missing (apt-get install fakeroot dpkg-dev)" >&2; exit 1; }
  done
  log "jpackage .deb"
  rm -f "$OUT"/active-labeler_*.deb
  "$JPACKAGE" --type deb "${COMMON[@]}" \
    --resource-dir "$ROOT/installer/linux" \
    --file-associations "$ROOT/installer/csv-association.properties" \
    --linux-package-name active-labeler --linux-menu-group "Education;Science" --linux-shortcut \
    --linux-app-category science --linux-deb-maintainer "maintainers@activelabeler.org" \
    --install-dir /opt
  DEB=$(ls "$OUT"/active-labeler_*.deb)
  log "package: $DEB ($(du -h "$DEB" | cut -f1)); install with: sudo apt install $DEB"
fi
