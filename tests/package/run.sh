#!/usr/bin/env bash
# Package test: pack both packages with a unique version into a private feed, then use DeepSeek.Analyzers
# from a fresh consumer project as a user would. Fails on the first broken expectation.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# NuGet caches packages by id and version: a unique version and a private packages folder make sure the
# consumer gets the package just built.
version="0.0.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
feed="$work/feed"
mkdir -p "$feed"

step() { printf '\n== package test: %s\n' "$*"; }
fail() { printf 'PACKAGE TEST FAILED: %s\n' "$*" >&2; exit 1; }

step "pack $version"
dotnet pack "$root/src/DeepSeek.Analyzers.Package/DeepSeek.Analyzers.Package.csproj" -c Release -o "$feed" \
  -p:Version="$version" -p:TreatWarningsAsErrors=true -nologo -v:q
dotnet pack "$root/src/DeepSeek.Runtime/DeepSeek.Runtime.csproj" -c Release -o "$feed" \
  -p:Version="$version" -p:TreatWarningsAsErrors=true -nologo -v:q

analyzers="$feed/DeepSeek.Analyzers.$version.nupkg"
runtime="$feed/DeepSeek.Runtime.$version.nupkg"
[ -f "$analyzers" ] || fail "DeepSeek.Analyzers.$version.nupkg was not produced"
[ -f "$runtime" ] || fail "DeepSeek.Runtime.$version.nupkg was not produced"

step "check the analyzer package's files"
unzip -Z1 "$analyzers" | sort > "$work/files.txt"
cat "$work/files.txt"
grep -qx 'analyzers/dotnet/cs/DeepSeek.Analyzers.CSharp.dll' "$work/files.txt" || fail "analyzer DLL missing"
grep -qx 'analyzers/dotnet/cs/DeepSeek.Analyzers.CodeFixes.dll' "$work/files.txt" || fail "code-fix DLL missing"
grep -qx 'README.md' "$work/files.txt" || fail "README missing"
grep -qx 'build/DeepSeek.Analyzers.props' "$work/files.txt" || fail "build props missing"
if grep -q '^lib/' "$work/files.txt"; then fail "the analyzer package must not have a lib/ folder"; fi
dlls=$(grep -c '\.dll$' "$work/files.txt" || true)
[ "$dlls" = "2" ] || fail "expected exactly 2 DLLs in the analyzer package, found $dlls"
nuspec=$(unzip -p "$analyzers" DeepSeek.Analyzers.nuspec)
echo "$nuspec" | grep -q '<developmentDependency>true</developmentDependency>' || fail "not a development dependency"
echo "$nuspec" | grep -q '<license type="expression">MIT</license>' || fail "license metadata missing"
echo "$nuspec" | grep -q '<readme>README.md</readme>' || fail "readme metadata missing"
if echo "$nuspec" | grep -q '<dependency '; then fail "the analyzer package must have no dependencies"; fi

step "check the runtime package's files"
unzip -Z1 "$runtime" | sort > "$work/runtime-files.txt"
cat "$work/runtime-files.txt"
grep -q '^lib/netstandard2.0/DeepSeek.Runtime.dll$' "$work/runtime-files.txt" || fail "runtime DLL missing"
grep -q '^lib/netstandard2.0/DeepSeek.Runtime.xml$' "$work/runtime-files.txt" || fail "runtime XML docs missing"

step "consumer: restore from the private feed"
consumer="$work/consumer"
cp -r "$root/tests/PackageConsumer" "$consumer"
rm -rf "$consumer/bin" "$consumer/obj"
cat > "$consumer/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$work/packages" /></config>
  <packageSources><add key="local-feed" value="$feed" /></packageSources>
</configuration>
XML
cat > "$consumer/Directory.Build.props" <<XML
<Project>
  <PropertyGroup><DeepSeekAnalyzersVersion>$version</DeepSeekAnalyzersVersion></PropertyGroup>
</Project>
XML
cd "$consumer"
dotnet restore PackageConsumer.csproj -nologo -v:q

step "consumer: the build must fail with DSK002 at Program.cs(5,27) and DSK001 at Backup.cs(6,75)"
if dotnet build PackageConsumer.csproj --no-restore -nologo -p:TreatWarningsAsErrors=true > "$work/build1.log" 2>&1; then
  cat "$work/build1.log"; fail "the build passed although Program.cs uses deepseek-chat"
