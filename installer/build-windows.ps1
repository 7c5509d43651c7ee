# Builds the Windows package (.msi) of Active Labeler. To be run ON Windows (jpackage builds only for the
# system it runs on) with a JDK 17+ and the WiX Toolset 3 on the PATH (jpackage needs candle.exe/light.exe).
# UNTESTED: written on Linux, never run on Windows.
# Usage (PowerShell, in the repository root):  powershell -ExecutionPolicy Bypass -File installer\build-windows.ps1
# Output: target\installer\Active Labeler-<version>.msi. Unlike build-linux.sh it does not trim the jars.
$ErrorActionPreference = 'Stop'
$Root = Resolve-Path (Join-Path $PSScriptRoot '..')
$Out = Join-Path $Root 'target\installer'
$Bin = if ($env:JAVA_HOME) { Join-Path $env:JAVA_HOME 'bin' } else { Split-Path (Get-Command javac).Source }
Push-Location $Root
try {
  & .\mvnw.cmd -q -B -ntp package -DskipTests; if ($LASTEXITCODE) { throw 'maven build failed' }
  Remove-Item -Recurse -Force "$Out\input", "$Out\launcher", "$Out\runtime" -ErrorAction SilentlyContinue
  New-Item -ItemType Directory -Force "$Out\input\lib", "$Out\launcher" | Out-Null
  Copy-Item target\active-labeler.jar "$Out\input\"
  Copy-Item target\lib\*.jar "$Out\input\lib\"
  # libtorch for Windows instead of the pom's linux-x86_64 jar (kept under the name the manifest uses).
  $torch = Get-ChildItem "$Out\input\lib\pytorch-native-cpu-*.jar" | Select-Object -First 1
  $ver = ($torch.Name -replace '^pytorch-native-cpu-([0-9.]+)-.*$', '$1')
  Remove-Item $torch.FullName
  & .\mvnw.cmd -q -B -ntp dependency:copy "-Dartifact=ai.djl.pytorch:pytorch-native-cpu:${ver}:jar:win-x86_64" "-DoutputDirectory=$Out\input\lib"
  if ($LASTEXITCODE) { throw 'cannot fetch libtorch for Windows' }
  Move-Item "$Out\input\lib\pytorch-native-cpu-$ver-win-x86_64.jar" $torch.FullName
  # The launcher class (caches in %APPDATA%\Active Labeler, DJL offline).
  & "$Bin\javac" --release 17 -d "$Out\launcher" -cp target\active-labeler.jar installer\launcher\org\activelabeler\installer\PackagedMain.java
  Set-Content -Encoding ascii "$Out\launcher.mf" 'Class-Path: active-labeler.jar'
  & "$Bin\jar" --create --file "$Out\input\active-labeler-launcher.jar" --manifest "$Out\launcher.mf" --main-class org.activelabeler.installer.PackagedMain -C "$Out\launcher" .
  # The trimmed runtime (the module list build-linux.sh finds with jdeps, plus the reflective ones).
  $modules = (& "$Bin\jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 --class-path "$Out\input\lib\*" "$Out\input\active-labeler.jar" | Select-Object -Last 1)
  $modules = "$modules,jdk.crypto.ec,jdk.zipfs,java.management,jdk.unsupported,java.naming,java.sql,java.desktop,java.net.http"
  & "$Bin\jlink" --add-modules $modules --strip-debug --no-header-files --no-man-pages --compress=2 --output "$Out\runtime"
  $version = (Select-String -Path pom.xml -Pattern '<version>([0-9.]+)</version>' | Select-Object -First 1).Matches[0].Groups[1].Value
  & "$Bin\jpackage" --type msi --name 'Active Labeler' --app-version $version --vendor 'Active Labeler' `
    --description 'Human-in-the-loop active learning for review sentiment' `
    --input "$Out\input" --main-jar active-labeler-launcher.jar --main-class org.activelabeler.installer.PackagedMain `
    --runtime-image "$Out\runtime" --icon assets\active-labeler.ico `
    --file-associations installer\csv-association.properties `
    --add-launcher "active-labeler=installer\windows-cli-launcher.properties" `
    --win-menu --win-menu-group 'Active Labeler' --win-shortcut --win-dir-chooser `
    --win-upgrade-uuid 6f1d2c4e-5a8b-4c1e-9d3f-2a7b8c9d0e1f `
    --java-options '-Dai.djl.offline=true' --java-options '-XX:MaxRAMPercentage=50' --dest $Out
  if ($LASTEXITCODE) { throw 'jpackage failed' }
} finally { Pop-Location }
