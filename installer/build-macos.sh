#!/usr/bin/env bash
# macOS recipe: builds a .dmg with the JDK's jpackage.
# NOT built or tested by this project: the build machine is Linux and jpackage only packages for the
# OS it runs on. Run it on macOS 11+ with a JDK 17+ of the Mac's own architecture and Maven:
#   bash installer/build-macos.sh
# Native libraries: ND4J's natives are chosen by -Djavacpp.platform (the root pom defaults to
# linux-x86_64): macosx-x86_64 on Intel, macosx-arm64 on Apple Silicon (picked below from `uname -m`).
# Check that nd4j-native 1.0.0-M2.1 is published with the macosx-arm64 classifier before relying on it;
# if not, build with an x86_64 JDK and JAVACPP_PLATFORM=macosx-x86_64 (runs under Rosetta 2).
# JavaFX picks its "mac" / "mac-aarch64" jars by itself from the JDK Maven runs on.
# Known limits: the .dmg is not signed or notarised (first start: right-click > Open); a *.stlab file
# double-clicked in Finder starts the program but macOS hands the file over as an Apple Event, which
# the program does not read yet, so it opens on the default preset (`open -a "Transformer Stability Lab"
# --args FILE` does pass the file).
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -m)" in
  arm64) platform=${JAVACPP_PLATFORM:-macosx-arm64} ;;
  *) platform=${JAVACPP_PLATFORM:-macosx-x86_64} ;;
esac

# shellcheck disable=SC2086
mvn ${MVN_FLAGS:--B -q} -Pinstaller -Djavacpp.platform="$platform" -pl app -am -DskipTests package
out=target/installer
rm -rf "$out"
mkdir -p "$out/input/presets" "$out/app.iconset"
app_jar=$(ls app/target/app-*.jar | head -1)
cp "$app_jar" app/target/installer-lib/*.jar "$out/input/"
cp presets/*.json "$out/input/presets/"
version=$(basename "$app_jar" .jar); version=${version#app-}; version=${version%-SNAPSHOT}
modules=$(grep -v '^\s*#' installer/modules.txt | grep -v '^\s*$' | paste -sd, -)

# the .icns from the same PNG the Linux package and the window use
for s in 16 32 128 256; do
  sips -z $s $s resources/icons/app-256.png --out "$out/app.iconset/icon_${s}x${s}.png" >/dev/null
done
cp resources/icons/app-256.png "$out/app.iconset/icon_128x128@2x.png"
iconutil -c icns "$out/app.iconset" -o "$out/app.icns"

jpackage --type dmg --name "Transformer Stability Lab" --app-version "$version" \
  --vendor "Transformer Stability Lab" \
  --description "See why deep Transformers are hard to train: Post-LN, Pre-LN and Admin side by side" \
  --dest "$out" --input "$out/input" --main-jar "$(basename "$app_jar")" --main-class org.stabilitylab.app.Launcher \
  --add-modules "$modules" --java-options -Xmx3g \
  --icon "$out/app.icns" \
  --file-associations installer/preset-association.properties \
  --mac-package-identifier org.stabilitylab.app --mac-package-name "Stability Lab"
ls -la "$out"/*.dmg