fi
grep 'DSK' "$work/build1.log" | sort -u || true
grep -q 'Program.cs(5,27): error DSK002' "$work/build1.log" || { cat "$work/build1.log"; fail "no 'error DSK002' at Program.cs(5,27)"; }
grep -q 'docs/rules/DSK002.md' "$work/build1.log" || fail "DSK002's docs link is not in the build output"
grep -q "Backup.cs(6,75): error DSK001: Hard-coded API key 'sk-…3a8c'" "$work/build1.log" || { cat "$work/build1.log"; fail "no masked 'error DSK001' at Backup.cs(6,75)"; }
if grep -q '4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c' "$work/build1.log"; then fail "the build output prints the whole key"; fi
grep -q "Setup.cs(6,71): error DSK001" "$work/build1.log" || { cat "$work/build1.log"; fail "no 'error DSK001' at Setup.cs(6,71)"; }

step "consumer: dotnet format analyzers --diagnostics DSK002 applies the fix"
dotnet format analyzers PackageConsumer.csproj --diagnostics DSK002 --no-restore
cat Program.cs
grep -q 'new ChatClient("deepseek-flash", key)' Program.cs || fail "the fix did not rewrite the model to deepseek-flash"
if grep -qi 'deepseek-chat' Program.cs; then fail "deepseek-chat is still in Program.cs"; fi
dotnet format analyzers PackageConsumer.csproj --diagnostics DSK002 --no-restore --verify-no-changes \
  || fail "dotnet format --verify-no-changes still finds DSK002"

step "consumer: dotnet format analyzers --diagnostics DSK001 reads the key from the environment and removes the SetEnvironmentVariable statement"
dotnet format analyzers PackageConsumer.csproj --diagnostics DSK001 --no-restore
cat Backup.cs
if grep -q 'sk-' Backup.cs; then fail "a key literal is still in Backup.cs"; fi
grep -q 'GetEnvironmentVariable("DEEPSEEK_API_KEY")' Backup.cs || fail "the DSK001 fix did not read DEEPSEEK_API_KEY"
cat Setup.cs
if grep -q 'SetEnvironmentVariable\|sk-' Setup.cs; then fail "the DSK001 fix did not remove the SetEnvironmentVariable statement in the same run"; fi
grep -q 'Console.WriteLine("configured")' Setup.cs || fail "the DSK001 fix removed more than the SetEnvironmentVariable statement"

step "consumer: the build passes after the fix"
dotnet build PackageConsumer.csproj --no-restore -nologo -p:TreatWarningsAsErrors=true > "$work/build2.log" 2>&1 \
  || { cat "$work/build2.log"; fail "the build still fails after the fix"; }

step "consumer without appsettings files: the package adds no AdditionalFiles"
cd "$consumer"
dotnet msbuild PackageConsumer.csproj -getItem:AdditionalFiles -nologo > "$work/additional.json"
if grep -q '"Identity"' "$work/additional.json"; then cat "$work/additional.json"; fail "AdditionalFiles in a project without appsettings files"; fi

step "appsettings consumer: appsettings*.json are AdditionalFiles once each, also when the project lists one itself"
settings="$work/appsettings-consumer"
cp -r "$root/tests/AppSettingsConsumer" "$settings"
rm -rf "$settings/bin" "$settings/obj"
cp "$consumer/NuGet.config" "$settings/NuGet.config"
cp "$consumer/Directory.Build.props" "$settings/Directory.Build.props"
cd "$settings"
dotnet restore AppSettingsConsumer.csproj -nologo -v:q
dotnet msbuild AppSettingsConsumer.csproj -getItem:AdditionalFiles -nologo > "$work/settings-items.json"
[ "$(grep -c '"FullPath": ".*/appsettings.json"' "$work/settings-items.json")" = "1" ] \
  || { cat "$work/settings-items.json"; fail "appsettings.json is not an AdditionalFile exactly once"; }
[ "$(grep -c '"FullPath": ".*/appsettings.Development.json"' "$work/settings-items.json")" = "1" ] \
  || { cat "$work/settings-items.json"; fail "appsettings.Development.json is not an AdditionalFile exactly once"; }

