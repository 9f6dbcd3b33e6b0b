#!/usr/bin/env bash
# Ingest benchmark of issue 3, all in one run on the same broker (figures in docs/benchmarks.md):
#   1. produce N ticks over S symbols to a fresh 8-partition topic;
#   2. baseline: a bare Confluent.Kafka loop that only counts the topic (before and after the silo);
#   3. one silo in cluster mode ingests the topic from the start: applied, history written,
#      state persisted, offsets committed; timed from the first to the last trade row;
#   4. end-to-end delay from produce to a SignalR client at a steady rate.
# Usage: bench/ingest.sh [ticks=1000000] [symbols=1000] [latency-rate=5000] [latency-seconds=30]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
ticks="${1:-1000000}"
symbols="${2:-1000}"
latency_rate="${3:-5000}"
latency_seconds="${4:-30}"
run="$(date +%s)"
old_broker=(-X api.version.request=false -X broker.version.fallback=0.9.0.1)
old_broker_settings=(--setting api.version.request=false --setting broker.version.fallback=0.9.0.1 --setting session.timeout.ms=10000)
export PGPASSWORD=pricing
psql_admin=(psql -h 127.0.0.1 -p 15432 -U pricing -d pricing -qtA)

deploy/local/infra.sh up >/dev/null 2>&1
for project in src/Silo src/Simulator.Cli bench/Pricing.IngestBench; do dotnet build -c Release -nologo -v quiet "$project"; done
sim=(dotnet src/Simulator.Cli/bin/Release/net10.0/pricing-sim.dll)
bench=(dotnet bench/Pricing.IngestBench/bin/Release/net10.0/pricing-ingest-bench.dll)

silo_pids=()
cleanup() { for pid in "${silo_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# start_silo NAME TOPIC PORT: a cluster-mode silo with its own database, group and Redis prefix; sets silo_pid.
start_silo() {
  local name="$1" topic="$2" port="$3"
  "${psql_admin[@]}" -c "drop database if exists $name" -c "create database $name"
  env ASPNETCORE_ENVIRONMENT=Production Pricing__Mode=Cluster Pricing__SiloId="$name" \
    Pricing__Kafka__BootstrapServers=127.0.0.1:19092 Pricing__Kafka__Topic="$topic" Pricing__Kafka__DeadLetterTopic="$topic.dlq" \
    Pricing__Kafka__GroupId="g-$name" \
    "Pricing__Kafka__Settings__api.version.request=false" "Pricing__Kafka__Settings__broker.version.fallback=0.9.0.1" \
    "Pricing__Kafka__Settings__session.timeout.ms=10000" \
    "Pricing__Postgres__ConnectionString=Host=127.0.0.1;Port=15432;Username=pricing;Password=pricing;Database=$name" \
    Pricing__Redis__Configuration=127.0.0.1:16379 Pricing__Redis__KeyPrefix="$name:" \
    Logging__LogLevel__Default=Warning \
    dotnet src/Silo/bin/Release/net10.0/Pricing.Silo.dll --urls "http://127.0.0.1:$port" > "artifacts/bench-$name.log" 2>&1 &
  silo_pid="$!"
  silo_pids+=("$silo_pid")
}
mkdir -p artifacts

topic="bench-$run"
deploy/local/infra.sh topic "$topic" 8 >/dev/null
deploy/local/infra.sh topic "$topic.dlq" 1 >/dev/null
echo "== produce $ticks ticks over $symbols symbols to $topic"
"${sim[@]}" produce -t "$topic" -s "$symbols" -r 0 -n "$ticks" --seed 7 --event-rate 2000 "${old_broker[@]}" 2>/dev/null

echo "== bare consumer loop (before)"
"${bench[@]}" bare --topic "$topic" --count "$ticks" "${old_broker_settings[@]}"

echo "== one silo: applied, history written, state persisted, offsets committed"
start_silo "ingest$run" "$topic" 5191; pid="$silo_pid"
"${bench[@]}" drain --connection "Host=127.0.0.1;Port=15432;Username=pricing;Password=pricing;Database=ingest$run" --count "$ticks"
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true

echo "== bare consumer loop (after)"
"${bench[@]}" bare --topic "$topic" --count "$ticks" "${old_broker_settings[@]}"

echo "== end-to-end delay at $latency_rate ticks/s over $symbols symbols for ${latency_seconds}s"
latency_topic="latency-$run"
deploy/local/infra.sh topic "$latency_topic" 8 >/dev/null
deploy/local/infra.sh topic "$latency_topic.dlq" 1 >/dev/null
start_silo "latency$run" "$latency_topic" 5192; pid="$silo_pid"
"${sim[@]}" produce -t "$latency_topic" -s "$symbols" -r "$latency_rate" -n $(( latency_rate * (latency_seconds + 20) )) --seed 8 "${old_broker[@]}" >/dev/null 2>&1 &
producer=$!
"${bench[@]}" latency --url http://127.0.0.1:5192 --seconds "$latency_seconds" --warmup 10 --symbols "$symbols"
kill "$producer" 2>/dev/null || true
kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
deploy/local/infra.sh delete-topic "$topic" >/dev/null || true
deploy/local/infra.sh delete-topic "$latency_topic" >/dev/null || true
