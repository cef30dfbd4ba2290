#!/usr/bin/env bash
# Infrastructure only: `infra.sh up|down|status`. Used by platform.sh and by the test command.
. "$(dirname "$0")/lib.sh"
case "${1:-up}" in
  up) infra_up ;;
  down) infra_down ;;
  status) status_line postgres "$SI_PG_PORT"; status_line rabbitmq "$SI_AMQP_PORT"; status_line redis "$SI_REDIS_PORT" ;;
  *) die "usage: infra.sh up|down|status" ;;
esac
