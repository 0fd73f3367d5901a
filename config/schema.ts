/**
 * The one configuration schema of the project. Every service (embedded engine, workers, web app,
 * simulators, deploy script) reads its settings through `loadConfig`, which validates the
 * environment against this table and returns a typed object. Code never reads `process.env`
 * directly; tests build the object with `loadConfig({...})`.
 *
 * `docs/configuration.md` is generated from this table (`npx tsx deploy/gen-config-doc.ts`).
 */
import { z } from 'zod';

export type Service = 'engine' | 'workers' | 'ui' | 'simulators' | 'deploy';

/** One configuration key: where it lives in `AppConfig`, its environment variable and its rules. */
export interface ConfigKey<S extends z.ZodType = z.ZodType> {
  /** Dotted path in `AppConfig`, e.g. `engine.port`. */
  readonly key: string;
  readonly env: string;
  readonly schema: S;
  /** Human-readable type, shown in docs and in errors. */
  readonly type: string;
  /** Applied when the variable is unset or empty; keys without a default are optional. */
  readonly default?: z.output<S>;
  readonly doc: string;
  /** Secrets are never echoed in errors or docs. */
  readonly secret: boolean;
  /** Who reads it: drives the generated doc and the compose checks. */
  readonly services: readonly Service[];
}

// Builders pair a schema with the type name shown to operators, so the two cannot drift.
const port = () => ({ schema: z.coerce.number().int().min(0).max(65535), type: 'integer 0–65535' });
const int = (min: number, max = Number.MAX_SAFE_INTEGER) => ({
  schema: z.coerce.number().int().min(min).max(max),
  type: max === Number.MAX_SAFE_INTEGER ? `integer ≥ ${min}` : `integer ${min}–${max}`,
});
const httpUrl = () => ({
  // Trailing slashes are dropped so `${url}/path` never doubles them.
  schema: z.url({ protocol: /^https?$/ }).transform((s) => s.replace(/\/+$/, '')),
  type: 'http(s) URL',
});
const grpcUrl = () => ({
  schema: z.string().regex(/^grpcs?:\/\/[^/\s:]+:\d+$/i, 'must be grpc://host:port or grpcs://host:port'),
  type: 'grpc(s)://host:port',
});
const text = () => ({ schema: z.string().min(1), type: 'string' });
const fileList = () => ({
  schema: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1)),
  type: 'comma-separated file paths',
});
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => ({
  schema: z.enum(values),
  type: values.join(' | '),
});

function key<
  const K extends string,
  S extends z.ZodType,
  const D extends z.output<S> | undefined = undefined,
>(
  path: K,
  env: string,
  rule: { schema: S; type: string },
  rest: { default?: D; doc: string; secret?: boolean; services: readonly Service[] },
): ConfigKey<S> & { readonly key: K; readonly default: D } {
  return {
    key: path,
    env,
    schema: rule.schema,
    type: rule.type,
    doc: rest.doc,
    secret: rest.secret ?? false,
    services: rest.services,
    default: rest.default as D,
  };
}

/**
 * State systems reached through the digital-government gateway. Each can be pointed elsewhere
 * with `GATEWAY_<SYSTEM>_URL`; otherwise it lives under `GATEWAY_BASE_URL/<system-in-kebab-case>`.
 */
export const GATEWAY_SYSTEMS = [
  'legalEntities',
  'persons',
  'education',
  'employment',
  'realEstate',
  'criminalRecords',
  'mentalHealth',
  'vehicles',
  'payments',
  'eLicensing',
  'cabinet',
  'monitoring',
  'antimonopoly',
] as const;
export type GatewaySystem = (typeof GATEWAY_SYSTEMS)[number];

const screaming = (camel: string) => camel.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
export const kebab = (camel: string) => camel.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();

const gatewayOverrides = GATEWAY_SYSTEMS.map((system) =>
  key(`gateway.urls.${system}` as const, `GATEWAY_${screaming(system)}_URL`, httpUrl(), {
    doc: `Base URL of the ${kebab(system)} system; defaults to GATEWAY_BASE_URL/${kebab(system)}.`,
    services: ['workers', 'simulators'],
  }),
);

