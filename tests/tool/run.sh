#!/usr/bin/env bash
# The actuarial command as a .NET tool: packs src/Actuarial.Cli (PackAsTool) into out/tool-feed, installs it with
# `dotnet tool install` into a fresh tool path, and runs `actuarial report` on the baseline from an empty folder.
# Prints "tool test: passed" or "tool test: FAILED (...)"; exits 0 or 1.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

feed="$root/out/tool-feed"
tools="$root/out/tool-path"
work="$root/out/tool-check"
log="$root/out/tool.log"
mkdir -p "$root/out"
: > "$log"
fail() { echo "tool test: FAILED ($1; log: out/tool.log)"; tail -n 30 "$log" >&2; exit 1; }
start=$SECONDS

version=$(dotnet msbuild src/Actuarial.Cli/Actuarial.Cli.csproj -getProperty:Version 2>>"$log") || fail "could not read the tool version"
rm -rf "$feed" "$tools" "$work"
dotnet pack src/Actuarial.Cli -c Release -o "$feed" >>"$log" 2>&1 || fail "dotnet pack failed"
[ -f "$feed/Actuarial.Tool.$version.nupkg" ] || fail "pack did not write Actuarial.Tool.$version.nupkg"
dotnet tool install Actuarial.Tool --version "$version" --tool-path "$tools" --add-source "$feed" >>"$log" 2>&1 || fail "dotnet tool install failed"
mkdir -p "$work/empty"
(cd "$work/empty" && "$tools/actuarial" report "$root/samples/scenarios/baseline.json" --out "$work/report") >>"$log" 2>&1 || fail "actuarial report failed"
for f in report.html results.xlsx funds_by_year.csv national_balance.png; do
  [ -s "$work/report/$f" ] || fail "the installed tool did not write $f"
done
grep -q "national fund depleted" "$log" || fail "the installed tool did not print the summary"
echo "tool test: passed ($((SECONDS - start)) s)"
