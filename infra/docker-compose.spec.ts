import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

// docker compose cannot run on the development machines (no Docker engine): this test checks the
// file's structure so that it stays a faithful description of the platform. It does not claim it ran.
const root = join(import.meta.dirname, '..');
const compose = YAML.parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<
    string,
    {
      image?: string;
      command?: string[];
      ports?: string[];
      volumes?: string[];
      environment?: Record<string, string>;
      healthcheck?: { test: unknown };
      depends_on?: Record<string, { condition: string }>;
      build?: { args?: Record<string, string> };
    }
  >;
};
const services = {
  'registry-intake': 3001,
  'case-management': 3002,
  offers: 3003,
  subsidies: 3004,
  reporting: 3005,
  dfpa: 3006,
};

describe('docker-compose.yml', () => {
  it('has the infrastructure, real Keycloak 26, the six services and the web workspace', () => {
    expect(Object.keys(compose.services).sort()).toEqual(
      ['keycloak', 'postgres', 'rabbitmq', 'redis', 'web', ...Object.keys(services)].sort(),
    );
    expect(compose.services.keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:26/);
    expect(compose.services.rabbitmq.image).toMatch(/management/);
  });

  it('publishes the ports of DESIGN.md on loopback only', () => {
    const published = (name: string) =>
      (compose.services[name].ports ?? []).map((p) => p.split(':').slice(0, 2).join(':'));
    expect(published('postgres')).toContain('127.0.0.1:5432');
    expect(published('rabbitmq')).toContain('127.0.0.1:5672');
    expect(published('redis')).toContain('127.0.0.1:6379');
    expect(published('keycloak')).toContain('127.0.0.1:8080');
    for (const [name, port] of Object.entries(services)) {
      expect(published(name)).toEqual([`127.0.0.1:${port}`]);
      expect(compose.services[name].environment?.PORT).toBe(String(port));
      expect(compose.services[name].build?.args?.SERVICE).toBe(name);
    }
  });

  it('runs the web workspace on 3000 as client si-web against Keycloak, Redis and every service, once they are healthy', () => {
    const web = compose.services['web'];
    expect(web.ports).toEqual(['127.0.0.1:3000:3000']);
    expect(web.build?.args?.SERVICE).toBe('web');
    expect(web.environment).toMatchObject({
      PORT: '3000',
      WEB_PUBLIC_URL: 'http://localhost:3000',
      OIDC_AUTH_SERVER_URL: 'http://localhost:8080',
      WEB_OIDC_CLIENT_ID: 'si-web',
      OIDC_DISCOVERY_URL: 'http://keycloak:8080/realms/start-integration/.well-known/openid-configuration',
      REDIS_URL: 'redis://redis:6379',
    });
    // The callback and the page after logout are the ones the realm registers for si-web.
    const realm = JSON.parse(readFileSync(join(root, 'infra/keycloak/realm-start-integration.json'), 'utf8')) as {
      clients: { clientId: string; secret?: string; redirectUris?: string[]; attributes?: Record<string, string> }[];
    };
    const client = realm.clients.find((c) => c.clientId === 'si-web')!;
    expect(client.secret).toBe(web.environment?.WEB_OIDC_CLIENT_SECRET);
    expect(client.redirectUris).toContain(`${web.environment?.WEB_PUBLIC_URL}/auth/callback`);
    expect(client.attributes?.['post.logout.redirect.uris']?.split('##')).toContain(
      `${web.environment?.WEB_PUBLIC_URL}/`,
    );
    const envNames: Record<string, string> = {
      'registry-intake': 'REGISTRY_INTAKE_URL',
      'case-management': 'CASE_MANAGEMENT_URL',
      offers: 'OFFERS_URL',
      subsidies: 'SUBSIDIES_URL',
      reporting: 'REPORTING_URL',
      dfpa: 'DFPA_URL',
    };
    for (const [name, port] of Object.entries(services))
      expect(web.environment?.[envNames[name]!]).toBe(`http://${name}:${port}`);
    for (const name of ['redis', 'keycloak', ...Object.keys(services)])
      expect(web.depends_on?.[name]).toEqual({ condition: 'service_healthy' });
  });

  it('connects every service to the broker with its own user, never guest (security probe F1)', () => {
    for (const name of Object.keys(services))
      expect(new URL(compose.services[name].environment?.AMQP_URL ?? '').username).toBe(name);
  });

  it('gives every part a healthcheck and starts services only after their dependencies are healthy', () => {
    for (const [name, service] of Object.entries(compose.services))
      expect({ name, healthcheck: Boolean(service.healthcheck) }).toEqual({ name, healthcheck: true });
    for (const name of Object.keys(services)) {
      expect(compose.services[name].depends_on).toEqual({
        postgres: { condition: 'service_healthy' },
        rabbitmq: { condition: 'service_healthy' },
        redis: { condition: 'service_healthy' },
        keycloak: { condition: 'service_healthy' },
      });
    }
  });

  it('imports the realm export into Keycloak and mounts files that exist', () => {
    expect(compose.services.keycloak.command).toEqual(['start-dev', '--import-realm']);
    expect(compose.services.keycloak.volumes).toContain(
      './infra/keycloak/realm-start-integration.json:/opt/keycloak/data/import/realm-start-integration.json:ro',
    );
    for (const service of Object.values(compose.services)) {
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('./'))
          expect({ source, exists: existsSync(join(root, source)) }).toEqual({ source, exists: true });
      }
    }
  });

  it('keeps Redis durable for BullMQ (AOF, never evict)', () => {
    expect(compose.services.redis.command).toEqual(
      expect.arrayContaining(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']),
    );
  });
});