const ALL: readonly Service[] = ['engine', 'workers', 'ui', 'simulators', 'deploy'];
const CLIENTS: readonly Service[] = ['workers', 'ui', 'deploy'];

export const CONFIG_KEYS = [
  key('mode', 'MODE', oneOf(['embedded', 'production'] as const), {
    default: 'embedded',
    doc: 'embedded: our engine on this machine. production: a Camunda 8.8 cluster; stricter checks apply (session secret required).',
    services: ALL,
  }),
  key('log.level', 'LOG_LEVEL', oneOf(['error', 'warn', 'info', 'debug'] as const), {
    default: 'info',
    doc: 'Least severe level written to the log.',
    services: ALL,
  }),

  key('camunda.restAddress', 'ZEEBE_REST_ADDRESS', httpUrl(), {
    default: 'http://localhost:8080',
    doc: 'Orchestration Cluster REST address without /v2 (the SDK appends it).',
    services: CLIENTS,
  }),
  key('camunda.grpcAddress', 'ZEEBE_GRPC_ADDRESS', grpcUrl(), {
    doc: 'Zeebe gRPC gateway. When set and reachable, workers use gRPC job streaming; otherwise REST polling.',
    services: ['workers'],
  }),
  key('camunda.authStrategy', 'CAMUNDA_AUTH_STRATEGY', oneOf(['NONE', 'BASIC', 'OAUTH'] as const), {
    default: 'NONE',
    doc: 'How clients authenticate to the cluster. NONE suits the embedded engine and an unprotected dev cluster.',
    services: CLIENTS,
  }),
  key('camunda.basicAuth.username', 'CAMUNDA_BASIC_AUTH_USERNAME', text(), {
    doc: 'User for BASIC auth (required when CAMUNDA_AUTH_STRATEGY=BASIC).',
    secret: true,
    services: CLIENTS,
  }),
  key('camunda.basicAuth.password', 'CAMUNDA_BASIC_AUTH_PASSWORD', text(), {
    doc: 'Password for BASIC auth (required when CAMUNDA_AUTH_STRATEGY=BASIC).',
    secret: true,
    services: CLIENTS,
  }),
  key('camunda.oauth.clientId', 'ZEEBE_CLIENT_ID', text(), {
    doc: 'OAuth client id (required when CAMUNDA_AUTH_STRATEGY=OAUTH).',
    services: CLIENTS,
  }),
  key('camunda.oauth.clientSecret', 'ZEEBE_CLIENT_SECRET', text(), {
    doc: 'OAuth client secret (required when CAMUNDA_AUTH_STRATEGY=OAUTH).',
    secret: true,
    services: CLIENTS,
  }),
  key('camunda.oauth.url', 'CAMUNDA_OAUTH_URL', httpUrl(), {
    doc: 'OAuth token endpoint (required when CAMUNDA_AUTH_STRATEGY=OAUTH).',
    services: CLIENTS,
  }),
  key('camunda.oauth.audience', 'ZEEBE_TOKEN_AUDIENCE', text(), {
    doc: 'Token audience, when the identity provider requires one.',
    services: CLIENTS,
  }),

  key('camunda.httpClient', 'CAMUNDA_HTTP_CLIENT', oneOf(['keep-alive', 'builtin'] as const), {
    default: 'keep-alive',
    doc: "How the clients send REST requests. keep-alive: node:http(s) with kept-alive connections (config/http-fetch.ts), about a third of the client's CPU per request. builtin: Node's own fetch, a fallback should a network setup need it.",
    services: CLIENTS,
  }),
  key('camunda.caCerts', 'CAMUNDA_CA_CERTS', fileList(), {
    doc: 'CA certificates (PEM files, comma-separated) trusted, besides the bundled roots, for an https ZEEBE_REST_ADDRESS or CAMUNDA_OAUTH_URL signed by a private CA (keep-alive client; the builtin one reads NODE_EXTRA_CA_CERTS instead).',
    services: CLIENTS,
  }),

  key('engine.port', 'ENGINE_PORT', port(), {
    default: 8080,
    doc: 'Port of the embedded engine REST API (/v2). 0 picks a free port (tests).',
    services: ['engine'],
  }),
  key('engine.host', 'ENGINE_HOST', text(), {
    default: '127.0.0.1',
    doc: 'Interface the embedded engine listens on; 0.0.0.0 inside a container.',
    services: ['engine'],
  }),
  key('engine.dataDir', 'ENGINE_DATA_DIR', text(), {
    default: './data',
    doc: 'Directory of the embedded engine SQLite file (back it up, see docs/operations.md).',
    services: ['engine'],
  }),
  key(
    'engine.token',
    'ENGINE_TOKEN',
    { schema: z.string().min(16), type: 'string of ≥ 16 characters' },
    {
      doc: "Secret every request to the embedded engine must carry, as `Authorization: Bearer <token>` or as the password of HTTP Basic (the SDK's REST client has no static-bearer strategy, so our services send it with CAMUNDA_AUTH_STRATEGY=BASIC and CAMUNDA_BASIC_AUTH_PASSWORD). Required by `npm run engine`; `npm start` generates one per start and hands it to its workers, web app and deploy.",
      secret: true,
      services: ['engine'],
    },
  ),
  key('engine.maxMessageBytes', 'ENGINE_MAX_MESSAGE_SIZE', int(1024, 64 * 1024 * 1024), {
    default: 4 * 1024 * 1024,
    doc: "Zeebe's maxMessageSize, in bytes: the largest variables of one command, stored record (a variable, a message) and deployment, and the largest FEEL result. Larger is refused with 400 (413 for a request body beyond it plus 64 KiB) and is not stored; a FEEL result beyond it is an incident.",
    services: ['engine'],
  }),
  key('engine.feelTimeoutMs', 'ENGINE_FEEL_TIMEOUT_MS', int(10, 60_000), {
    default: 1000,
    doc: 'Longest one FEEL expression (script task, mapping, condition) may evaluate; longer becomes an incident and the engine stays responsive.',
    services: ['engine'],
  }),
  key('engine.maxQueuedCommands', 'ENGINE_MAX_QUEUED_COMMANDS', int(1, 100_000), {
    default: 256,
    doc: 'Requests waiting for the embedded engine; beyond it a request is answered 429 RESOURCE_EXHAUSTED at once, which the SDK retries with back-off (back-pressure, as Zeebe does).',
    services: ['engine'],
  }),

  key('engine.maxDocumentBytes', 'ENGINE_MAX_DOCUMENT_SIZE', int(1024, 1024 * 1024 * 1024), {
    default: 10 * 1024 * 1024,
    doc: 'Largest document the engine stores through `/v2/documents`, in bytes (each file of a batch); a larger upload is answered 413 PAYLOAD_TOO_LARGE and nothing is stored.',
    services: ['engine'],
  }),

  key('ui.port', 'UI_PORT', port(), {
    default: 3000,
    doc: 'Port of the web app (designer, worklist, operations, portal).',
    services: ['ui'],
  }),
  key('ui.host', 'UI_HOST', text(), {
    default: '127.0.0.1',
    doc: 'Interface the web app listens on; 0.0.0.0 inside a container.',
    services: ['ui'],
  }),
  key(
    'ui.sessionSecret',
    'UI_SESSION_SECRET',
    { schema: z.string().min(32), type: 'string of ≥ 32 characters' },
    {
      doc: 'Signs web sessions. Required in production; in embedded mode the web app makes one once and keeps it in UI_DATA_DIR/session-secret. Every replica needs the same one.',
      secret: true,
      services: ['ui'],
    },
  ),

  key('ui.dataDir', 'UI_DATA_DIR', text(), {
    default: './data/ui',
    doc: 'Uploaded attachments and, unless DATABASE_URL is set, the application database (app.sqlite: applications, operator records, audit trail, drafts, operator actions, sessions; the workers open it too).',
    services: ['ui', 'workers'],
  }),
  key('ui.sessionIdleMinutes', 'UI_SESSION_IDLE_MINUTES', int(1, 24 * 60), {
    default: 30,
    doc: 'A web session ends after this many minutes without a request.',
    services: ['ui'],
  }),
  key('ui.sessionMaxHours', 'UI_SESSION_MAX_HOURS', int(1, 72), {
    default: 10,
    doc: 'A web session ends this many hours after sign-in, however active.',
    services: ['ui'],
  }),
  key('ui.secureCookies', 'UI_SECURE_COOKIES', oneOf(['auto', 'true', 'false'] as const), {
    default: 'auto',
    doc: 'Session cookies only over HTTPS (Secure). auto: on when MODE=production.',
    services: ['ui'],
  }),
  key('oidc.issuerUrl', 'OIDC_ISSUER_URL', httpUrl(), {
    doc: 'OpenID Connect provider of staff sign-in, e.g. https://id.example.kz/realms/kz-permits (Keycloak). Required in production; unset in embedded mode, the web app starts the embedded provider with synthetic staff.',
    services: ['ui'],
  }),
  key('oidc.clientId', 'OIDC_CLIENT_ID', text(), {
    default: 'kz-permits-web',
    doc: 'Client id of the web app at the provider (confidential client, authorization code with PKCE).',
    services: ['ui'],
  }),
  key(
    'oidc.clientSecret',
    'OIDC_CLIENT_SECRET',
    { schema: z.string().min(16), type: 'string of ≥ 16 characters' },
    {
      doc: 'Client secret of the web app at the provider. Required with OIDC_ISSUER_URL; the embedded provider gets one made per start.',
      secret: true,
      services: ['ui'],
    },
  ),
  key('oidc.redirectUri', 'OIDC_REDIRECT_URI', httpUrl(), {
    doc: "The web app's public /auth/callback address registered at the provider; its origin is also where sign-out returns. Unset: the address the web app listens on.",
    services: ['ui'],
  }),
  key('oidc.embeddedPort', 'OIDC_EMBEDDED_PORT', port(), {
    default: 0,
    doc: 'Port of the embedded identity provider on 127.0.0.1 (embedded mode only); 0 picks a free port.',
    services: ['ui'],
  }),

  key(
    'inbound.token',
    'INBOUND_TOKEN',
    { schema: z.string().min(16), type: 'string of ≥ 16 characters' },
    {
      doc: "Bearer token other state bodies' systems present to the web app's inbound channel (POST /inbound/antimonopoly-answers). Unset: the channel answers 503. `npm start` generates one per start and gives it to the simulators.",
      secret: true,
      services: ['ui', 'simulators'],
    },
  ),

  key('simulators.port', 'SIMULATORS_PORT', port(), {
    default: 8090,
    doc: 'Port of the state-system simulators behind the gateway.',
    services: ['simulators'],
  }),
  key('simulators.host', 'SIMULATORS_HOST', text(), {
    default: '127.0.0.1',
    doc: 'Interface the simulators listen on; 0.0.0.0 inside a container.',
    services: ['simulators'],
  }),

  key('simulators.antimonopolyCallbackUrl', 'ANTIMONOPOLY_CALLBACK_URL', httpUrl(), {
    doc: "Where the simulated antimonopoly body delivers its answers (the web app's /inbound/antimonopoly-answers), with INBOUND_TOKEN. Unset: answers are only recorded in the simulator.",
    services: ['simulators'],
  }),

  key('gateway.baseUrl', 'GATEWAY_BASE_URL', httpUrl(), {
    default: 'http://127.0.0.1:8090',
    doc: 'Digital-government gateway; each state system lives under it unless overridden.',
    services: ['workers', 'simulators'],
  }),
  ...gatewayOverrides,
  key('gateway.timeoutMs', 'GATEWAY_TIMEOUT_MS', int(1), {
    default: 5000,
    doc: 'Time limit of one gateway request, in milliseconds.',
    services: ['workers'],
  }),
  key('gateway.retries', 'GATEWAY_RETRIES', int(0, 10), {
    default: 2,
    doc: 'Extra attempts of a failed gateway request inside one job, before the job fails with a retry.',
    services: ['workers'],
  }),

  key(
    'database.url',
    'DATABASE_URL',
    {
      schema: z
        .string()
        .regex(
          /^(postgres(ql)?:\/\/\S+|sqlite:\S+)$/i,
          'must be postgres://…, postgresql://… or sqlite:<path>',
        ),
      type: 'postgres://user:password@host:port/db | sqlite:<path>',
    },
    {
      doc: 'The application database: applications and their idempotency records, calendar revisions, MCI values, legal amendments, the audit trail. PostgreSQL in production (every replica of the web app and the workers on the same one; `npm run db:migrate` applies the schema). Unset: SQLite in UI_DATA_DIR/app.sqlite, migrated at start, no server needed.',
      secret: true,
      services: ['workers', 'ui', 'deploy'],
    },
  ),

  key('documents.dir', 'DOCUMENTS_DIR', text(), {
    default: './data/documents',
    doc: 'Where generated documents (permits, refusals, notices) are written.',
    services: ['workers', 'ui'],
  }),

  key('blobs.kind', 'BLOB_STORE', oneOf(['local', 's3'] as const), {
    default: 'local',
    doc: 'Where files (attachments, generated and signed documents) are kept. local: directories on this machine (DOCUMENTS_DIR, UI_DATA_DIR/attachments), for the embedded default. s3: an S3-compatible bucket (MinIO, S3), shared by every replica; needs S3_BUCKET.',
    services: ['workers', 'ui'],
  }),
  key('blobs.s3.endpoint', 'S3_ENDPOINT', httpUrl(), {
    doc: "Address of the S3-compatible store, e.g. http://minio:9000. Unset: AWS S3's endpoint for S3_REGION.",
    services: ['workers', 'ui'],
  }),
  key('blobs.s3.bucket', 'S3_BUCKET', text(), {
    doc: 'Bucket of the files (required when BLOB_STORE=s3). Enable versioning on it (docs/operations.md).',
    services: ['workers', 'ui'],
  }),
  key('blobs.s3.region', 'S3_REGION', text(), {
    default: 'us-east-1',
    doc: 'Region of the bucket (MinIO accepts any; us-east-1 is its default).',
    services: ['workers', 'ui'],
  }),
  key(
    'blobs.s3.prefix',
    'S3_PREFIX',
    {
      schema: z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/, 'letters, digits, . _ - and no slashes'),
      type: 'key prefix',
    },
    {
      doc: 'Prefix of every key in the bucket, when the bucket is shared with other data. Files then live under <prefix>/attachments/ and <prefix>/documents/.',
      services: ['workers', 'ui'],
    },
  ),
  key('blobs.s3.accessKeyId', 'S3_ACCESS_KEY_ID', text(), {
    doc: "Access key of the store. Unset (with S3_SECRET_ACCESS_KEY): the SDK's default chain (AWS_* variables, instance or pod role).",
    secret: true,
    services: ['workers', 'ui'],
  }),
  key('blobs.s3.secretAccessKey', 'S3_SECRET_ACCESS_KEY', text(), {
    doc: 'Secret key of the store, with S3_ACCESS_KEY_ID.',
    secret: true,
    services: ['workers', 'ui'],
  }),
  key('blobs.s3.forcePathStyle', 'S3_FORCE_PATH_STYLE', oneOf(['true', 'false'] as const), {
    default: 'true',
    doc: 'Path-style addresses (http://host/bucket/key), which MinIO and most compatible stores need; false for virtual-hosted buckets on AWS.',
    services: ['workers', 'ui'],
  }),

  key('eds.trustedRoots', 'EDS_TRUSTED_ROOTS', fileList(), {
    doc: "Root CA certificates (PEM or DER files, comma-separated) that EDS signatures must chain up to: NCA RK's roots in production; unset, every signature is refused as untrusted. Embedded default: `npm start` trusts the NCALayer stand-in's test root.",
    services: ['ui'],
  }),
  key('eds.caCerts', 'EDS_CA_CERTS', fileList(), {
    doc: "Intermediate CA certificates (PEM or DER files, comma-separated) used to build chains, e.g. NCA RK's issuing CAs.",
    services: ['ui'],
  }),
  key('eds.crls', 'EDS_CRLS', fileList(), {
    doc: 'Certificate revocation lists (PEM or DER files, comma-separated) the CAs publish; a certificate listed in one is refused. Refresh them as the CA publishes.',
    services: ['ui'],
  }),
  key(
    'eds.ncalayerUrl',
    'EDS_NCALAYER_URL',
    { schema: z.url({ protocol: /^wss?$/ }), type: 'ws(s) URL' },
    {
      default: 'wss://127.0.0.1:13579',
      doc: "Where the applicant's and the official's browser finds NCALayer (the real one listens on wss://127.0.0.1:13579). `npm start` points it at its NCALayer stand-in.",
      services: ['ui'],
    },
  ),
  key('eds.standInPort', 'NCALAYER_STAND_IN_PORT', port(), {
    default: 13580,
    doc: 'Embedded mode only: port of the NCALayer stand-in (test keys of the seeded officials and applicants) that `npm start` runs.',
    services: ['ui'],
  }),

  key('worker.maxParallelJobs', 'WORKER_MAX_PARALLEL_JOBS', int(1, 1000), {
    default: 32,
    doc: 'Jobs one worker process holds at once, per job type; see docs/operations.md on scaling.',
    services: ['workers'],
  }),
  key('worker.jobTimeoutMs', 'WORKER_JOB_TIMEOUT_MS', int(1000), {
    default: 60000,
    doc: 'How long an activated job stays locked to a worker before the engine hands it to another.',
    services: ['workers'],
  }),

  key('rules.hearingNoticeWdBeforeEnd', 'HEARING_NOTICE_WD_BEFORE_END', int(0, 30), {
    default: 3,
    doc: 'C6: the preliminary-refusal notice goes out no later than this many working days before the term ends.',
    services: ['workers'],
  }),
  key('rules.hearingWithinWd', 'HEARING_WITHIN_WD', int(1, 30), {
    default: 2,
    doc: 'C6: the hearing is held no later than this many working days after the notice.',
    services: ['workers'],
  }),
  key('rules.hearingMinNoticeWd', 'HEARING_MIN_NOTICE_WD', int(0, 30), {
    default: 1,
    doc: 'C6: the hearing is set at least this many working days after the notice (checked in the preliminary decision).',
    services: ['workers'],
  }),
  key('rules.fireMinQualifiedSpecialists', 'FIRE_MIN_QUALIFIED_SPECIALISTS', int(1, 100), {
    default: 2,
    doc: 'Service A: qualified specialists the applicant must employ.',
    services: ['workers'],
  }),
  key('rules.completenessWdFire', 'COMPLETENESS_WD_FIRE', int(1, 10), {
    default: 2,
    doc: 'Service A: working days for the completeness check.',
    services: ['workers'],
  }),
] as const satisfies readonly ConfigKey[];

