/**
 * How our processes connect to the engine, embedded or a Camunda 8.8 cluster: the options given to
 * `new Camunda8(...)`, and the choice between gRPC job streaming and REST job polling for workers.
 */
import { readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import type { Camunda8 } from '@camunda8/sdk';
import { keepAliveFetch } from './http-fetch';
import type { AppConfig } from './schema';
import type { SdkLogEvent } from './sdk-log';

/** What `new Camunda8(options)` accepts. */
export type CamundaClientOptions = NonNullable<ConstructorParameters<typeof Camunda8>[0]>;

// The SDK logs every worker start and stop at info; our own log carries what an operator needs at info.
const SDK_LOG_LEVEL = { error: 'error', warn: 'warn', info: 'warn', debug: 'debug' } as const;

/**
 * Builds the SDK options from our configuration. Values are explicit so the SDK's own reading of
 * `process.env` cannot override what `loadConfig` validated; credentials of strategies not in use
 * are left out so they are never sent.
 */
export function camundaClientOptions(config: AppConfig): CamundaClientOptions {
  const { camunda } = config;
  const options: CamundaClientOptions = {
    ZEEBE_REST_ADDRESS: camunda.restAddress,
    CAMUNDA_AUTH_STRATEGY: camunda.authStrategy,
    CAMUNDA_LOG_LEVEL: SDK_LOG_LEVEL[config.log.level],
  };
  if (camunda.grpcAddress !== undefined) options.ZEEBE_GRPC_ADDRESS = camunda.grpcAddress;
  if (camunda.authStrategy === 'BASIC') {
    options.CAMUNDA_BASIC_AUTH_USERNAME = camunda.basicAuth.username;
    options.CAMUNDA_BASIC_AUTH_PASSWORD = camunda.basicAuth.password;
  }
  if (camunda.authStrategy === 'OAUTH') {
    options.ZEEBE_CLIENT_ID = camunda.oauth.clientId;
    options.ZEEBE_CLIENT_SECRET = camunda.oauth.clientSecret;
    options.CAMUNDA_OAUTH_URL = camunda.oauth.url;
    if (camunda.oauth.audience !== undefined) options.ZEEBE_TOKEN_AUDIENCE = camunda.oauth.audience;
  }
  return options;
}

export type WorkerTransport = 'grpc-stream' | 'rest';

export interface TransportChoice {
  transport: WorkerTransport;
  /** Set when gRPC was asked for but cannot be used: log it as a warning at start-up. */
  warning?: string;
}

/**
 * gRPC job streaming pushes jobs to workers as soon as they are created (lower latency, no
 * polling load); it needs a real Zeebe gateway. The embedded engine and REST-only setups use REST
 * job polling, which runs the same handlers.
 */
export async function chooseWorkerTransport(
  config: AppConfig,
  probeGrpc: (address: string) => Promise<boolean>,
): Promise<TransportChoice> {
  const address = config.camunda.grpcAddress;
  if (address === undefined) return { transport: 'rest' };
  let reachable = false;
  try {
    reachable = await probeGrpc(address);
  } catch {
    reachable = false;
  }
  if (reachable) return { transport: 'grpc-stream' };
  return {
    transport: 'rest',
    warning:
      `ZEEBE_GRPC_ADDRESS=${address} is set but not reachable; workers fall back to REST job polling ` +
      `at ${config.camunda.restAddress}. Check the address and that port is open, or unset ZEEBE_GRPC_ADDRESS.`,
  };
}

/**
 * Probes a `grpc://host:port` address with a plain TCP connect. It proves a listener, not a Zeebe
 * gateway, which is enough to tell a typo or a closed port from a running cluster.
 */
export function probeGrpcTcp(address: string, timeoutMs = 2000): Promise<boolean> {
  const url = new URL(address);
  const port = Number(url.port || (url.protocol === 'grpcs:' ? 443 : 26500));
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.connect(port, url.hostname);
  });
}

/**
 * The official Orchestration Cluster client with SDK settings the `Camunda8` wrapper does not pass
 * through (it translates a fixed set of keys). Workers need one: every REST job worker holds a
 * long-polling activation open, and the client's adaptive concurrency gate (16 requests by default)
 * would otherwise starve job types beyond the sixteenth.
 */
export function orchestrationClient(
  config: AppConfig,
  sdkOverrides: Record<string, string>,
  /** Receives the client's log events instead of the console (see config/sdk-log.ts). */
  log?: { level: string; transport: (event: SdkLogEvent) => void },
) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { translateToOcaEnvOverrides } = require('@camunda8/sdk/dist/lib/CamundaClientConfigTranslator');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createCamundaClient } = require('@camunda8/orchestration-cluster-api');
  const fetch = camundaFetch(config, {
    oneAttempt:
      sdkOverrides.CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS === ONE_ATTEMPT.CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS,
  });
  // BASIC credentials never change: the keep-alive fetch sends the very header the SDK would add,
  // and the SDK, told NONE, no longer copies every Request to add it (a fifth of its CPU per call).
  const sdkConfig =
    fetch && config.camunda.authStrategy === 'BASIC'
      ? camundaClientOptions({ ...config, camunda: { ...config.camunda, authStrategy: 'NONE' } })
      : camundaClientOptions(config);
  const overrides = translateToOcaEnvOverrides({ sdkConfig, ocaOverrides: sdkOverrides });
  return createCamundaClient({
    config: overrides,
    ...(log ? { log } : {}),
    ...(fetch ? { fetch } : {}),
  }) as ReturnType<Camunda8['getOrchestrationClusterApiClient']>;
}

/**
 * The `fetch` a client is given: the keep-alive one (config/http-fetch.ts), or none (Node's own)
 * with CAMUNDA_HTTP_CLIENT=builtin. One per client, so each client has its own sockets. A client
 * that makes one attempt per request does not resend a request on a reused socket the server reset.
 */
export function camundaFetch(config: AppConfig, opts: { oneAttempt?: boolean } = {}) {
  const { camunda } = config;
  if (camunda.httpClient === 'builtin') return undefined;
  const { username, password } = camunda.basicAuth;
  return keepAliveFetch({
    ca: camunda.caCerts?.map((file) => readFileSync(file)),
    retryStaleSocket: opts.oneAttempt !== true,
    // As the SDK's BASIC strategy makes it (its BasicAuthManager).
    ...(camunda.authStrategy === 'BASIC' && username && password
      ? {
          headers: {
            authorization: `Basic ${Buffer.from(`${username.trim()}:${password.trim()}`).toString('base64')}`,
          },
        }
      : {}),
  });
}

/**
 * The SDK retries a request after a network error, a process start included: when the engine
 * started the process and only its answer was lost, the retry starts a second one, out of the
 * intake's sight. Process starts therefore go through a client that makes one attempt; the intake
 * then looks for the started instance before it starts again (intake/intake.ts `start`).
 */
export const ONE_ATTEMPT: Readonly<Record<string, string>> = { CAMUNDA_SDK_HTTP_RETRY_MAX_ATTEMPTS: '1' };

/** The client the intake starts processes with: the configured one, with a single attempt per request. */
export function processStarter(config: AppConfig, sdkOverrides: Record<string, string> = {}) {
  return orchestrationClient(config, { ...sdkOverrides, ...ONE_ATTEMPT });
}
