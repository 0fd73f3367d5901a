/**
 * The production-like stack on Camunda 8.8, as a typed object. `docker-compose.yml` is generated
 * from it (`npx tsx deploy/gen-compose.ts`) so tests can check its structure without a YAML parser
 * or a Docker engine.
 */

export const IMAGES = {
  camunda: 'camunda/camunda:8.8.3',
  connectors: 'camunda/connectors-bundle:8.8.3',
  elasticsearch: 'docker.elastic.co/elasticsearch/elasticsearch:8.17.5',
  /** Staff sign-in (OpenID Connect), as Camunda 8.8 Identity uses it. */
  keycloak: 'quay.io/keycloak/keycloak:26.3.5',
  /** S3-compatible object storage for attachments and documents, and its client for the set-up job. */
  minio: 'minio/minio:RELEASE.2025-04-22T22-12-26Z',
  minioClient: 'minio/mc:RELEASE.2025-04-16T18-13-26Z',
  /** The application database (applications, operator records, audit trail): PostgreSQL 15. */
  postgres: 'postgres:15.14-bookworm',
  /** Our image, built from this repository by deploy/Dockerfile; tag it with the release. */
  app: 'kz-permits/app:0.1.0',
} as const;

export interface HealthCheck {
  test: string[];
  interval: string;
  timeout: string;
  retries: number;
  start_period?: string;
}

export type DependsOn = Record<
  string,
  { condition: 'service_started' | 'service_healthy' | 'service_completed_successfully' }
>;

export interface ComposeService {
  image: string;
  build?: { context: string; dockerfile: string; target?: string };
  profiles?: string[];
  entrypoint?: string[];
  command?: string[];
  init?: boolean;
  restart?: 'no' | 'always' | 'unless-stopped' | 'on-failure';
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: HealthCheck;
  depends_on?: DependsOn;
  volumes?: string[];
  extra_hosts?: string[];
  ulimits?: Record<string, { soft: number; hard: number }>;
  stop_grace_period?: string;
}

export interface ComposeFile {
  name: string;
  services: Record<string, ComposeService>;
  volumes: Record<string, Record<string, never>>;
}

/**
 * Services built from this repository, each configured as the configuration service of its name (the
 * rest are vendor images, and the one-shot `db-migrate`, which runs with the deploy job's configuration).
 */
export const OUR_SERVICES = ['workers', 'ui', 'simulators', 'deploy'] as const;

const build = { context: '.', dockerfile: 'deploy/Dockerfile', target: 'runtime' };

// Slim Node images have no curl: probe with Node's own fetch.
const nodeHttpCheck = (url: string): string[] => [
  'CMD',
  'node',
  '-e',
  'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))',
  url,
];

// The Camunda image has bash but not necessarily curl: speak HTTP over /dev/tcp.
const camundaHealth: HealthCheck = {
  test: [
    'CMD',
    'bash',
    '-c',
    'exec 3<>/dev/tcp/127.0.0.1/9600 && printf "GET /actuator/health/status HTTP/1.0\\r\\n\\r\\n" >&3 && head -n1 <&3 | grep -q " 200"',
  ],
  interval: '10s',
  timeout: '5s',
  retries: 30,
  start_period: '60s',
};

const elasticsearchHealth: HealthCheck = {
  test: ['CMD-SHELL', "curl -fsS 'http://localhost:9200/_cluster/health?wait_for_status=yellow&timeout=5s'"],
  interval: '10s',
  timeout: '10s',
  retries: 30,
};

const elasticsearch = (): ComposeService => ({
  image: IMAGES.elasticsearch,
  environment: {
    'discovery.type': 'single-node',
    'xpack.security.enabled': 'false',
    'bootstrap.memory_lock': 'true',
    // A dev laptop's disk is often fuller than Elasticsearch's default watermarks allow.
    'cluster.routing.allocation.disk.threshold_enabled': 'false',
    ES_JAVA_OPTS: '-Xms1g -Xmx1g',
  },
  ulimits: { memlock: { soft: -1, hard: -1 } },
  restart: 'unless-stopped',
  healthcheck: elasticsearchHealth,
});

/**
 * Zeebe broker + gateway, Operate, Tasklist and Identity in one container. Dev security: basic
 * auth with the demo/demo user for the web apps; the API stays unprotected unless
 * CAMUNDA_UNPROTECTED_API=false, in which case our services need CAMUNDA_AUTH_STRATEGY=BASIC.
 */
