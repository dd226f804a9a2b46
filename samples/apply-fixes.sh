#!/usr/bin/env bash
# Applies every code fix of DeepSeek.Analyzers to a COPY of samples/LegacyDeepSeekApp and shows the three steps:
# the findings, what `dotnet format analyzers --severity info` changes (a diff), and a build of the fixed copy
# with -p:TreatWarningsAsErrors=true in which only rules without a code fix may still report, as warnings.
# Findings in appsettings*.json are the exception: dotnet format keeps only diagnostics located in source documents,
# so it cannot apply their fixes (an IDE's light bulb or Fix All can); they are listed as left and stay warnings.
# The committed sample is never changed.
#
# Usage: samples/apply-fixes.sh [--out DIR] [--feed DIR --version VERSION] [--packages DIR]
#   --out DIR           keep the copies, the diff and the logs in DIR (a new folder); default: a temporary folder
#                       that is deleted at the end
#   --feed, --version   use a DeepSeek.Analyzers package already packed into the folder DIR (the package test
#                       does); default: pack it from this repository with a unique version
#   --packages DIR      NuGet packages folder for the copy; default: a private one in the work folder, so the
#                       package just packed is the one used and your NuGet cache stays untouched
#
# Why a copy and the package, not `dotnet format` on the sample itself: the sample keeps its findings warnings with
# WarningsNotAsErrors (so that the repository builds with -p:TreatWarningsAsErrors=true), and dotnet format skips
# every rule named there (https://github.com/dotnet/format/issues/1643).
#
# "Has a fix" comes from the Fix column of the README's Rules table, which the test suite checks against the
# FixableDiagnosticIds of the package's code fixes.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
sample_name=LegacyDeepSeekApp
sample="$root/samples/$sample_name"

out="" feed="" version="" packages=""
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=${2:?"--out needs a folder"}; shift 2 ;;
    --feed) feed=${2:?"--feed needs a folder"}; shift 2 ;;
    --version) version=${2:?"--version needs a version"}; shift 2 ;;
    --packages) packages=${2:?"--packages needs a folder"}; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "apply-fixes: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
done
if { [ -n "$feed" ] && [ -z "$version" ]; } || { [ -z "$feed" ] && [ -n "$version" ]; }; then
  echo "apply-fixes: --feed and --version go together" >&2; exit 2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 MSBUILDDISABLENODEREUSE=1

if [ -n "$out" ]; then
  if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then echo "apply-fixes: $out exists and is not empty" >&2; exit 2; fi
  mkdir -p "$out"
  work=$(cd "$out" && pwd)
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
[ -n "$packages" ] || packages="$work/packages"
mkdir -p "$packages"
packages=$(cd "$packages" && pwd)

# Paths written into MSBuild and NuGet files must be native ones: under Git Bash on Windows, C:/... rather than /c/...
native_path() { if command -v cygpath > /dev/null; then cygpath -m "$1"; else printf '%s' "$1"; fi; }
step() { printf '\n== apply-fixes: %s\n' "$*"; }
fail() { printf 'apply-fixes FAILED: %s\n' "$*" >&2; exit 1; }
dsk_ids() { { grep -oE ': (warning|error) DSK[0-9]+' "$1" || true; } | grep -oE 'DSK[0-9]+' | sort -u | tr '\n' ' '; }
# The ids of findings in appsettings*.json, and of findings in code (every other file).
json_ids() { { grep -oE '\.json\([0-9,]+\): (warning|error) DSK[0-9]+' "$1" || true; } | grep -oE 'DSK[0-9]+' | sort -u | tr '\n' ' '; }
code_ids() { { grep -vE '\.json\([0-9,]+\): ' "$1" | grep -oE ': (warning|error) DSK[0-9]+' || true; } | grep -oE 'DSK[0-9]+' | sort -u | tr '\n' ' '; }
# One line per finding, without the path, the project and the docs link that the build output adds.
findings() {
  { grep -E ': (warning|error) DSK[0-9]+' "$1" || true; } \
    | sed -E "s# \[[^]]*\]\$##; s# \(https?://[^)]*\)\$##; s#^.*[/\\]$sample_name[/\\]##" | sort -u -V
}

# Rules table rows look like "| DSK002 | Title | Error | Yes | [DSK002](docs/rules/DSK002.md) |".
rules_table=$(grep -E '^\| DSK[0-9]+ \|' "$root/README.md" | awk -F'|' '{ gsub(/ /, "", $2); gsub(/ /, "", $5); print $2, $5 }')
awk '$2 == "Yes" { print $1 }' <<< "$rules_table" > "$work/rules-with-fix.txt"
awk '$2 == "No" { print $1 }' <<< "$rules_table" > "$work/rules-without-fix.txt"
[ -s "$work/rules-with-fix.txt" ] || fail "no rule with a fix in the README's Rules table"
all_rules=$(cut -d' ' -f1 <<< "$rules_table" | tr '\n' ' ')
without_fix=$(paste -sd';' "$work/rules-without-fix.txt")

if [ -z "$feed" ]; then
  version="0.0.0-sample.$(date -u +%Y%m%d%H%M%S).$$"
  feed="$work/feed"
  step "pack DeepSeek.Analyzers $version"
  dotnet pack "$root/src/DeepSeek.Analyzers.Package/DeepSeek.Analyzers.Package.csproj" -c Release -o "$feed" \
    -p:Version="$version" -nologo -v:q
