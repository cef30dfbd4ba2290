#!/usr/bin/env bash
# Benchmarks: `bench.sh backbone|intake|cases|subsidies|dfpa|offers|reporting|web`. Starts the local infrastructure if needed, builds, runs the benchmark
# script, which prints its figures (they are recorded by hand in BENCHMARKS.md with the machine).
. "$(dirname "$0")/lib.sh"
cd "$SI_ROOT"
case "${1:-}" in
  backbone) build=(test/tsconfig.json); run=(node test/dist/bench/backbone.js) ;;
  intake) build=(services/registry-intake infra/dev-oidc libs/testing); run=(node services/registry-intake/scripts/bench-intake.mjs) ;;
  cases) build=(services/case-management services/case-management/scripts); run=(node services/case-management/scripts/dist/bench-cases.js) ;;
  subsidies) build=(services/subsidies services/subsidies/scripts); run=(node services/subsidies/scripts/dist/bench-subsidies.js) ;;
  dfpa) build=(services/dfpa test/tsconfig.json); run=(node test/dist/bench/dfpa.js) ;;
  offers) build=(services/offers test/tsconfig.json); run=(node test/dist/bench/offers.js) ;;
  reporting) build=(services/reporting services/reporting/scripts); run=(node services/reporting/scripts/dist/bench-reporting.js) ;;
  # The workspace in Debian's Chromium against a platform of its own (services/web/bench/web.bench.ts).
  web) build=(services/registry-intake services/case-management services/case-management/scripts services/offers services/subsidies services/reporting services/dfpa services/web infra/dev-oidc libs/testing)
       run=(env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npx playwright test -c services/web/bench/playwright.bench.config.ts) ;;
  *) die "usage: bench.sh backbone|intake|cases|subsidies|dfpa|offers|reporting|web" ;;
esac
infra_up
# Builds only what the benchmark needs, so a project that does not compile cannot block another's benchmark.
say "building (tsc -b ${build[*]})"
npx tsc -b "${build[@]}"
say "running ${run[*]}"
"${run[@]}"