const camunda = (elasticsearchHost: string, extra: Record<string, string> = {}): ComposeService => ({
  image: IMAGES.camunda,
  environment: {
    CAMUNDA_DATA_SECONDARYSTORAGE_TYPE: 'elasticsearch',
    CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL: `http://${elasticsearchHost}:9200`,
    CAMUNDA_SECURITY_AUTHENTICATION_METHOD: 'BASIC',
    CAMUNDA_SECURITY_AUTHENTICATION_UNPROTECTEDAPI: '${CAMUNDA_UNPROTECTED_API:-true}',
    CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED: 'false',
    CAMUNDA_SECURITY_INITIALIZATION_USERS_0_USERNAME: 'demo',
    CAMUNDA_SECURITY_INITIALIZATION_USERS_0_PASSWORD: 'demo',
    CAMUNDA_SECURITY_INITIALIZATION_USERS_0_NAME: 'Demo User',
    CAMUNDA_SECURITY_INITIALIZATION_USERS_0_EMAIL: 'demo@example.com',
    CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_ADMIN_USERS_0: 'demo',
    JAVA_TOOL_OPTIONS: '-Xms512m -Xmx1g',
    ...extra,
  },
  restart: 'unless-stopped',
  healthcheck: camundaHealth,
  depends_on: { [elasticsearchHost]: { condition: 'service_healthy' } },
});

/** How our containers reach the cluster: the same variables the SDK reads (see docs/configuration.md). */
const clusterClientEnv = {
  MODE: 'production',
  LOG_LEVEL: '${LOG_LEVEL:-info}',
  ZEEBE_REST_ADDRESS: 'http://camunda:8080',
  CAMUNDA_AUTH_STRATEGY: '${CAMUNDA_AUTH_STRATEGY:-NONE}',
  CAMUNDA_BASIC_AUTH_USERNAME: '${CAMUNDA_BASIC_AUTH_USERNAME:-}',
  CAMUNDA_BASIC_AUTH_PASSWORD: '${CAMUNDA_BASIC_AUTH_PASSWORD:-}',
};

/** Shared by the web app's inbound channel and the simulated antimonopoly body that calls it. */
const INBOUND_TOKEN = '${INBOUND_TOKEN:?set INBOUND_TOKEN to 16 or more random characters}';

const waitForCluster: DependsOn = { camunda: { condition: 'service_healthy' } };

/** The bucket of attachments and documents (versioned: docs/operations.md). */
const BUCKET = 'kz-permits-files';
const MINIO_USER = '${MINIO_ROOT_USER:-kzpermits}';
const MINIO_PASSWORD = '${MINIO_ROOT_PASSWORD:?set MINIO_ROOT_PASSWORD to 8 or more random characters}';
/** Files in MinIO, shared by every replica of the workers and the web app: no shared volume. */
const objectStorageEnv = {
  BLOB_STORE: 's3',
  S3_ENDPOINT: 'http://minio:9000',
  S3_BUCKET: BUCKET,
  S3_ACCESS_KEY_ID: MINIO_USER,
  S3_SECRET_ACCESS_KEY: MINIO_PASSWORD,
};

/**
 * The application database. The defaults are for a local stack only: set POSTGRES_PASSWORD (letters,
 * digits, `-`, `_`: it is written into DATABASE_URL as it is) anywhere else.
 */
const POSTGRES_DB = 'kz_permits';
const POSTGRES_USER = '${POSTGRES_USER:-kzpermits}';
const POSTGRES_PASSWORD = '${POSTGRES_PASSWORD:-kzpermits-local-only}';
/** Every replica of the web app and the workers, and the migration, on the one database. */
const databaseEnv = {
  DATABASE_URL: `postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@postgres:5432/${POSTGRES_DB}`,
};

/**
 * Keycloak's address as browsers and the web app both see it. `*.localhost` names reach the host in
 * browsers; the web app's container maps the same name to the host (extra_hosts), so the issuer in
 * tokens is one URL for both. Set KEYCLOAK_URL to the real https address in production.
 */
const KEYCLOAK_URL = '${KEYCLOAK_URL:-http://keycloak.localhost:18081}';
/** The web app's address in browsers: its /auth/callback is registered in the realm. */
const WEB_URL = '${KZP_WEB_URL:-http://localhost:3000}';
const OIDC_CLIENT_SECRET = '${OIDC_CLIENT_SECRET:?set OIDC_CLIENT_SECRET to 16 or more random characters}';