fi
feed=$(cd "$feed" && pwd)
[ -f "$feed/DeepSeek.Analyzers.$version.nupkg" ] || fail "no DeepSeek.Analyzers.$version.nupkg in $feed"

step "copy samples/$sample_name to $work/fixed (the committed sample is not changed)"
mkdir -p "$work/original" "$work/fixed"
for copy in original fixed; do
  cp -R "$sample" "$work/$copy/$sample_name"
  rm -rf "$work/$copy/$sample_name/bin" "$work/$copy/$sample_name/obj"
done
fixed="$work/fixed/$sample_name"
# The copy builds as the committed sample does (the repository's build settings and SDK), but takes the analyzers
# from the package: outside the repository the references to their source projects lead nowhere.
[ -f "$root/global.json" ] && cp "$root/global.json" "$work/fixed/global.json"
cat > "$work/fixed/NuGet.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config><add key="globalPackagesFolder" value="$(native_path "$packages")" /></config>
  <packageSources><add key="deepseek-analyzers-local" value="$(native_path "$feed")" /></packageSources>
</configuration>
XML
cat > "$work/fixed/Directory.Build.props" <<XML
<Project>
  <Import Project="$(native_path "$root")/Directory.Build.props" />
</Project>
XML
cat > "$work/fixed/Directory.Build.targets" <<XML
<Project>
  <ItemGroup>
    <_DeepSeekAnalyzerSource Include="analyzer projects" OutputItemType="Analyzer" />
    <ProjectReference Remove="@(_DeepSeekAnalyzerSource)" MatchOnMetadata="OutputItemType" />
    <PackageReference Include="DeepSeek.Analyzers" Version="$version" PrivateAssets="all" />
    <!-- Every rule at least a warning, so that a finding of an Info rule shows in the build output too. -->
    <GlobalAnalyzerConfigFiles Include="\$(MSBuildThisFileDirectory)deepseek-rules.globalconfig" />
  </ItemGroup>
  <PropertyGroup>
    <!-- dotnet format skips every rule named in WarningsNotAsErrors: only the rules without a fix stay there, and
         (in the last build only) the rules of findings in appsettings*.json, which dotnet format cannot fix. -->
    <WarningsNotAsErrors>\$([System.Text.RegularExpressions.Regex]::Replace('\$(WarningsNotAsErrors)', 'DSK[0-9]+;?', ''));$without_fix;\$(DeepSeekAppSettingsFindings)</WarningsNotAsErrors>
  </PropertyGroup>
</Project>
XML
{
  echo "is_global = true"
  for id in $all_rules; do echo "dotnet_diagnostic.$id.severity = warning"; done
} > "$work/fixed/deepseek-rules.globalconfig"

cd "$fixed"
dotnet restore "$sample_name.csproj" -nologo -v:q

step "1. the findings (dotnet build)"
dotnet build "$sample_name.csproj" --no-restore -nologo -p:TreatWarningsAsErrors=false > "$work/build-before.log" 2>&1 \
  || { cat "$work/build-before.log"; fail "the copy of the sample does not build"; }
findings "$work/build-before.log"
echo "rules reported: $(dsk_ids "$work/build-before.log")"
json_before=$(json_ids "$work/build-before.log")
json_before=${json_before% }

step "2. the fixes (dotnet format analyzers --severity info)"
dotnet format analyzers "$sample_name.csproj" --severity info --no-restore -v:n 2>&1 | tee "$work/format.log" \
  | grep -E 'Formatted|Unable to fix' | sed -E "s#'[^']*/$sample_name/#'#" || true
(cd "$work" && diff -ru -x bin -x obj "original/$sample_name" "fixed/$sample_name") > "$work/fixes.diff" || true
sed -E 's#^(---|\+\+\+) ([^[:space:]]+).*#\1 \2#' "$work/fixes.diff"

step "3. the fixed copy builds with -p:TreatWarningsAsErrors=true (rules without a fix stay warnings: ${without_fix//;/ }; findings in appsettings*.json: ${json_before:-none})"
# %3B: a ';' would end the property on the command line.
json_list=$(echo $json_before | sed 's/ /%3B/g')
if ! dotnet build "$sample_name.csproj" --no-restore --no-incremental -nologo -p:TreatWarningsAsErrors=true \
  "-p:DeepSeekAppSettingsFindings=$json_list" > "$work/build-after.log" 2>&1; then
  cat "$work/build-after.log"
  fail "the fixed sample does not build with -p:TreatWarningsAsErrors=true: a finding of a rule with a fix is left"
fi
findings "$work/build-after.log"
echo "rules reported: $(dsk_ids "$work/build-after.log")"
code_left=""
for id in $(code_ids "$work/build-after.log"); do
  if grep -qx "$id" "$work/rules-with-fix.txt"; then code_left="$code_left $id"; fi
done
[ -z "$code_left" ] || fail "findings in code of rules with a fix are left after dotnet format:$code_left"
[ -z "$(json_ids "$work/build-after.log")" ] \
  || echo "left in appsettings*.json (dotnet format applies no fix outside source documents; the IDE's fix does): $(json_ids "$work/build-after.log")"
echo "Build succeeded."
[ -n "$out" ] && echo "The fixed copy, the diff (fixes.diff) and the logs are in $work."
exit 0
