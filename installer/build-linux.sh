#!/usr/bin/env bash
# Builds the Linux packages with the JDK's jpackage: an app-image (a folder that runs in place) and a
# .deb (installs to /opt/stability-lab, adds a menu entry and the *.stlab preset file type).
#
#   bash installer/build-linux.sh               app-image + .deb into target/installer/
#   bash installer/build-linux.sh --image-only  app-image only (what installer/smoke-test.sh uses)
#
# Needs: JDK 17+ with jpackage, Maven, and for the .deb dpkg-deb and fakeroot
# (Debian/Ubuntu: apt-get install openjdk-17-jdk maven fakeroot).
# Environment: MVN_FLAGS (default "-B -q"; add -o to stay offline), JDEPS_CHECK=0 skips the module check.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/target/installer
name=stability-lab
types=(app-image deb)
if [ "${1:-}" = "--image-only" ]; then
  types=(app-image)
elif [ -n "${1:-}" ]; then
  echo "usage: bash installer/build-linux.sh [--image-only]" >&2
  exit 2
fi

need() {
  command -v "$1" >/dev/null 2>&1 || { echo "build-linux: '$1' not found; $2" >&2; exit 1; }
}
need mvn "install Maven (apt-get install maven)"
need jpackage "install a full JDK 17+ (apt-get install openjdk-17-jdk); a JRE has no jpackage"
need jdeps "install a full JDK 17+ (apt-get install openjdk-17-jdk)"
if [[ " ${types[*]} " == *" deb "* ]]; then
  need dpkg-deb "the .deb needs dpkg (Debian/Ubuntu), or use --image-only"
  need fakeroot "apt-get install fakeroot"
fi

seconds() { date +%s; }
t0=$(seconds)

# 1. the app jar and every runtime jar (JavaFX, ND4J natives for ${javacpp.platform}) into app/target/installer-lib
# shellcheck disable=SC2086
mvn ${MVN_FLAGS:--B -q} -Pinstaller -pl app -am -DskipTests package
app_jar=$(ls app/target/app-*.jar | head -1)
version=$(unzip -p "$app_jar" META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *\([0-9.]*\).*/\1/p' | tr -d '\r')
version=${version:-0.0.0}
t_maven=$(seconds)

# 2. jpackage's input folder: it becomes lib/app, every jar there goes on the class path
rm -rf "$out"
mkdir -p "$out/input/presets"
cp "$app_jar" app/target/installer-lib/*.jar "$out/input/"
cp presets/*.json "$out/input/presets/"   # also inside the engine jar; loose copies for teachers to copy and edit

# 3. the runtime's modules: installer/modules.txt, checked against what jdeps sees in the jars
modules=$(grep -v '^\s*#' installer/modules.txt | grep -v '^\s*$' | paste -sd, -)
if [ "${JDEPS_CHECK:-1}" != 0 ]; then
  # jdeps cannot read several of these jars as modules (broken or JavaFX module-info), so it reads their
  # classes unpacked, as the class path sees them
  classes=$out/jdeps-classes
  mkdir -p "$classes"
  for j in "$out"/input/*.jar; do
    unzip -qqo "$j" '*.class' -x '*module-info.class' 'META-INF/*' -d "$classes" 2>/dev/null || true
  done
  found=$(jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps "$classes")
  rm -rf "$classes"
  missing=$(comm -23 <(tr , '\n' <<<"$found" | sort -u) <(tr , '\n' <<<"$modules" | sort -u))
  if [ -n "$missing" ]; then
    echo "build-linux: jdeps says the app needs modules that installer/modules.txt lacks: $(echo $missing)" >&2
    echo "             add them there (jdeps found: $found)" >&2
    exit 1
  fi
  echo "jdeps: $found (all in installer/modules.txt)"
fi
t_jdeps=$(seconds)

common=(--name "$name" --app-version "$version"
        --vendor "Transformer Stability Lab"
        --description "See why deep Transformers are hard to train: Post-LN, Pre-LN and Admin side by side")

# 4. the app-image: launcher, trimmed runtime (jlink), the jars and presets
jpackage --type app-image "${common[@]}" --dest "$out" \
  --input "$out/input" --main-jar "$(basename "$app_jar")" --main-class org.stabilitylab.app.Launcher \
  --add-modules "$modules" \
  --icon resources/icons/app-256.png \
  --java-options -Xmx3g
rm -rf "$out/input"
t_image=$(seconds)
echo "app-image: $out/$name ($(du -sh "$out/$name" | cut -f1); runtime $(du -sh "$out/$name/lib/runtime" | cut -f1)," \
  "jars $(du -sh "$out/$name/lib/app" | cut -f1)) in $((t_image - t_jdeps)) s"

# 5. the .deb from that image: menu entry (Education), *.stlab association, GTK as a dependency
#    (JavaFX's natives sit inside its jars, so jpackage cannot see that it needs libgtk-3-0).
#    gzip: the jars are compressed already, dpkg's default xz takes minutes and saves almost nothing.
if [[ " ${types[*]} " == *" deb "* ]]; then
  DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} \
  jpackage --type deb "${common[@]}" --dest "$out" --app-image "$out/$name" \
    --icon resources/icons/app-256.png \
    --resource-dir installer/linux/resources \
    --linux-shortcut --linux-menu-group Education --linux-app-category education \
    --linux-package-deps libgtk-3-0 \
    --file-associations installer/preset-association.properties
  t_deb=$(seconds)
  deb=$(ls "$out"/*.deb)
  echo "deb: $deb ($(du -h "$deb" | cut -f1)) in $((t_deb - t_image)) s"
fi
echo "build-linux: done in $(($(seconds) - t0)) s (maven $((t_maven - t0)) s, jdeps check $((t_jdeps - t_maven)) s)"
