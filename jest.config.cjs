// One Jest run over every project, so that CI gets one summary. Integration tests share one
// PostgreSQL/RabbitMQ/Redis and isolate themselves by database, vhost-free queue prefixes and Redis prefixes.
const preset = require('./jest.preset.cjs');
const projects = ['libs', 'services'].flatMap((group) =>
  require('node:fs')
    .readdirSync(`${__dirname}/${group}`)
    .map((name) => preset(`${__dirname}/${group}/${name}`, name)),
);
module.exports = {
  projects: [
    ...projects,
    preset(`${__dirname}/contracts`, 'contracts'),
    preset(`${__dirname}/infra`, 'infra'),
    preset(`${__dirname}/test`, 'e2e'),
  ],
  testTimeout: 60000,
};
