#!/usr/bin/env bash
# The whole platform on this machine: `platform.sh start|stop|status`.
# start: installs what is missing, starts PostgreSQL, RabbitMQ, Redis, the identity server and the six
# services in the background on loopback, loads the demo data once, waits until all are ready and returns.
. "$(dirname "$0")/lib.sh"

ensure_node_modules() {
  if [ ! -d "$SI_ROOT/node_modules" ] || [ "$SI_ROOT/package-lock.json" -nt "$SI_ROOT/node_modules/.package-lock.json" ]; then
    # npm install, not npm ci: with omit-lockfile-registry-resolved (set on these machines) npm writes locks
    # whose other-platform optional binaries `npm ci` then rejects; npm install still installs the locked versions.
    say "installing npm packages"; (cd "$SI_ROOT" && npm install --no-audit --no-fund --loglevel=error)
  fi
}

build() { say "building"; (cd "$SI_ROOT" && npx tsc -b tsconfig.json); }

start_node() { # name entry port [env...]
  local name=$1 entry=$2 port=$3; shift 3
  if pid_alive "$name"; then return 0; fi
  port_open "$port" && die "port $port is taken by a process we did not start (wanted for $name)"
  # exec: the pid recorded is the service's own, and no shell is left holding the caller's terminal.
  (cd "$SI_ROOT" && exec setsid env "$@" node --enable-source-maps "$entry" >>"$SI_STATE/logs/$name.log" 2>&1 </dev/null) &
  echo $! > "$SI_STATE/pids/$name.pid"
}

start_identity() {
  start_node identity infra/dev-oidc/dist/main.js "$SI_OIDC_PORT" DEV_OIDC_PORT="$SI_OIDC_PORT" \
    DEV_OIDC_KEY_FILE="$SI_STATE/dev-oidc-key.json"
  wait_for identity 30 port_open "$SI_OIDC_PORT"
}

# The schema first, as a one-shot step with the migrator role; the servers then run with SI_MIGRATE=never and
# never connect as the migrator (security probe F6).
migrate_services() {
  for entry in "${SI_SERVICES[@]}"; do
    local svc=${entry%%:*}
    (cd "$SI_ROOT" && SI_MIGRATE=only node --enable-source-maps "services/$svc/dist/main.js" >>"$SI_STATE/logs/$svc.log" 2>&1 </dev/null) \
      || die "migrating $svc failed (log: $SI_STATE/logs/$svc.log)"
  done
}

