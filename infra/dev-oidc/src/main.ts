#!/usr/bin/env node
import { parseCliConfig, USAGE } from './cli-config.js';
import { startDevOidc } from './dev-oidc.js';
import type { DevOidcLogEntry } from './http-server.js';

// JSON lines like the services' logs, so the platform's log files read the same.
const log = (entry: DevOidcLogEntry): void => {
  const line = JSON.stringify({ time: new Date().toISOString(), service: 'dev-oidc', ...entry });
  (entry.level === 'info' ? process.stdout : process.stderr).write(line + '\n');
};

try {
  const options = parseCliConfig(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(USAGE + '\n');
  } else {
    const server = await startDevOidc({ ...options, log });
    log({
      level: 'info',
      message: 'dev-oidc listening',
      url: server.url,
      issuer: server.issuer,
      keyFile: options.keyFile,
    });
    const stop = (signal: string): void => {
      log({ level: 'info', message: `stopping on ${signal}` });
      server.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  }
} catch (error) {
  const message = (error as Error).message;
  process.stderr.write(`${message.startsWith('dev-oidc') ? '' : 'dev-oidc: '}${message}\n`);
  process.exit(1);
}