step "appsettings consumer: dotnet build reports the JSON findings at their values"
if dotnet build AppSettingsConsumer.csproj --no-restore -nologo > "$work/settings.log" 2>&1; then
  cat "$work/settings.log"; fail "the build passed although appsettings.json names deepseek-chat and holds a key"
fi
grep 'DSK' "$work/settings.log" | sort -u || true
grep -q 'appsettings.json(5,14): error DSK002' "$work/settings.log" || { cat "$work/settings.log"; fail "no 'error DSK002' at appsettings.json(5,14)"; }
grep -q 'appsettings.json(6,23): warning DSK011' "$work/settings.log" || { cat "$work/settings.log"; fail "no 'warning DSK011' at appsettings.json(6,23)"; }
grep -q "appsettings.json(7,15): error DSK001: Hard-coded API key 'sk-…3a8c'" "$work/settings.log" || { cat "$work/settings.log"; fail "no masked 'error DSK001' at appsettings.json(7,15)"; }
grep -q 'appsettings.Development.json(2,47): warning DSK003' "$work/settings.log" || { cat "$work/settings.log"; fail "no 'warning DSK003' at appsettings.Development.json(2,47)"; }
if grep -q 'appsettings.json(9,' "$work/settings.log"; then fail "the OpenRouter section (another host) is reported"; fi
if grep -q '4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c' "$work/settings.log"; then fail "the build output prints the whole key"; fi

# dotnet format cannot apply a fix to a diagnostic in an additional file: its analyzer runner keeps only diagnostics
# whose location is in a source document (Location.SourceTree), so the JSON model-id fixes (which an IDE applies)
# are never offered to it. Checked here so that this test fails, and the docs get updated, once dotnet format can.
step "appsettings consumer: dotnet format analyzers leaves appsettings.json as it is (documented limitation)"
cp appsettings.json "$work/appsettings.before.json"
dotnet format analyzers AppSettingsConsumer.csproj --diagnostics DSK002 DSK003 DSK011 --no-restore -v:n > "$work/settings-format.log" 2>&1 \
  || { cat "$work/settings-format.log"; fail "dotnet format analyzers failed on the appsettings consumer"; }
cat "$work/settings-format.log"
cmp -s appsettings.json "$work/appsettings.before.json" \
  || fail "dotnet format now changes appsettings.json: check the fix and update docs/appsettings.md and this test"

step "Blazor WebAssembly consumer: DSK009 reports the DeepSeek client at its creation, Program.cs(5,14)"
blazor="$work/blazor-consumer"
cp -r "$root/tests/BlazorConsumer" "$blazor"
rm -rf "$blazor/bin" "$blazor/obj"
cp "$consumer/NuGet.config" "$blazor/NuGet.config"
cp "$consumer/Directory.Build.props" "$blazor/Directory.Build.props"
cd "$blazor"
dotnet build BlazorConsumer.csproj -nologo > "$work/blazor.log" 2>&1 || { cat "$work/blazor.log"; fail "the Blazor WebAssembly consumer does not build"; }
grep 'DSK' "$work/blazor.log" | sort -u || true
grep -q 'Program.cs(5,14): warning DSK009' "$work/blazor.log" || { cat "$work/blazor.log"; fail "no 'warning DSK009' at Program.cs(5,14)"; }

step "runtime consumer: the DeepSeek.Runtime package against a loopback DeepSeek imitation"
runtime_consumer="$work/runtime-consumer"
cp -r "$root/tests/RuntimeConsumer" "$runtime_consumer"
rm -rf "$runtime_consumer/bin" "$runtime_consumer/obj"
cp "$consumer/NuGet.config" "$runtime_consumer/NuGet.config"
cat > "$runtime_consumer/Directory.Build.props" <<XML
<Project>
  <PropertyGroup><DeepSeekRuntimeVersion>$version</DeepSeekRuntimeVersion></PropertyGroup>
</Project>
XML
cd "$runtime_consumer"
dotnet run --project RuntimeConsumer.csproj -nologo -p:TreatWarningsAsErrors=true || fail "the runtime consumer failed"

