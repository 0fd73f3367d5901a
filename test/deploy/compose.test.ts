import { existsSync, readFileSync } from 'node:fs';
import { staffIdentityFromClaims } from '../../ui/auth/identity';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { databaseLocation } from '../../adapters/db/connect';
import { loadConfig } from '../../config/schema';
import { compose, interpolate, OUR_SERVICES, serviceEnvironment } from '../../deploy/compose';
import { compiledSources } from '../../scripts/build';
import { REPO_ROOT, runScript } from './support';

// js-yaml arrives with the lint tool chain (no type declarations); only these checks need a YAML reader.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require('js-yaml') as { load(text: string): unknown };

const services = Object.entries(compose.services);
const HOST_ENV = {
  UI_SESSION_SECRET: 'x'.repeat(32),
  INBOUND_TOKEN: 'y'.repeat(24),
  OIDC_CLIENT_SECRET: 'z'.repeat(24),
  KEYCLOAK_ADMIN_PASSWORD: 'admin-password',
  MINIO_ROOT_PASSWORD: 'minio-password',
};

describe('docker-compose.yml', () => {
  it('is generated from deploy/compose.ts and reads back as the same structure', () => {
    expect(runScript('deploy/gen-compose.ts', ['--check'])).toEqual({ code: 0, output: '' });
    const parsed = yaml.load(readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));
    expect(isDeepStrictEqual(parsed, JSON.parse(JSON.stringify(compose)))).toBe(true);
  });

  it('depends only on services it defines', () => {
    for (const [name, service] of services) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect({ service: name, dependency, defined: dependency in compose.services }).toMatchObject({
          defined: true,
        });
      }
    }
  });

  it('builds from files that exist', () => {
    for (const [, service] of services.filter(([, s]) => s.build)) {
      expect(existsSync(join(REPO_ROOT, service.build!.context, service.build!.dockerfile))).toBe(true);
      const dockerfile = readFileSync(join(REPO_ROOT, service.build!.dockerfile), 'utf8');
      expect(dockerfile).toMatch(new RegExp(`^FROM \\S+ AS ${service.build!.target}$`, 'm'));
    }
  });

  it('starts each of our services with node from the build output of an entry point in the repository', () => {
    const ours = services.filter(([, s]) => s.image === compose.services.ui.image);
    for (const [name, s] of ours)
      expect({ name, runs: s.command?.slice(0, 2) }).toMatchObject({
        name,
        runs: ['node', expect.stringMatching(/^dist\/.*\.js$/)],
      });
    const entryPoints = ours.map(([, s]) => s.command![1]);
    expect(entryPoints).toEqual(
      expect.arrayContaining([
        'dist/workers/start.js',
        'dist/ui/start.js',
        'dist/simulators/start.js',
        'dist/deploy/deploy.js',
      ]),
    );
    // `npm run build` compiles dist/x.js from x.ts; no service runs TypeScript through tsx.
    const sources = entryPoints.map((file) => file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
    expect(sources.filter((file) => !existsSync(join(REPO_ROOT, file)))).toEqual([]);
    expect(JSON.stringify(compose)).not.toContain('tsx');
  });

  it('publishes each host port once', () => {
    const hostPorts = services.flatMap(([, s]) => (s.ports ?? []).map((p) => p.split(':')[0]));
    expect(hostPorts.length).toBeGreaterThan(5);
    expect(new Set(hostPorts).size).toBe(hostPorts.length);
  });

  it('pins every image to a version', () => {
    for (const [name, service] of services) {
      const tag = service.image.split(':').pop();
      // MinIO names its releases by date; PostgreSQL's minor releases have two numbers.
      expect({ name, tag }).toEqual({
        name,
        tag: expect.stringMatching(
          /^\d+\.\d+\.\d+$|^RELEASE\.\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$|^\d+\.\d+-bookworm$/,
        ),
      });
    }
    expect(compose.services.camunda.image).toMatch(/^camunda\/camunda:8\.8\.\d+$/);
    expect(compose.services.connectors.image).toMatch(/^camunda\/connectors-bundle:8\.8\.\d+$/);
    expect(compose.services.elasticsearch.image).toMatch(/elasticsearch:8\.17\.\d+$/);
    expect(readFileSync(join(REPO_ROOT, 'deploy/Dockerfile'), 'utf8')).toMatch(
      /^FROM node:20\.\d+\.\d+-bookworm-slim/m,
    );
  });

  it('runs the cluster with Elasticsearch, the REST, gRPC and management ports, and a health check', () => {
    const camunda = compose.services.camunda;
    expect(camunda.ports).toEqual(expect.arrayContaining(['8080:8080', '26500:26500', '9600:9600']));
    expect(camunda.environment).toMatchObject({
      CAMUNDA_DATA_SECONDARYSTORAGE_TYPE: 'elasticsearch',
      CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL: 'http://elasticsearch:9200',
    });
    expect(camunda.healthcheck?.test.join(' ')).toContain('/actuator/health/status');
    expect(camunda.depends_on).toEqual({ elasticsearch: { condition: 'service_healthy' } });
  });

  it('allows clock control only on the test cluster behind the "test" profile', () => {
    const clockControlled = services.filter(([, s]) => s.environment?.ZEEBE_CLOCK_CONTROLLED === 'true');
    expect(clockControlled.map(([name]) => name)).toEqual(['camunda-test']);
    expect(compose.services['camunda-test'].profiles).toEqual(['test']);
    expect(compose.services.connectors.profiles).toEqual(['connectors']);
  });

  it('makes our services wait for a healthy cluster, and the workers for a completed deployment', () => {
    for (const name of OUR_SERVICES.filter((s) => s !== 'simulators')) {
      expect(compose.services[name].depends_on?.camunda).toEqual({ condition: 'service_healthy' });
    }
    expect(compose.services.workers.depends_on?.deploy).toEqual({
      condition: 'service_completed_successfully',
    });
    expect(compose.services.deploy.restart).toBe('no');
    expect(compose.services.deploy.command).toEqual([
      'node',
      'dist/deploy/deploy.js',
      '--address',
      'http://camunda:8080',
    ]);
  });

  it('gives every long-running service of ours a health check', () => {
    for (const name of OUR_SERVICES.filter((s) => s !== 'deploy')) {
      expect({ name, healthChecked: compose.services[name].healthcheck !== undefined }).toEqual({
        name,
        healthChecked: true,
      });
    }
  });

  it('points workers, web app and deploy job at the cluster through the SDK variables', () => {
    for (const name of ['workers', 'ui', 'deploy']) {
      const env = serviceEnvironment(name, HOST_ENV);
      expect({ name, ...env }).toMatchObject({
        name,
        MODE: 'production',
        ZEEBE_REST_ADDRESS: 'http://camunda:8080',
        CAMUNDA_AUTH_STRATEGY: 'NONE',
      });
    }
    expect(serviceEnvironment('workers', HOST_ENV).ZEEBE_GRPC_ADDRESS).toBe('grpc://camunda:26500');
  });

  it.each(OUR_SERVICES)("%s's environment is valid configuration", (name) => {
    const config = loadConfig(serviceEnvironment(name, HOST_ENV), { service: name });
    expect(config.mode).toBe('production');
  });

  it('accepts basic auth credentials from the host for a protected cluster API', () => {
    const env = serviceEnvironment('workers', {
      ...HOST_ENV,
      CAMUNDA_AUTH_STRATEGY: 'BASIC',
      CAMUNDA_BASIC_AUTH_USERNAME: 'demo',
      CAMUNDA_BASIC_AUTH_PASSWORD: 'demo',
    });
    expect(loadConfig(env, { service: 'workers' }).camunda.basicAuth).toEqual({
      username: 'demo',
      password: 'demo',
    });
  });

  it('keeps attachments and documents in MinIO, in a versioned bucket, with no shared volume', () => {
    for (const name of ['workers', 'ui']) {
      const config = loadConfig(serviceEnvironment(name, HOST_ENV), { service: name as 'workers' | 'ui' });
      expect({ name, blobs: config.blobs }).toEqual({
        name,
        blobs: {
          kind: 's3',
          s3: {
            endpoint: 'http://minio:9000',
            bucket: 'kz-permits-files',
            region: 'us-east-1',
            accessKeyId: 'kzpermits',
            secretAccessKey: 'minio-password',
            forcePathStyle: 'true',
          },
        },
      });
      expect(compose.services[name].depends_on).toMatchObject({
        'minio-setup': { condition: 'service_completed_successfully' },
      });
      expect(compose.services[name].volumes ?? []).toEqual([]);
    }
    expect(compose.services.minio.healthcheck).toBeDefined();
    const setup = compose.services['minio-setup'].command!.join(' ');
    expect(setup).toContain('mc mb --ignore-existing files/kz-permits-files');
    expect(setup).toContain('mc version enable files/kz-permits-files');
    expect(() => serviceEnvironment('workers', { ...HOST_ENV, MINIO_ROOT_PASSWORD: '' })).toThrow(
      /MINIO_ROOT_PASSWORD/,
    );
  });

  describe('the application database', () => {
    const postgres = compose.services.postgres;

    it('runs PostgreSQL 15 with its data in a named volume and a pg_isready health check', () => {
      expect(postgres.image).toMatch(/^postgres:15\.\d+-bookworm$/);
      expect(postgres.volumes).toEqual(['postgres:/var/lib/postgresql/data']);
      expect(compose.volumes).toHaveProperty('postgres');
      expect(postgres.healthcheck?.test).toEqual([
        'CMD-SHELL',
        'pg_isready -U "$$POSTGRES_USER" -d "$$POSTGRES_DB"',
      ]);
      expect(postgres.ports ?? []).toEqual([]);
      // Credentials from the host, with a default meant for a local stack only.
      expect(serviceEnvironment('postgres', {})).toEqual({
        POSTGRES_DB: 'kz_permits',
        POSTGRES_USER: 'kzpermits',
        POSTGRES_PASSWORD: 'kzpermits-local-only',
      });
      expect(serviceEnvironment('postgres', { POSTGRES_PASSWORD: 'from-the-host' }).POSTGRES_PASSWORD).toBe(
        'from-the-host',
      );
    });

    it('gives the web app, the workers and the migration one DATABASE_URL on that server, with its credentials', () => {
      const host = { ...HOST_ENV, POSTGRES_USER: 'permits', POSTGRES_PASSWORD: 'pg-secret-1' };
      const expected = 'postgres://permits:pg-secret-1@postgres:5432/kz_permits';
      for (const name of ['workers', 'ui', 'db-migrate'] as const) {
        const service = name === 'db-migrate' ? 'deploy' : name;
        const config = loadConfig(serviceEnvironment(name, host), { service });
        expect({ name, location: databaseLocation(config) }).toEqual({
          name,
          location: { dialect: 'postgres', url: expected },
        });
      }
      const server = serviceEnvironment('postgres', host);
      expect(expected).toBe(
        `postgres://${server.POSTGRES_USER}:${server.POSTGRES_PASSWORD}@postgres:5432/${server.POSTGRES_DB}`,
      );
    });

    it('migrates the database with the compiled migrate command before the web app and the workers start', () => {
      const migrate = compose.services['db-migrate'];
      expect(migrate.command).toEqual(['node', 'dist/scripts/db-migrate.js']);
      expect(migrate.restart).toBe('no');
      expect(migrate.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
      for (const name of ['workers', 'ui'])
        expect({ name, waits: compose.services[name].depends_on?.['db-migrate'] }).toEqual({
          name,
          waits: { condition: 'service_completed_successfully' },
        });
      // The same script as `npm run db:migrate`, and one that `npm run build` compiles into dist/.
      const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
      expect(pkg.scripts['db:migrate']).toBe('tsx scripts/db-migrate.ts');
      expect(compiledSources()).toContain('scripts/db-migrate.ts');
    });
  });

  it('refuses to start the web app without a session secret', () => {
    expect(() => serviceEnvironment('ui', {})).toThrow(/UI_SESSION_SECRET/);
    expect(interpolate('${A:-fallback}/${B}', { B: 'set' })).toBe('fallback/set');
  });

  describe('Keycloak for staff sign-in', () => {
    const realm = JSON.parse(readFileSync(join(REPO_ROOT, 'deploy/keycloak/realm-kz-permits.json'), 'utf8'));
    const webClient = realm.clients.find((c: { clientId: string }) => c.clientId === 'kz-permits-web');

    it('imports the kz-permits realm on start and reports health', () => {
      const keycloak = compose.services.keycloak;
      expect(keycloak.image).toMatch(/^quay\.io\/keycloak\/keycloak:26\.\d+\.\d+$/);
      expect(keycloak.command).toContain('--import-realm');
      const mount = keycloak.volumes!.find((v) =>
        v.endsWith('/opt/keycloak/data/import/realm-kz-permits.json:ro'),
      )!;
      expect(existsSync(join(REPO_ROOT, mount.split(':')[0]))).toBe(true);
      expect(keycloak.healthcheck).toBeDefined();
      expect(compose.services.ui.depends_on).toMatchObject({ keycloak: { condition: 'service_healthy' } });
    });

    it('registers the web app as a confidential client with PKCE and its secret from the environment', () => {
      expect(webClient).toMatchObject({
        publicClient: false,
        clientAuthenticatorType: 'client-secret',
        secret: '${OIDC_CLIENT_SECRET}',
        standardFlowEnabled: true,
        implicitFlowEnabled: false,
        directAccessGrantsEnabled: false,
        redirectUris: ['${KZP_WEB_URL}/auth/callback'],
      });
      expect(webClient.attributes['pkce.code.challenge.method']).toBe('S256');
      expect(webClient.attributes['post.logout.redirect.uris']).toBe('${KZP_WEB_URL}/');
    });

    it('has a group for every candidate group of docs/roles.md plus operators and designers, each giving a role', () => {
      const roles = readFileSync(join(REPO_ROOT, 'docs/roles.md'), 'utf8').split(
        '## Where roles come from',
      )[0];
      const candidateGroups = [...roles.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((m) => m[1]);
      expect(candidateGroups.length).toBeGreaterThanOrEqual(9);
      const groups = realm.groups.map((g: { name: string }) => g.name);
      expect(groups).toEqual(expect.arrayContaining([...candidateGroups, 'operators', 'designers']));
      for (const group of groups)
        expect({ group, roles: staffIdentityFromClaims({ sub: 's', groups: [group] }).roles.length }).toEqual(
          {
            group,
            roles: 1,
          },
        );
    });

    it('puts group membership (short names) and the IIN into the ID token and userinfo', () => {
      const mapper = (type: string) =>
        webClient.protocolMappers.find((m: { protocolMapper: string }) => m.protocolMapper === type).config;
      expect(mapper('oidc-group-membership-mapper')).toMatchObject({
        'claim.name': 'groups',
        'full.path': 'false',
        'id.token.claim': 'true',
        'userinfo.token.claim': 'true',
      });
      expect(mapper('oidc-usermodel-attribute-mapper')).toMatchObject({
        'user.attribute': 'iin',
        'claim.name': 'iin',
      });
    });

    it('points the web app at the same realm, client and secret as Keycloak', () => {
      const ui = serviceEnvironment('ui', HOST_ENV);
      const keycloak = serviceEnvironment('keycloak', HOST_ENV);
      expect(ui.OIDC_ISSUER_URL).toBe(`${keycloak.KC_HOSTNAME}/realms/${realm.realm}`);
      expect(ui.OIDC_CLIENT_ID).toBe(webClient.clientId);
      expect(ui.OIDC_CLIENT_SECRET).toBe(keycloak.OIDC_CLIENT_SECRET);
      expect(ui.OIDC_REDIRECT_URI).toBe(`${keycloak.KZP_WEB_URL}/auth/callback`);
      expect(new URL(ui.OIDC_ISSUER_URL).hostname).toBe('keycloak.localhost');
      expect(compose.services.ui.extra_hosts).toContain('keycloak.localhost:host-gateway');
      expect(() => serviceEnvironment('ui', { ...HOST_ENV, OIDC_CLIENT_SECRET: '' })).toThrow(
        /OIDC_CLIENT_SECRET/,
      );
    });
  });
});
