// Prints an access token for a demo user (password grant of the public client si-cli), e.g.
//   curl -H "Authorization: Bearer $(node infra/scripts/token.mjs ib.solothurn)" localhost:3002/api/v1/cases
const [username, password = 'demo'] = process.argv.slice(2);
if (!username) {
  console.error('usage: node infra/scripts/token.mjs <username> [password]');
  process.exit(2);
}
const base = process.env.OIDC_AUTH_SERVER_URL ?? 'http://localhost:8080';
const res = await fetch(`${base}/realms/start-integration/protocol/openid-connect/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'password', client_id: 'si-cli', username, password }),
});
const body = await res.json();
if (!res.ok) {
  console.error(`token refused (${res.status}): ${body.error_description ?? body.error}`);
  process.exit(1);
}
console.log(body.access_token);
