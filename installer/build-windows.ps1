# Windows recipe: builds a .msi (default) or .exe installer with the JDK's jpackage.
# NOT built or tested by this project: the build machine is Linux and jpackage only packages for the
# OS it runs on. Run it on Windows 10/11 x64:
#   powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1 [-Type exe]
# Needs: JDK 17+ (jpackage), Maven, and the WiX Toolset 3.x (candle.exe, light.exe on PATH; the
# jpackage of JDK 17 does not work with WiX 4 or later).
# Native libraries: ND4J's natives are chosen by -Djavacpp.platform (the root pom defaults to
# linux-x86_64), so this script passes windows-x86_64; JavaFX picks its "win" jars by itself from the
# OS Maven runs on. Installs per user (no admin rights needed), with a Start menu entry, a desktop
# shortcut and *.stlab presets opening in the program (the file arrives as the first argument).
param([ValidateSet("msi", "exe")][string]$Type = "msi")
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

mvn -B -q -Pinstaller "-Djavacpp.platform=windows-x86_64" -pl app -am -DskipTests package
if ($LASTEXITCODE -ne 0) { throw "maven build failed" }

$out = "target\installer"
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input\presets" | Out-Null
$appJar = Get-ChildItem app\target\app-*.jar | Select-Object -First 1
Copy-Item $appJar.FullName, app\target\installer-lib\*.jar "$out\input"
Copy-Item presets\*.json "$out\input\presets"
$version = $appJar.BaseName -replace '^app-', '' -replace '-SNAPSHOT$', ''
$modules = (Get-Content installer\modules.txt | Where-Object { $_.Trim() -and -not $_.Trim().StartsWith("#") }) -join ","

jpackage --type $Type --name "Transformer Stability Lab" --app-version $version `
  --vendor "Transformer Stability Lab" `
  --description "See why deep Transformers are hard to train: Post-LN, Pre-LN and Admin side by side" `
  --dest $out --input "$out\input" --main-jar $appJar.Name --main-class org.stabilitylab.app.Launcher `
  --add-modules $modules --java-options "-Xmx3g" `
  --icon installer\windows\app.ico `
  --file-associations installer\preset-association.properties `
  --win-per-user-install --win-dir-chooser --win-menu --win-menu-group "Transformer Stability Lab" --win-shortcut `
  --win-upgrade-uuid 5a342e64-63d2-4d2e-b14d-bbd580c0d99b
if ($LASTEXITCODE -ne 0) { throw "jpackage failed" }
Get-ChildItem $out -Filter "*.$Type"
