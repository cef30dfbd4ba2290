#!/usr/bin/env node
// Test-data generator for eCH-0020 v3 deliveries (issue 3, item 7).
//   npm run gen:ech -- --persons 300000 --municipality 2601 --out /tmp/base.xml
//   npm run gen:ech -- --kind events --persons 500 --municipality 2581 --out /tmp/events/
//   npm run gen:ech -- --persons 3000 --packages 3 --municipality 2581 --out /tmp/packages/   (a partial delivery)
// The generator itself is TypeScript (src/ech/generator/); this wrapper runs the compiled output, which the root
// script builds first (`tsc -b services/registry-intake`). Output is streamed: memory stays flat for any size.
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';

function fail(message) {
  console.error(`gen:ech: ${message} (see --help)`);
  process.exit(2);
}
// Piping into `head` closes stdout early; that is not an error of the generator.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  else throw error;
});

let parsed;
try {
  parsed = parseArgs({
    options: {
      persons: { type: 'string', default: '1000' },
      municipality: { type: 'string', default: '2601' },
      kind: { type: 'string', default: 'base' },
      prefix: { type: 'string', default: 'eCH' },
      'message-id': { type: 'string' },
      packages: { type: 'string', default: '1' },
      'unique-id-delivery': { type: 'string' },
      seed: { type: 'string', default: '20260301' },
      today: { type: 'string', default: '2026-03-01' },
      out: { type: 'string' },
      'swiss-share': { type: 'string', default: '0.72' },
      'without-vn-share': { type: 'string', default: '0.05' },
      'tz-dates': { type: 'boolean', default: false },
      'name-only-municipality': { type: 'boolean', default: false },
      'name-only-country': { type: 'boolean', default: false },
      extension: { type: 'boolean', default: false },
      production: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(error.message);
}
const { values } = parsed;

if (values.help) {
  console.log(`gen:ech — writes XSD-valid eCH-0020 v3.0 deliveries with synthetic persons

  --persons N               persons in a base delivery, or number of deliveries with --kind events (default 1000)
  --municipality BFS        reporting municipality (default 2601 Solothurn)
  --kind base|events        one baseDelivery file, or single-event delivery files (default base)
  --prefix eCH|ns2|e20|default   namespace prefix style (default eCH)
  --message-id ID           eCH-0058 messageId (events: suffixed -2, -3 …; packages: -p1, -p2 …)
  --packages N              base: one register as N packages of an eCH-0058 partialDelivery, one file each in --out DIRECTORY
  --unique-id-delivery ID   eCH-0058 uniqueIdDelivery of the packages (default register-<BFS>-<today>)
  --seed N                  deterministic output per seed (default 20260301)
  --today YYYY-MM-DD        reference day of arrivals (default 2026-03-01)
  --out PATH                file (base; default stdout) or directory (events; required)
  --swiss-share X           share of Swiss citizens in a base delivery (default 0.72)
  --without-vn-share X      share of persons without AHV number (default 0.05)
  --tz-dates                dates with a time zone (1990-03-24+01:00)
  --name-only-municipality  municipalities without BFS number
  --name-only-country       countries with their name only
  --extension               vendor extension content in every event
  --production              testDeliveryFlag false`);
  process.exit(0);
}

const compiled = new URL('../dist/ech/generator/index.js', import.meta.url);
const generator = await import(compiled.href).catch(() =>
  fail(`${compiled.pathname} not found: build first (tsc -b services/registry-intake)`),
);
const options = {
  municipality: Number(values.municipality),
  seed: Number(values.seed),
  prefixStyle: values.prefix,
  messageId: values['message-id'],
  today: values.today,
  testDelivery: !values.production,
  timezoneDates: values['tz-dates'],
  withoutVnShare: Number(values['without-vn-share']),
  swissShare: Number(values['swiss-share']),
  variations: {
    municipalityNameOnly: values['name-only-municipality'],
    countryNameOnly: values['name-only-country'],
    withExtension: values.extension,
  },
};
if (!['eCH', 'ns2', 'e20', 'default'].includes(options.prefixStyle))
  fail(`--prefix must be eCH, ns2, e20 or default, not ${options.prefixStyle}`);
const count = Number(values.persons);
if (!Number.isInteger(count) || count < 1) fail('--persons must be a positive integer');
if (!Number.isInteger(options.municipality) || options.municipality < 1 || options.municipality > 9999)
  fail('--municipality must be a BFS number');

const started = performance.now();
const packages = Number(values.packages);
if (!Number.isInteger(packages) || packages < 1 || packages > 9999) fail('--packages must be 1 to 9999');
if (values.kind === 'base' && packages > 1) {
  if (!values.out) fail('--packages needs --out DIRECTORY');
  mkdirSync(values.out, { recursive: true });
  const uniqueIdDelivery = values['unique-id-delivery'] ?? `register-${options.municipality}-${options.today}`;
  for (const p of generator.basePackages(count, packages, { ...options, uniqueIdDelivery })) {
    const stats = {};
    const file = join(
      values.out,
      `package-${String(p.number).padStart(4, '0')}-of-${String(packages).padStart(4, '0')}.xml`,
    );
    await pipeline(Readable.from(generator.baseDeliveryChunks(p.persons, p.options, stats)), createWriteStream(file));
    console.error(
      `package ${p.number} of ${packages} of ${uniqueIdDelivery} (${stats.messageId}): ${stats.persons} persons (${stats.foreign} foreign) → ${file}`,
    );
  }
} else if (values.kind === 'base') {
  const stats = {};
  const source = Readable.from(generator.baseDeliveryChunks(count, options, stats));
  await pipeline(source, values.out ? createWriteStream(values.out) : process.stdout);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    `baseDelivery ${stats.messageId}: ${stats.persons} persons (${stats.foreign} foreign, ${stats.swiss} Swiss) in ${seconds} s${values.out ? ` → ${values.out}` : ''}`,
  );
} else if (values.kind === 'events') {
  if (!values.out) fail('--kind events needs --out DIRECTORY');
  mkdirSync(values.out, { recursive: true });
  const manifest = [];
  let n = 0;
  for (const delivery of generator.generateEventDeliveries(count, options)) {
    n++;
    const file = `${String(n).padStart(6, '0')}-${delivery.kind}.xml`;
    writeFileSync(join(values.out, file), delivery.xml);
    manifest.push({ file, messageId: delivery.messageId, kind: delivery.kind, expected: delivery.expected });
  }
  writeFileSync(join(values.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  console.error(
    `${n} deliveries in ${((performance.now() - started) / 1000).toFixed(1)} s → ${values.out} (manifest.json lists the expected outcome of each)`,
  );
} else {
  fail(`--kind must be base or events, not ${values.kind}`);
}
