#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what is missing (Chromium for the
# browser tests; Kafka, Redis, PostgreSQL and librdkafka through deploy/local/infra.sh), starts the
# servers on loopback, builds (the build installs the dashboard's npm packages), and runs the
# client's unit tests, every .NET test project, then the cluster integration tests on their own
# (they stop and restart the shared servers). CI calls this (.ci/run). Nothing is skipped: a
# missing server or browser fails the run.
set -euo pipefail
cd "$(dirname "$0")"

configuration="${CONFIGURATION:-Release}"
results="artifacts/test-results"
mkdir -p "$results"
started=$SECONDS

step() { echo; echo "==> $* ($((SECONDS - started)) s)"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Debian packages the tests drive directly; installed once, a no-op afterwards.
apt_packages=()
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
if [ ${#apt_packages[@]} -gt 0 ]; then
  step "install ${apt_packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_packages[@]}"
fi

step "local servers: Kafka, Redis, PostgreSQL (deploy/local/infra.sh up)"
deploy/local/infra.sh up

step "build ($configuration)"
dotnet build Pricing.sln -c "$configuration" -warnaserror -nologo -v quiet

step "dashboard unit tests (vitest) and bundle size budget"
npm --prefix src/Web/ClientApp test
npm --prefix src/Web/ClientApp run size

# One project at a time: they start silos, browsers and Kafka clients, and the machine has two cores.
# Benchmarks and the screenshot run for docs/ are opt-in (see docs/benchmarks.md).
for project in tests/*.Tests/*.Tests.csproj; do
  name="$(basename "$project" .csproj)"
  [ "$name" = "Pricing.Integration.Tests" ] && continue
  step "$name"
  dotnet test "$project" -c "$configuration" --no-build -nologo \
    --filter "Category!=Benchmark&Category!=Docs" \
    --logger "trx;LogFilePrefix=$name" --logger "console;verbosity=minimal" \
    --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true
done

step "Pricing.Integration.Tests (silo processes against the local servers; artifacts/integration)"
dotnet test tests/Pricing.Integration.Tests -c "$configuration" --no-build -nologo \
  --blame-hang-timeout 15m \
  --logger "trx;LogFilePrefix=Pricing.Integration.Tests" --logger "console;verbosity=normal" \
  --results-directory "$results" -- RunConfiguration.TreatNoTestsAsError=true

step "all tests passed"