export const compose: ComposeFile = {
  name: 'kz-permits',
  services: {
    elasticsearch: { ...elasticsearch(), volumes: ['elastic:/usr/share/elasticsearch/data'] },

    camunda: {
      ...camunda('elasticsearch'),
      ports: ['8080:8080', '26500:26500', '9600:9600'],
      volumes: ['camunda:/usr/local/camunda/data'],
    },

    // Process tests pin the engine clock (PUT /v2/clock); a cluster only allows that when started
    // clock-controlled, so this one is separate and never the one serving applications.
    'elasticsearch-test': { ...elasticsearch(), profiles: ['test'] },
    'camunda-test': {
      ...camunda('elasticsearch-test', { ZEEBE_CLOCK_CONTROLLED: 'true' }),
      profiles: ['test'],
      ports: ['18080:8080', '26600:26500', '19600:9600'],
    },

    connectors: {
      image: IMAGES.connectors,
      profiles: ['connectors'],
      environment: {
        CAMUNDA_CLIENT_MODE: 'self-managed',
        CAMUNDA_CLIENT_RESTADDRESS: 'http://camunda:8080',
        CAMUNDA_CLIENT_GRPCADDRESS: 'http://camunda:26500',
        'management.endpoint.health.probes.enabled': 'true',
      },
      ports: ['8085:8080'],
      restart: 'unless-stopped',
      healthcheck: {
        test: ['CMD-SHELL', 'curl -fsS http://localhost:8080/actuator/health/readiness'],
        interval: '10s',
        timeout: '5s',
        retries: 30,
        start_period: '30s',
      },
      depends_on: waitForCluster,
    },

    // Staff sign-in: the kz-permits realm (our client, the candidate groups, the group mapper) is
    // imported from deploy/keycloak/ on first start. People are added to groups in its admin console.
    keycloak: {
      image: IMAGES.keycloak,
      command: ['start', '--import-realm', '--http-enabled=true', '--health-enabled=true'],
      restart: 'unless-stopped',
      environment: {
        KC_HOSTNAME: KEYCLOAK_URL,
        KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: '${KEYCLOAK_ADMIN_PASSWORD:?set KEYCLOAK_ADMIN_PASSWORD}',
        // Read by the realm file's placeholders.
        OIDC_CLIENT_SECRET,
        KZP_WEB_URL: WEB_URL,
      },
      ports: ['18081:8080'],
      volumes: [
        './deploy/keycloak/realm-kz-permits.json:/opt/keycloak/data/import/realm-kz-permits.json:ro',
        'keycloak:/opt/keycloak/data',
      ],
      // No curl in the image: HTTP over /dev/tcp to the management port.
      healthcheck: {
        test: [
          'CMD',
          'bash',
          '-c',
          'exec 3<>/dev/tcp/127.0.0.1/9000 && printf "GET /health/ready HTTP/1.0\\r\\n\\r\\n" >&3 && head -n1 <&3 | grep -q " 200"',
        ],
        interval: '10s',
        timeout: '5s',
        retries: 30,
        start_period: '60s',
      },
    },

    // Object storage for attachments and documents; its console on :9001.
    minio: {
      image: IMAGES.minio,
      command: ['server', '/data', '--console-address', ':9001'],
      restart: 'unless-stopped',
      environment: { MINIO_ROOT_USER: MINIO_USER, MINIO_ROOT_PASSWORD: MINIO_PASSWORD },
      ports: ['9000:9000', '9001:9001'],
      volumes: ['minio:/data'],
      healthcheck: { test: ['CMD', 'mc', 'ready', 'local'], interval: '10s', timeout: '5s', retries: 10 },
    },

    // One-shot: creates the bucket with versioning on (a replaced or deleted file can be restored).
    'minio-setup': {
      image: IMAGES.minioClient,
      entrypoint: ['sh', '-c'],
      command: [
        `mc alias set files http://minio:9000 "$$MINIO_ROOT_USER" "$$MINIO_ROOT_PASSWORD" && mc mb --ignore-existing files/${BUCKET} && mc version enable files/${BUCKET}`,
      ],
      restart: 'no',
      environment: { MINIO_ROOT_USER: MINIO_USER, MINIO_ROOT_PASSWORD: MINIO_PASSWORD },
      depends_on: { minio: { condition: 'service_healthy' } },
    },

    postgres: {
      image: IMAGES.postgres,
      restart: 'unless-stopped',
      environment: { POSTGRES_DB, POSTGRES_USER, POSTGRES_PASSWORD },
      volumes: ['postgres:/var/lib/postgresql/data'],
      healthcheck: {
        test: ['CMD-SHELL', 'pg_isready -U "$$POSTGRES_USER" -d "$$POSTGRES_DB"'],
        interval: '5s',
        timeout: '5s',
        retries: 20,
        start_period: '10s',
      },
    },

    // One-shot: applies the application database's pending migrations (`npm run db:migrate`,
    // compiled), then exits; the web app and the workers start after it succeeds.
    'db-migrate': {
      image: IMAGES.app,
      build,
      command: ['node', 'dist/scripts/db-migrate.js'],
      restart: 'no',
      environment: { MODE: 'production', LOG_LEVEL: '${LOG_LEVEL:-info}', ...databaseEnv },
      depends_on: { postgres: { condition: 'service_healthy' } },
    },

    // One-shot: lints and deploys every diagram and form, then exits; workers start after it succeeds.
    deploy: {
      image: IMAGES.app,
      build,
      command: ['node', 'dist/deploy/deploy.js', '--address', 'http://camunda:8080'],
      restart: 'no',
      environment: { ...clusterClientEnv },
      depends_on: waitForCluster,
    },

    simulators: {
      image: IMAGES.app,
      build,
      command: ['node', 'dist/simulators/start.js'],
      init: true,
      restart: 'unless-stopped',
      environment: {
        MODE: 'production',
        LOG_LEVEL: '${LOG_LEVEL:-info}',
        SIMULATORS_HOST: '0.0.0.0',
        SIMULATORS_PORT: '8090',
        ANTIMONOPOLY_CALLBACK_URL: 'http://ui:3000/inbound/antimonopoly-answers',
        INBOUND_TOKEN: INBOUND_TOKEN,
      },
      ports: ['8090:8090'],
      healthcheck: {
        test: nodeHttpCheck('http://127.0.0.1:8090/health'),
        interval: '10s',
        timeout: '5s',
        retries: 10,
      },
    },

    workers: {
      image: IMAGES.app,
      build,
      command: ['node', 'dist/workers/start.js'],
      init: true,
      restart: 'unless-stopped',
      // Lets in-flight jobs finish on SIGTERM; unfinished ones return to the engine after their timeout.
      stop_grace_period: '30s',
      environment: {
        ...clusterClientEnv,
        ZEEBE_GRPC_ADDRESS: 'grpc://camunda:26500',
        GATEWAY_BASE_URL: 'http://simulators:8090',
        ...objectStorageEnv,
        ...databaseEnv,
        WORKER_MAX_PARALLEL_JOBS: '${WORKER_MAX_PARALLEL_JOBS:-32}',
      },
      // The worker has no HTTP server; healthy means it can reach the cluster it takes jobs from.
      healthcheck: {
        test: nodeHttpCheck('http://camunda:8080/v2/topology'),
        interval: '30s',
        timeout: '5s',
        retries: 3,
      },
      depends_on: {
        camunda: { condition: 'service_healthy' },
        deploy: { condition: 'service_completed_successfully' },
        'minio-setup': { condition: 'service_completed_successfully' },
        'db-migrate': { condition: 'service_completed_successfully' },
        simulators: { condition: 'service_healthy' },
      },
    },

    ui: {
      image: IMAGES.app,
      build,
      command: ['node', 'dist/ui/start.js'],
      init: true,
      restart: 'unless-stopped',
      environment: {
        ...clusterClientEnv,
        UI_HOST: '0.0.0.0',
        UI_PORT: '3000',
        UI_SESSION_SECRET: '${UI_SESSION_SECRET:?set UI_SESSION_SECRET to 32 or more random characters}',
        OIDC_ISSUER_URL: `${KEYCLOAK_URL}/realms/kz-permits`,
        OIDC_CLIENT_ID: 'kz-permits-web',
        OIDC_CLIENT_SECRET,
        OIDC_REDIRECT_URI: `${WEB_URL}/auth/callback`,
        INBOUND_TOKEN: INBOUND_TOKEN,
        ...objectStorageEnv,
        ...databaseEnv,
      },
      ports: ['3000:3000'],
      extra_hosts: ['keycloak.localhost:host-gateway'],
      healthcheck: {
        test: nodeHttpCheck('http://127.0.0.1:3000/health'),
        interval: '10s',
        timeout: '5s',
        retries: 10,
      },
      depends_on: {
        camunda: { condition: 'service_healthy' },
        deploy: { condition: 'service_completed_successfully' },
        'minio-setup': { condition: 'service_completed_successfully' },
        'db-migrate': { condition: 'service_completed_successfully' },
        keycloak: { condition: 'service_healthy' },
      },
    },
  },
  volumes: { elastic: {}, camunda: {}, keycloak: {}, minio: {}, postgres: {} },
};

/**
 * Resolves compose `${NAME}`, `${NAME:-default}` and `${NAME:?message}` the way `docker compose`
 * does, so tests can validate a service's environment as the container will see it.
 */
export function interpolate(value: string, hostEnv: Record<string, string | undefined>): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?:(:-|:\?)([^}]*))?\}/g,
    (_m, name: string, op?: string, arg?: string) => {
      const set = hostEnv[name];
      if (set !== undefined && set !== '') return set;
      if (op === ':?') throw new Error(`${name}: ${arg}`);
      return op === ':-' ? (arg ?? '') : '';
    },
  );
}

/** A service's environment after interpolation against the host environment. */
export function serviceEnvironment(
  service: string,
  hostEnv: Record<string, string | undefined> = {},
): Record<string, string> {
  const env = compose.services[service]?.environment ?? {};
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, interpolate(v, hostEnv)]));
}
