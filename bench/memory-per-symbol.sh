#!/usr/bin/env bash
# Memory of a silo per active symbol (docs/deploy.md#sizing): runs the built silo in embedded mode
# with N simulated symbols, every one trading (ActivitySkew 0), event time sped up so that candles
# and time windows fill, and the embedded-only history store cut to one trade and one candle (in
# cluster mode history lives in PostgreSQL, not in the silo). After the warm-up it prints the
# process's resident memory (VmRSS) and anonymous memory, the median of a few samples.
#
#   bench/memory-per-symbol.sh 50 1000 5000      # after: dotnet build Pricing.sln -c Release
#
# Environment: WARMUP (seconds, 90), SAMPLES (5), TICKS_PER_SECOND (2000), SPEEDUP (3600 event
# seconds per second), GC_SERVER (1 = server GC, as ASP.NET Core and the image run; 0 = workstation).
set -euo pipefail
cd "$(dirname "$0")/.."
dll="src/Silo/bin/Release/net10.0/Pricing.Silo.dll"
[[ -f "$dll" ]] || { echo "build first: dotnet build Pricing.sln -c Release" >&2; exit 1; }
warmup="${WARMUP:-90}"; samples="${SAMPLES:-5}"

kib() { awk -v k="$1" '$1 == k":" { print $2 }' "/proc/$2/${3:-status}"; }

for count in "$@"; do
  port=$((20000 + RANDOM % 20000))
  settings=(
    "Urls=http://127.0.0.1:$port"
    "DOTNET_gcServer=${GC_SERVER:-1}"
    "Pricing__Simulator__ActivitySkew=0"
    "Pricing__Simulator__TicksPerSecond=${TICKS_PER_SECOND:-2000}"
    "Pricing__Simulator__SimulatedSecondsPerSecond=${SPEEDUP:-3600}"
    "Pricing__Simulator__Seed=7"
    "Pricing__MemoryHistory__TradesPerSymbol=1"
    "Pricing__MemoryHistory__CandlesPerInterval=1"
  )
  for ((i = 0; i < count; i++)); do settings+=("Pricing__Simulator__Symbols__$i=$(printf 'S%05d' "$i")"); done
  (cd "$(dirname "$dll")" && exec env "${settings[@]}" dotnet Pricing.Silo.dll >/dev/null 2>&1) &
  pid=$!
  sleep "$warmup"
  known=$(curl -fsS "http://127.0.0.1:$port/api/v1/symbols" | grep -o '"symbol"' | wc -l)
  rss=(); anon=()
  for ((s = 0; s < samples; s++)); do
    rss+=("$(kib VmRSS "$pid")"); anon+=("$(kib Anonymous "$pid" smaps_rollup)")
    sleep 2
  done
  kill -TERM "$pid"; wait "$pid" || true
  median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  awk -v n="$count" -v t="$known" -v r="$(median "${rss[@]}")" -v a="$(median "${anon[@]}")" \
    'BEGIN { printf "symbols=%d trading=%d rss_mib=%.1f anon_mib=%.1f\n", n, t, r / 1024, a / 1024 }'
done