// ---- the typed object -------------------------------------------------------------------------

type Entry = (typeof CONFIG_KEYS)[number];
type ValueOf<E extends Entry> = undefined extends E['default']
  ? z.output<E['schema']> | undefined
  : z.output<E['schema']>;
type Nest<Path extends string, V> = Path extends `${infer Head}.${infer Tail}`
  ? { [P in Head]: Nest<Tail, V> }
  : { [P in Path]: V };
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
type Expand<T> = T extends object ? { [K in keyof T]: Expand<T[K]> } : T;
type RawConfig = Expand<
  UnionToIntersection<Entry extends infer E ? (E extends Entry ? Nest<E['key'], ValueOf<E>> : never) : never>
>;

/** Validated configuration: what code reads instead of `process.env`. */
export type AppConfig = Expand<
  Omit<RawConfig, 'gateway'> & {
    gateway: Omit<RawConfig['gateway'], 'urls'> & {
      /** Every state system's URL, overrides applied. */
      urls: Record<GatewaySystem, string>;
    };
  }
>;

export type Env = Record<string, string | undefined>;

export interface LoadOptions {
  /** The service loading its configuration; requirements of keys it does not read are skipped. */
  service?: Service;
}

/** One rejected key. `received` is absent for secrets. */
export interface ConfigIssue {
  env: string;
  key: string;
  expected: string;
  received?: string;
  message: string;
}