# ---------------------------------------------------------------------------------------------------------------
# The sample with every fix applied: the README's "First run" step, samples/apply-fixes.sh, with the package packed
# above. Generic on purpose: which rules have a fix comes from the script's rules-with-fix.txt (the README's Rules
# table, checked against the fixers' FixableDiagnosticIds by the meta-tests), not from a list kept here.
step "sample: samples/apply-fixes.sh applies every code fix to a copy of samples/LegacyDeepSeekApp"
sample_out="$work/sample"
bash "$root/samples/apply-fixes.sh" --feed "$feed" --version "$version" --packages "$work/packages" --out "$sample_out" \
  || fail "samples/apply-fixes.sh failed: the fixed sample does not build with -p:TreatWarningsAsErrors=true"
sample_ids() { { grep -oE ': (warning|error) DSK[0-9]+' "$1" || true; } | grep -oE 'DSK[0-9]+' | sort -u; }
sample_ids "$sample_out/build-before.log" > "$work/sample-before.txt"
sample_ids "$sample_out/build-after.log" > "$work/sample-after.txt"
# Findings in appsettings*.json: dotnet format keeps only diagnostics in source documents, so they are left as they were.
sample_json_ids() { { grep -oE '\.json\([0-9,]+\): (warning|error) DSK[0-9]+' "$1" || true; } | grep -oE 'DSK[0-9]+' | sort -u; }
sample_code_ids() { { grep -vE '\.json\([0-9,]+\): ' "$1" | grep -oE ': (warning|error) DSK[0-9]+' || true; } | grep -oE 'DSK[0-9]+' | sort -u; }
sample_json_ids "$sample_out/build-before.log" > "$work/sample-json-before.txt"
sample_json_ids "$sample_out/build-after.log" > "$work/sample-json-after.txt"
sample_code_ids "$sample_out/build-after.log" > "$work/sample-code-after.txt"
sort -u "$sample_out/rules-with-fix.txt" > "$work/sample-with-fix.txt"
sort -u "$sample_out/rules-without-fix.txt" > "$work/sample-without-fix.txt"
[ -s "$work/sample-with-fix.txt" ] || fail "no rule with a fix in the README's Rules table"
fixable_before=$(comm -12 "$work/sample-before.txt" "$work/sample-with-fix.txt" | tr '\n' ' ')
fixable_after=$(comm -12 "$work/sample-code-after.txt" "$work/sample-with-fix.txt" | tr '\n' ' ')
unfixable_lost=$(comm -12 "$work/sample-before.txt" "$work/sample-without-fix.txt" | comm -23 - "$work/sample-after.txt" | tr '\n' ' ')
unknown=$(cat "$work/sample-with-fix.txt" "$work/sample-without-fix.txt" | sort -u | comm -13 - "$work/sample-before.txt" | tr '\n' ' ')
echo "rules reported before the fixes: $(tr '\n' ' ' < "$work/sample-before.txt")(with a fix: $fixable_before)"
echo "rules reported after the fixes: $(tr '\n' ' ' < "$work/sample-after.txt")"
[ -n "$fixable_before" ] || fail "the sample has no finding of a rule with a fix: there is nothing to show"
[ -s "$sample_out/fixes.diff" ] || fail "dotnet format analyzers changed nothing in the copy of the sample"
[ -z "$fixable_after" ] || fail "findings in code of rules with a fix are left after dotnet format: $fixable_after"
[ -s "$work/sample-json-before.txt" ] || fail "the sample's appsettings.json reports nothing through the package"
cmp -s "$work/sample-json-before.txt" "$work/sample-json-after.txt" \
  || fail "the findings in the sample's appsettings.json changed after dotnet format: $(tr '\n' ' ' < "$work/sample-json-after.txt")"
[ -z "$unfixable_lost" ] || fail "the fixed sample's build no longer reports $unfixable_lost: did the analyzers run?"
[ -z "$unknown" ] || fail "the sample reports rules missing from the README's Rules table: $unknown"
grep -q 'Build succeeded' "$sample_out/build-after.log" || fail "no successful build of the fixed sample"
diff -r -x bin -x obj "$root/samples/LegacyDeepSeekApp" "$sample_out/original/LegacyDeepSeekApp" > /dev/null \
  || fail "samples/apply-fixes.sh changed the committed sample"
# ---------------------------------------------------------------------------------------------------------------

step "passed"
