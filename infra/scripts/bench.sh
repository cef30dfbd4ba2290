#!/usr/bin/env bash
# Benchmarks: `bench.sh backbone`. Starts the local infrastructure if needed, builds, runs the benchmark
# script, which prints its figures (they are recorded by hand in BENCHMARKS.md with the machine).
. "$(dirname "$0")/lib.sh"
cd "$SI_ROOT"
case "${1:-}" in
  backbone) script=test/dist/bench/backbone.js ;;
  *) die "usage: bench.sh backbone" ;;
esac
infra_up
# Builds test/ and the libraries it references (not the whole tree: a service that does not compile must not
# stop a benchmark of the backbone).
say "building (tsc -b test/tsconfig.json)"
npx tsc -b test/tsconfig.json
say "running $script"
node "$script"
