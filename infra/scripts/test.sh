#!/usr/bin/env bash
# The whole test suite: type-check, lint (module boundaries), then every Jest test (unit, integration,
# end-to-end) against real PostgreSQL, RabbitMQ and Redis, then the fault tests, which stop the broker and
# kill processes and so run alone. Ends with one line `N passed, N failed` for CI.
. "$(dirname "$0")/lib.sh"
cd "$SI_ROOT"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm install, not npm ci: with omit-lockfile-registry-resolved (set on these machines) npm writes locks
  # whose other-platform optional binaries `npm ci` then rejects; npm install still installs the locked versions.
  say "installing npm packages"; npm install --no-audit --no-fund --loglevel=error
fi
infra_up

passed=0; failed=0
step() { # name command...
  local name=$1; shift
  say "$name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); printf '\033[31m[platform] %s failed\033[0m\n' "$name"; fi
}
jest_counts() { # result file: adds its counts (a run that crashed before writing one counts as one failure)
  if [ -s "$1" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests, r.numFailedTests + r.numRuntimeErrorTestSuites)' "$1")
    passed=$((passed + p)); failed=$((failed + f))
  else failed=$((failed + 1)); fi
}
jest() { node --experimental-vm-modules node_modules/jest/bin/jest.js "$@"; }

step "type-check and build (tsc -b)" npx tsc -b tsconfig.json
step "type-check the tests (tsc -p tsconfig.check.json)" npx tsc -p tsconfig.check.json
lint() { NX_DAEMON=false NX_NO_CLOUD=true npx nx show projects >/dev/null && npx eslint . ; }
step "lint: module boundaries and style (eslint)" lint
step "format: every source as Prettier writes it (npx prettier --write <file> fixes one)" npx prettier --check --log-level warn .

# Debian's Chromium, installed like the other system packages (never downloaded by Playwright): the dev identity
# server's login page test (jest) and the workspace's browser tests both drive it.
ensure_chromium() {
  [ -x /usr/lib/chromium/chromium-headless-shell ] && return 0
  command -v apt-get >/dev/null || { say "no chromium-headless-shell and no apt-get: the browser tests will fail"; return 0; }
  say "installing chromium-headless-shell from Debian's packages"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium-headless-shell >"$SI_STATE/logs/apt-chromium.log" 2>&1 \
    || say "installing chromium-headless-shell failed (see $SI_STATE/logs/apt-chromium.log)"
}
ensure_chromium

rm -f "$SI_STATE"/jest-*.json
say "jest: unit, integration and end-to-end tests"
jest --maxWorkers=2 --testPathIgnorePatterns '\.fault-spec\.ts$' '/node_modules/' '/dist/' --json --outputFile="$SI_STATE/jest-main.json" ${SI_JEST_ARGS:-} || true
jest_counts "$SI_STATE/jest-main.json"
# The workspace in a real browser: Debian's Chromium (ensure_chromium above), Playwright with axe; the flows of
# services/web/test/browser. Screenshots and traces of failed steps stay in the log folder ($SI_STATE/logs/browser).
browser_tests() {
  [ -x /usr/lib/chromium/chromium-headless-shell ] || { say "no chromium-headless-shell: browser tests fail"; failed=$((failed + 1)); return; }
  local out="$SI_STATE/logs/browser"
  rm -rf "$out"; mkdir -p "$out"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 SI_BROWSER_ARTIFACTS="$out" CI=true npx playwright test -c services/web/playwright.config.ts || true
  if [ -s "$out/results.json" ]; then
    # Tests that passed (also after a retry) and failed; a global setup that broke counts as one failure.
    read -r p f < <(node -e 'const r=require(process.argv[1]);console.log(r.stats.expected+r.stats.flaky, r.stats.unexpected+(r.errors||[]).length)' "$out/results.json")
    passed=$((passed + p)); failed=$((failed + f))
  else failed=$((failed + 1)); fi
}
say "browser tests: the web workspace in Chromium (Playwright, axe)"
browser_tests

say "jest: fault tests (broker restarts, killed processes), alone"
jest --runInBand --testMatch '**/*.fault-spec.ts' --passWithNoTests --json --outputFile="$SI_STATE/jest-fault.json" ${SI_JEST_ARGS:-} || true
jest_counts "$SI_STATE/jest-fault.json"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
