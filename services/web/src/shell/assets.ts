import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

/** A static file held in memory with its gzip form; its URL carries a content hash, so it is cached for a year. */
export interface Asset {
  url: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
}

const require = createRequire(import.meta.url);

function asset(name: string, ext: string, type: string, body: Buffer): Asset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { url: `/assets/${name}.${hash}.${ext}`, type, body, gzip: gzipSync(body, { level: 9 }) };
}

const own = (file: string) => readFileSync(new URL(`../../assets/${file}`, import.meta.url));

/** htmx is served from this service (no CDN): the only JavaScript a page loads. */
const htmx = asset(
  'htmx',
  'js',
  'text/javascript; charset=utf-8',
  readFileSync(require.resolve('htmx.org/dist/htmx.min.js')),
);
const css = asset('app', 'css', 'text/css; charset=utf-8', own('app.css'));
const icon = asset('icon', 'svg', 'image/svg+xml', own('icon.svg'));

export const ASSET_LIST: readonly Asset[] = [htmx, css, icon];
export const ASSETS = { htmx: htmx.url, css: css.url, icon: icon.url };
