#!/usr/bin/env bash
# Builds Monitro's analyzers as they were before the work on real posts began (the sentiment analyzer and the intent
# detector of commit 1367115), into artifacts/analysis-baseline, for Analysis/AnalyzerBaselineBenchmarks: the richer
# analysis is measured against them in the same run. Without this folder those benchmarks are skipped.
set -euo pipefail

commit=1367115
root=$(git rev-parse --show-toplevel)
out="$root/artifacts/analysis-baseline"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

git -C "$root" archive "$commit" Directory.Build.props Directory.Packages.props global.json .editorconfig src/Monitro src/Monitro.Abstractions | tar -x -C "$work"
dotnet build "$work/src/Monitro/Monitro.csproj" -c Release -p:TreatWarningsAsErrors=false -v quiet -nologo
rm -rf "$out"
mkdir -p "$out"
cp "$work/artifacts/bin/Monitro/release/Monitro.dll" "$work/artifacts/bin/Monitro.Abstractions/release/Monitro.Abstractions.dll" "$out/"
echo "baseline analyzers of $commit in $out"