start_services() {
  migrate_services
  for entry in "${SI_SERVICES[@]}"; do
    local svc=${entry%%:*} port=${entry##*:}
    # Each service on its own broker user (infra/rabbitmq/definitions-local.json, imported by infra_up).
    start_node "$svc" "services/$svc/dist/main.js" "$port" PORT="$port" SEDEX_INBOX_DIR="$SI_STATE/sedex/inbox" \
      AMQP_URL="amqp://$svc:$svc@127.0.0.1:$SI_AMQP_PORT" SI_MIGRATE=never
  done
  node "$SI_ROOT/infra/scripts/wait-ready.mjs" 120 "${SI_SERVICES[@]}" || die "not every service became ready (logs: $SI_STATE/logs/)"
}

# N instances of one service on consecutive ports, beside or instead of the one `start` runs (issue 9 point 5):
# `platform.sh instances <service> <n> <first-port>`. Each runs as <service>.<i> (pid and log files), on the
# service's broker user and database; the schema is migrated once first. `stop` stops them too.
start_instances() { # service count first-port
  local svc=$1 n=$2 first=$3 i ready=()
  [ -f "$SI_ROOT/services/$svc/dist/main.js" ] || die "unknown or unbuilt service: $svc"
  (cd "$SI_ROOT" && SI_MIGRATE=only node "services/$svc/dist/main.js" >>"$SI_STATE/logs/$svc.log" 2>&1 </dev/null) || die "migrating $svc failed"
  for i in $(seq 1 "$n"); do
    local port=$((first + i - 1))
    start_node "$svc.$i" "services/$svc/dist/main.js" "$port" PORT="$port" SEDEX_INBOX_DIR="$SI_STATE/sedex/inbox" \
      AMQP_URL="amqp://$svc:$svc@127.0.0.1:$SI_AMQP_PORT" SI_MIGRATE=never
    ready+=("$svc.$i:$port")
  done
  node "$SI_ROOT/infra/scripts/wait-ready.mjs" 120 "${ready[@]}" || die "not every instance of $svc became ready (logs: $SI_STATE/logs/)"
}

print_summary() {
  cat <<MSG

start.integration runs on this machine (loopback only). Data and logs: $SI_STATE

  >>> open http://localhost:3000 and log in as ib.solothurn / demo <<<

  Services (OpenAPI at /api/docs, health at /health/ready, metrics at /metrics):
    registry-intake   http://localhost:3001/api/docs
    case-management   http://localhost:3002/api/docs
    offers            http://localhost:3003/api/docs
    subsidies         http://localhost:3004/api/docs
    reporting         http://localhost:3005/api/docs
    dfpa              http://localhost:3006/api/docs
    web               http://localhost:3000  (the workspace; public offers at http://localhost:3000/de/angebote)
  Identity (Keycloak-compatible dev server): http://localhost:$SI_OIDC_PORT/realms/start-integration
  PostgreSQL 127.0.0.1:$SI_PG_PORT · RabbitMQ 127.0.0.1:$SI_AMQP_PORT · Redis 127.0.0.1:$SI_REDIS_PORT

  Demo logins (password "demo", this demo realm only):
    ib.solothurn      Integrationsbeauftragte Solothurn (2601)
    ib.olten          Integrationsbeauftragter Olten (2581)
    ib.hubersdorf     Leitgemeinde Hubersdorf (2548; Balm b.G., Flumenthal, Günsberg, Kammersrohr, Riedholz)
    sr.olten          Sozialregion Olten
    sr.thal-gaeu      Sozialregion Thal-Gäu
    ags.koordination  Amt für Gesellschaft und Soziales (Koordination)
    ags.finanzen      Amt für Gesellschaft und Soziales (Finanzen: second approval of subsidy claims)
    ma.integration    Migrationsamt
    anbieter.vhs      Anbieterin Volkshochschule Solothurn (offers)
    anbieter.caritas  Anbieterin Caritas Solothurn (offers)
    mp.olten          Koordination Mentoring-Pool Olten
  A token:  node infra/scripts/token.mjs ib.solothurn
  Stop:     npm run platform:stop    Status: npm run platform:status
MSG
}

case "${1:-start}" in
  start)
    ensure_node_modules; infra_up; build; start_identity; start_services
    node "$SI_ROOT/infra/scripts/load-demo-data.mjs" "$SI_STATE/demo-data.done" || die "loading the demo data failed"
    print_summary ;;
  instances)
    [ $# = 4 ] || die "usage: platform.sh instances <service> <n> <first-port>"
    start_instances "$2" "$3" "$4" ;;
  stop)
    for entry in "${SI_SERVICES[@]}"; do stop_pid "${entry%%:*}"; done
    for f in "$SI_STATE"/pids/*.[0-9]*.pid; do [ -e "$f" ] && stop_pid "$(basename "$f" .pid)"; done
    stop_pid identity; infra_down ;;
  status)
    status_line postgres "$SI_PG_PORT"; status_line rabbitmq "$SI_AMQP_PORT"; status_line redis "$SI_REDIS_PORT"
    status_line identity "$SI_OIDC_PORT"
    for entry in "${SI_SERVICES[@]}"; do status_line "${entry%%:*}" "${entry##*:}"; done
    node "$SI_ROOT/infra/scripts/wait-ready.mjs" 0 "${SI_SERVICES[@]}" || true ;;
  *) die "usage: platform.sh start|stop|status|instances <service> <n> <first-port>" ;;
esac
