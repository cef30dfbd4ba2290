// Polls /health/ready of each `name:port` until all answer 200 or the seconds run out (0 = ask once and report).
const [seconds, ...services] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;
const ready = async (port) => {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(3000) });
    return res.status === 200
      ? 'ready'
      : `not ready (${res.status}: ${JSON.stringify((await res.json()).error ?? {})})`;
  } catch {
    return 'not answering';
  }
};
for (;;) {
  const states = await Promise.all(services.map(async (s) => [s, await ready(s.split(':')[1])]));
  const waiting = states.filter(([, state]) => state !== 'ready');
  if (waiting.length === 0 || Date.now() >= deadline) {
    for (const [s, state] of states) console.log(`  ${s.padEnd(22)} ${state}`);
    process.exit(waiting.length === 0 ? 0 : 1);
  }
  await new Promise((r) => setTimeout(r, 500));
}
