#!/usr/bin/env bash
# Shared helpers for the local platform: PostgreSQL, RabbitMQ and Redis as plain processes on loopback
# (Debian packages where no Docker engine runs), their data and pid files under $SI_STATE (git-ignored).
set -euo pipefail

SI_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SI_STATE=${SI_STATE:-$SI_ROOT/.platform}
SI_PG_PORT=${SI_PG_PORT:-5432}
SI_AMQP_PORT=${SI_AMQP_PORT:-5672}
SI_REDIS_PORT=${SI_REDIS_PORT:-6379}
SI_OIDC_PORT=${SI_OIDC_PORT:-8080}
# Empty until PostgreSQL is installed (`|| true`: under pipefail a failed ls would end the script here).
SI_PG_BIN=${SI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)}
SI_SERVICES=(registry-intake:3001 case-management:3002 offers:3003 subsidies:3004 reporting:3005 dfpa:3006 web:3000)
mkdir -p "$SI_STATE/pids" "$SI_STATE/logs"

say() { printf '\033[1m[platform]\033[0m %s\n' "$*"; }
die() { printf '\033[31m[platform] %s\033[0m\n' "$*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root or sudo for: $*"; fi; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pid_alive() { local f="$SI_STATE/pids/$1.pid"; [ -f "$f" ] && kill -0 "$(cat "$f")" 2>/dev/null; }

wait_for() { # name seconds command...
  local name=$1 secs=$2; shift 2
  for _ in $(seq 1 $((secs * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  die "$name did not become ready within ${secs}s (logs: $SI_STATE/logs/)"
}

# Docker counts only when an engine answers: a lone client binary is not enough.
docker_engine() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }

ensure_debian_packages() {
  local missing=()
  [ -x "$SI_PG_BIN/postgres" ] || missing+=(postgresql)
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ ${#missing[@]} = 0 ] && return 0
  command -v apt-get >/dev/null || die "missing ${missing[*]} and no apt-get: install them, or use docker compose"
  say "installing ${missing[*]} from Debian's packages"
  # policy-rc.d keeps the packages' own system services from starting: ours run on our data folder.
  as_root sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >"$SI_STATE/logs/apt.log" 2>&1 \
    || { as_root rm -f /usr/sbin/policy-rc.d; die "apt-get install failed (see $SI_STATE/logs/apt.log)"; }
  as_root rm -f /usr/sbin/policy-rc.d
  SI_PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

# PostgreSQL refuses to run as root: as root, run its tools as the postgres user.
pg_run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

start_postgres() {
  if pid_alive postgres; then return 0; fi
  port_open "$SI_PG_PORT" && die "port $SI_PG_PORT is taken by a PostgreSQL we did not start; stop it or set SI_PG_PORT"
  local data="$SI_STATE/postgres"
  if [ ! -s "$data/PG_VERSION" ]; then
    say "initialising PostgreSQL in $data"
    mkdir -p "$data"; [ "$(id -u)" = 0 ] && chown postgres "$data" "$SI_STATE/logs"
    echo postgres > "$SI_STATE/pgpass.tmp"; [ "$(id -u)" = 0 ] && chown postgres "$SI_STATE/pgpass.tmp"
    pg_run "$SI_PG_BIN/initdb" -D "$data" -U postgres --pwfile="$SI_STATE/pgpass.tmp" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$SI_STATE/logs/initdb.log"
    rm -f "$SI_STATE/pgpass.tmp"
  fi
  [ "$(id -u)" = 0 ] && chown postgres "$SI_STATE/logs"
  pg_run "$SI_PG_BIN/pg_ctl" -D "$data" -l "$SI_STATE/logs/postgres.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $SI_PG_PORT -c unix_socket_directories=/tmp -c max_connections=300 -c shared_buffers=256MB" >/dev/null
  head -n 1 "$data/postmaster.pid" > "$SI_STATE/pids/postgres.pid"
  PGPASSWORD=postgres "$SI_PG_BIN/psql" -q -h 127.0.0.1 -p "$SI_PG_PORT" -U postgres -v ON_ERROR_STOP=1 \
    -f "$SI_ROOT/infra/postgres/init/01-roles-and-databases.sql" >/dev/null
}

start_rabbitmq() {
  if pid_alive rabbitmq; then return 0; fi
  port_open "$SI_AMQP_PORT" && die "port $SI_AMQP_PORT is taken by a RabbitMQ we did not start; stop it or set SI_AMQP_PORT"
  local base="$SI_STATE/rabbitmq"; mkdir -p "$base/home" "$base/mnesia"
  local had_epmd=0; pgrep -x epmd >/dev/null && had_epmd=1
  ( export HOME="$base/home" RABBITMQ_MNESIA_BASE="$base/mnesia" RABBITMQ_LOG_BASE="$SI_STATE/logs" \
      RABBITMQ_NODENAME=rabbit@localhost RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$SI_AMQP_PORT" \
      RABBITMQ_CONFIG_FILE="$SI_ROOT/infra/rabbitmq/rabbitmq-local" RABBITMQ_ENABLED_PLUGINS_FILE="$base/enabled_plugins" \
      RABBITMQ_DIST_PORT=$((SI_AMQP_PORT + 20000)) ERL_EPMD_ADDRESS=127.0.0.1
    echo '[].' > "$base/enabled_plugins"
    setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$SI_STATE/logs/rabbitmq.out" 2>&1 < /dev/null &
    echo $! > "$SI_STATE/pids/rabbitmq.pid" )
  wait_for RabbitMQ 90 port_open "$SI_AMQP_PORT"
  [ $had_epmd = 0 ] && pgrep -x epmd > "$SI_STATE/pids/epmd.pid" 2>/dev/null || true
}

# rabbitmqctl against our node (its cookie lives in our HOME, not in /var/lib/rabbitmq).
rabbitmq_ctl() {
  HOME="$SI_STATE/rabbitmq/home" RABBITMQ_NODENAME=rabbit@localhost ERL_EPMD_ADDRESS=127.0.0.1 \
    /usr/lib/rabbitmq/bin/rabbitmqctl -q -n rabbit@localhost "$@"
}

# One broker user per service with only its own rights, the administrator and the topology (security probe F1);
# generated from topology.json and the contracts (infra/rabbitmq/generate-definitions.mjs). Idempotent.
rabbitmq_definitions() {
  rabbitmq_ctl import_definitions "$SI_ROOT/infra/rabbitmq/definitions-local.json" >/dev/null \
    || die "importing infra/rabbitmq/definitions-local.json into RabbitMQ failed"
}

start_redis() {
  if pid_alive redis; then return 0; fi
  port_open "$SI_REDIS_PORT" && die "port $SI_REDIS_PORT is taken by a Redis we did not start; stop it or set SI_REDIS_PORT"
  mkdir -p "$SI_STATE/redis"
  redis-server "$SI_ROOT/infra/redis/redis.conf" --port "$SI_REDIS_PORT" --bind 127.0.0.1 --dir "$SI_STATE/redis" \
    --daemonize no --logfile "$SI_STATE/logs/redis.log" </dev/null >/dev/null 2>&1 &
  echo $! > "$SI_STATE/pids/redis.pid"
  wait_for Redis 20 port_open "$SI_REDIS_PORT"
}

stop_pid() { # name
  local f="$SI_STATE/pids/$1.pid"; [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null || true
    say "stopped $1 (pid $pid)"
  fi
  rm -f "$f"
}

infra_up() {
  if docker_engine && [ "${SI_USE_DOCKER:-0}" = 1 ]; then
    say "Docker engine found: docker compose up -d postgres rabbitmq redis"; docker compose -f "$SI_ROOT/docker-compose.yml" up -d --wait postgres rabbitmq redis; return
  fi
  ensure_debian_packages
  start_postgres; start_rabbitmq; start_redis
  rabbitmq_definitions
}

infra_down() { stop_pid redis; stop_pid rabbitmq; stop_pid epmd
  if pid_alive postgres; then pg_run "$SI_PG_BIN/pg_ctl" -D "$SI_STATE/postgres" -m fast -w stop >/dev/null && say "stopped postgres"; fi
  rm -f "$SI_STATE/pids/postgres.pid"; }

status_line() { # name port
  local state=stopped; pid_alive "$1" && state="running (pid $(cat "$SI_STATE/pids/$1.pid"))"
  printf '  %-16s %-28s %s\n' "$1" "$state" "${2:+127.0.0.1:$2}"
}
