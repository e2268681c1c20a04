#!/usr/bin/env bash
# Consumer test of the NuGet package: packs src/Actuarial into a local folder feed (out/local-feed), restores
# tests/consumer (a project outside Actuarial.sln, with its own NuGet.config) into a fresh, isolated packages folder so
# that no cached copy can stand in for the package just packed, checks the package holds no data files outside the
# dll, builds and runs the consumer. Prints "consumer test: passed" or "consumer test: FAILED (...)"; exits 0 or 1.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

feed="$root/out/local-feed"
packages="$root/out/consumer-packages"
log="$root/out/consumer.log"
mkdir -p "$root/out"
: > "$log"
fail() { echo "consumer test: FAILED ($1; log: out/consumer.log)"; tail -n 30 "$log" >&2; exit 1; }
start=$SECONDS

version=$(dotnet msbuild src/Actuarial/Actuarial.csproj -getProperty:Version 2>>"$log") || fail "could not read the package version"
rm -rf "$packages" "$feed"/Actuarial.*.nupkg "$feed"/Actuarial.*.snupkg tests/consumer/obj tests/consumer/bin
dotnet pack src/Actuarial -c Release -o "$feed" >>"$log" 2>&1 || fail "dotnet pack failed"
nupkg="$feed/Actuarial.$version.nupkg"
[ -f "$nupkg" ] && [ -f "$feed/Actuarial.$version.snupkg" ] || fail "pack did not write Actuarial.$version.nupkg and .snupkg"

# The package carries the library, its XML docs and the README: the China defaults are embedded resources, so any
# other file (a data file, a content file) is a packaging mistake.
unexpected=$(python3 - "$nupkg" <<'PY'
import sys, zipfile
allowed = {"lib/net10.0/Actuarial.dll", "lib/net10.0/Actuarial.xml", "README.md", "Actuarial.nuspec", "[Content_Types].xml", "_rels/.rels"}
names = zipfile.ZipFile(sys.argv[1]).namelist()
print(" ".join(n for n in names if n not in allowed and not n.startswith("package/services/metadata/")))
PY
) || fail "could not list the package"
[ -z "$unexpected" ] || fail "unexpected files in the package: $unexpected"

dotnet restore tests/consumer/Consumer.csproj --packages "$packages" -p:ActuarialVersion="$version" >>"$log" 2>&1 \
  || fail "restore from the local feed failed"
[ -d "$packages/actuarial/$version" ] || fail "Actuarial $version was not restored into the isolated packages folder"
dotnet build tests/consumer/Consumer.csproj -c Release --no-restore -p:ActuarialVersion="$version" >>"$log" 2>&1 \
  || fail "the consumer does not build against the package"
# Run from an empty folder: the package must not need any file beside the assemblies.
rundir=$(mktemp -d)
(cd "$rundir" && dotnet "$root/tests/consumer/bin/Release/net10.0/Consumer.dll") 2>&1 | tee -a "$log"
status=${PIPESTATUS[0]}
rm -rf "$rundir"
[ "$status" -eq 0 ] || fail "the consumer's checks failed"
echo "consumer test: passed (Actuarial $version from the local feed, $((SECONDS - start)) s)"
