#!/usr/bin/env bash
# Starts the brokers the live tests talk to, if they are down, and enables the RabbitMQ plugins
# Kendall reads (management API on 15672, Prometheus on 15692). Loopback only. Idempotent.
set -uo pipefail

if command -v rabbitmqctl >/dev/null 2>&1; then
  if ! rabbitmqctl -q status >/dev/null 2>&1; then
    rabbitmq-server -detached
    rabbitmqctl -q wait --timeout 60 /var/lib/rabbitmq/mnesia/rabbit@localhost.pid >/dev/null 2>&1 || sleep 10
  fi
  rabbitmq-plugins -q enable rabbitmq_management rabbitmq_prometheus >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do
    curl -fsS -u guest:guest http://127.0.0.1:15672/api/overview >/dev/null 2>&1 && break
    sleep 1
  done
fi

if command -v nats-server >/dev/null 2>&1; then
  # Kendall reads JetStream's /jsz on the monitoring port 8222; restart NATS with it if absent.
  if ! curl -fsS http://127.0.0.1:8222/varz >/dev/null 2>&1; then
    pkill -x nats-server >/dev/null 2>&1 && sleep 1
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
      -a 127.0.0.1 -p 4222 -m 8222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log
    for _ in $(seq 1 30); do curl -fsS http://127.0.0.1:8222/varz >/dev/null 2>&1 && break; sleep 0.5; done
  fi
fi
exit 0
