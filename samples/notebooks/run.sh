#!/usr/bin/env bash
# Runs the notebook's code and README.md's C# snippets, so that neither can rot. First packs src/Actuarial into
# out/local-feed and uses a fresh packages folder per run (no cached copy of the package can stand in for the one
# just packed). Targets (all of notebook and readme by default):
#   notebook      the notebook's cells, unchanged, in the real .NET Interactive kernel (dotnet-interactive stdio,
#                 installed into out/tools at the pinned version), driven by run_kernel.py; checks that the package
#                 the kernel loaded is the one just packed, that results display as tables and that the chart shows
#   readme        README.md's ```csharp blocks, turned into a .NET 10 file-based app by extract_cells.py
#   notebook-app  the notebook's cells as a file-based app (extract_cells.py), for machines without the kernel
#   notebook-save the notebook target, then writes each cell's outputs into the notebook (commit it with them)
# Prints "<target>: passed (...)" or "<target>: FAILED (...)" per target; exits 1 if any failed.
set -uo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
targets=("$@"); [ ${#targets[@]} -eq 0 ] && targets=(notebook readme)
interactive_version=1.0.712001
notebook=samples/notebooks/actuarial-quickstart.ipynb

feed="$root/out/local-feed"
packages="$root/out/notebook-packages"
mkdir -p "$root/out"
log="$root/out/notebook-pack.log"
version=$(dotnet msbuild src/Actuarial/Actuarial.csproj -getProperty:Version 2>"$log")
rm -rf "$packages" "$feed"/Actuarial.*.nupkg "$feed"/Actuarial.*.snupkg
if ! dotnet pack src/Actuarial -c Release -o "$feed" >>"$log" 2>&1; then
  tail -n 30 "$log" >&2
  for t in "${targets[@]}"; do echo "$t: FAILED (dotnet pack failed; log: out/notebook-pack.log)"; done
  exit 1
fi
packed_dll="$root/src/Actuarial/bin/Release/net10.0/Actuarial.dll"

failures=0
fail() { echo "$1: FAILED ($2)"; failures=$((failures + 1)); }

run_app() {  # target name, source file, output folder
  local name=$1 source=$2 dir=$3 start=$SECONDS
  rm -rf "$dir"
  python3 samples/notebooks/extract_cells.py "$source" "$dir" --feed "$feed" || { fail "$name" "could not extract the code from $source"; return; }
  if ! (cd "$dir" && NUGET_PACKAGES="$packages" dotnet run cells.cs) >"$dir/run.log" 2>&1; then
    tail -n 40 "$dir/run.log" >&2
    fail "$name" "the code of $source did not run; log: ${dir#"$root"/}/run.log"; return
  fi
  grep -v '^\s*$' "$dir/run.log" | grep -v 'warning NU1603' | head -n 40
  echo "$name: passed ($source as a file-based app against Actuarial $version, $((SECONDS - start)) s)"
}

run_kernel() {
  local start=$SECONDS tools="$root/out/tools" dir="$root/out/notebook-kernel" save=${1:-}
  mkdir -p "$dir"
  if [ ! -x "$tools/dotnet-interactive" ] || ! "$tools/dotnet-interactive" --version 2>/dev/null | grep -q "^${interactive_version}"; then
    rm -rf "$tools"
    dotnet tool install Microsoft.dotnet-interactive --version "$interactive_version" --tool-path "$tools" >"$dir/install.log" 2>&1 \
      || { tail -n 20 "$dir/install.log" >&2; fail notebook "could not install dotnet-interactive $interactive_version; log: out/notebook-kernel/install.log"; return; }
  fi
  # A fresh HOME too: the kernel caches #r "nuget:" resolutions in ~/.packagemanagement, which would otherwise point
  # at the packages of an earlier run. Outside the repository, where Directory.Packages.props would apply.
  local home status
  home=$(mktemp -d)
  HOME="$home" NUGET_PACKAGES="$packages" python3 samples/notebooks/run_kernel.py "$notebook" --source "$feed" --kernel "$tools/dotnet-interactive" \
      --cell-timeout 300 $save >"$dir/run.log" 2>&1
  status=$?
  rm -rf "$home"
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$dir/run.log" >&2
    fail notebook "a cell of $notebook failed in the kernel; log: out/notebook-kernel/run.log"; return
  fi
  # The kernel must have loaded the package just packed, from the fresh packages folder.
  local root_dir loaded
  root_dir=$(sed -n "s/^\[package Actuarial $version from \(.*\)\]$/\1/p" "$dir/run.log" | head -n 1)
  loaded="${root_dir%/}/lib/net10.0/Actuarial.dll"
  if [ "${root_dir#"$packages"}" = "$root_dir" ] || [ ! -f "$loaded" ] || [ "$(sha256sum <"$loaded")" != "$(sha256sum <"$packed_dll")" ]; then
    fail notebook "the kernel did not load the Actuarial $version just packed ($loaded)"; return
  fi
  grep -v '^\s*$' "$dir/run.log" | head -n 40
  echo "notebook: passed ($notebook in dotnet-interactive $interactive_version against Actuarial $version, $((SECONDS - start)) s)"
}

for t in "${targets[@]}"; do
  case "$t" in
    notebook) run_kernel ;;
    notebook-save) run_kernel --save-outputs ;;
    notebook-app) run_app notebook-app "$notebook" "$root/out/notebook" ;;
    readme) run_app "README snippets" README.md "$root/out/readme" ;;
    *) echo "unknown target '$t' (notebook, notebook-save, readme or notebook-app)" >&2; exit 2 ;;
  esac
done
[ "$failures" -eq 0 ]