/** Thrown by `loadConfig`; lists every bad key at once so one restart fixes them all. */
export class ConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node = (node[part] ??= {}) as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}

function getPath(source: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], source);
}

const issue = (entry: ConfigKey, raw: string | undefined, problem: string): ConfigIssue => {
  const received = entry.secret || raw === undefined ? undefined : raw;
  const shown =
    raw === undefined ? 'nothing' : entry.secret ? 'a value (secret, not shown)' : JSON.stringify(raw);
  return {
    env: entry.env,
    key: entry.key,
    expected: entry.type,
    ...(received === undefined ? {} : { received }),
    message: `${entry.env} (${entry.key}): ${problem}; expected ${entry.type}, got ${shown}`,
  };
};

/**
 * Validates `env` against the schema and returns the typed configuration.
 * Empty strings count as unset, because compose and Helm often pass `FOO=""` for "not configured".
 * With `service`, keys only other services need are not required (the workers need no session secret).
 * @throws ConfigError naming every invalid key, its variable, the expected type and (unless secret) the value.
 */
export function loadConfig(env: Env, options: LoadOptions = {}): AppConfig {
  const out: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  for (const entry of CONFIG_KEYS as readonly ConfigKey[]) {
    const raw = env[entry.env];
    if (raw === undefined || raw.trim() === '') {
      setPath(out, entry.key, entry.default);
      continue;
    }
    const parsed = entry.schema.safeParse(raw.trim());
    if (parsed.success) setPath(out, entry.key, parsed.data);
    else issues.push(issue(entry, raw, 'invalid value'));
  }
  issues.push(...crossKeyIssues(out, new Set(issues.map((i) => i.env)), options.service));
  if (issues.length > 0) throw new ConfigError(issues);

  const gateway = out.gateway as { baseUrl: string; urls?: Partial<Record<GatewaySystem, string>> };
  gateway.urls = Object.fromEntries(
    GATEWAY_SYSTEMS.map((system) => [
      system,
      gateway.urls?.[system] ?? `${gateway.baseUrl}/${kebab(system)}`,
    ]),
  ) as Record<GatewaySystem, string>;
  return out as AppConfig;
}

