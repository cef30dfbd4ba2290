#!/usr/bin/env bash
# Infrastructure only: `infra.sh up|down|status`. Used by platform.sh and by the test command.
# `rabbitmq-stop|rabbitmq-start|rabbitmq-restart` stop and start the local broker alone (the fault tests use them;
# other processes connected to it see a broker outage). `rabbitmqctl <args>` runs rabbitmqctl against the local broker.
. "$(dirname "$0")/lib.sh"
case "${1:-up}" in
  up) infra_up ;;
  down) infra_down ;;
  rabbitmq-stop) stop_pid rabbitmq ;;
  rabbitmq-start) start_rabbitmq ;;
  rabbitmq-restart) stop_pid rabbitmq; start_rabbitmq ;;
  rabbitmqctl) shift; rabbitmq_ctl "$@" ;;
  status) status_line postgres "$SI_PG_PORT"; status_line rabbitmq "$SI_AMQP_PORT"; status_line redis "$SI_REDIS_PORT" ;;
  *) die "usage: infra.sh up|down|status|rabbitmq-stop|rabbitmq-start|rabbitmq-restart|rabbitmqctl <args>" ;;
esac