const entryFor = (path: string): ConfigKey =>
  (CONFIG_KEYS as readonly ConfigKey[]).find((e) => e.key === path) as ConfigKey;

/** Rules that involve more than one key: credentials the chosen auth strategy needs, production-only requirements. */
function crossKeyIssues(
  out: Record<string, unknown>,
  alreadyRejected: Set<string>,
  service: Service | undefined,
): ConfigIssue[] {
  const missing = (path: string, because: string): ConfigIssue[] => {
    const entry = entryFor(path);
    const readByService = service === undefined || entry.services.includes(service);
    return readByService && getPath(out, path) === undefined && !alreadyRejected.has(entry.env)
      ? [issue(entry, undefined, `required ${because}`)]
      : [];
  };
  const strategy = getPath(out, 'camunda.authStrategy');
  const found: ConfigIssue[] = [];
  if (strategy === 'BASIC') {
    found.push(
      ...missing('camunda.basicAuth.username', 'when CAMUNDA_AUTH_STRATEGY=BASIC'),
      ...missing('camunda.basicAuth.password', 'when CAMUNDA_AUTH_STRATEGY=BASIC'),
    );
  }
  if (strategy === 'OAUTH') {
    for (const path of ['camunda.oauth.clientId', 'camunda.oauth.clientSecret', 'camunda.oauth.url']) {
      found.push(...missing(path, 'when CAMUNDA_AUTH_STRATEGY=OAUTH'));
    }
  }
  if (getPath(out, 'mode') === 'production') {
    found.push(...missing('ui.sessionSecret', 'when MODE=production'));
    found.push(...missing('oidc.issuerUrl', 'when MODE=production'));
  }
  if (getPath(out, 'blobs.kind') === 's3') found.push(...missing('blobs.s3.bucket', 'when BLOB_STORE=s3'));
  if (getPath(out, 'mode') === 'production' || getPath(out, 'oidc.issuerUrl') !== undefined) {
    found.push(...missing('oidc.clientSecret', 'with an OIDC provider (OIDC_ISSUER_URL or MODE=production)'));
  }
  return found;
}

/** One row of the configuration reference. Secrets show no default. */
export interface ConfigDescription {
  key: string;
  env: string;
  type: string;
  default: string | undefined;
  doc: string;
  secret: boolean;
  services: readonly Service[];
}

/** The schema as data, for `docs/configuration.md` and for tooling. */
export function describeConfig(): ConfigDescription[] {
  return (CONFIG_KEYS as readonly ConfigKey[]).map((e) => ({
    key: e.key,
    env: e.env,
    type: e.type,
    default: e.default === undefined || e.secret ? undefined : String(e.default),
    doc: e.doc,
    secret: e.secret,
    services: e.services,
  }));
}
