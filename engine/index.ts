import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import { createEngineApp } from './api/app';
import { DocumentStore } from './documents/store';
import { Engine } from './runtime/engine';
import { DEFAULT_LIMITS, EngineLimits } from './runtime/limits';
import { openSqliteStore } from './store/sqlite-store';

export { Engine } from './runtime/engine';
export { EngineError } from './runtime/errors';

export interface EmbeddedEngineOptions {
  /** Directory of the SQLite file, or ':memory:' for throw-away engines in tests and benchmarks. */
  dataDir: string;
  port?: number;
  host?: string;
  lint?: boolean;
  log?: (msg: string) => void;
  /** Required `Authorization` secret (see ENGINE_TOKEN); unset only in tests and benchmarks. */
  token?: string;
  /** Size, time and queue limits; unset ones take DEFAULT_LIMITS. */
  limits?: Partial<EngineLimits>;
}

export interface RunningEngine {
  engine: Engine;
  /** Base address for the SDK's ZEEBE_REST_ADDRESS (without /v2). */
  address: string;
  close(): Promise<void>;
}

/** Starts the engine and its REST API; used by `npm run engine`, `npm start` and tests alike. */
export async function startEmbeddedEngine(opts: EmbeddedEngineOptions): Promise<RunningEngine> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const engine = new Engine({
    store: openSqliteStore(opts.dataDir, 'normal', limits.maxMessageBytes, opts.log),
    lint: opts.lint,
    log: opts.log,
    limits,
    groupCommit: true,
  });
  await engine.start();
  // Documents live beside the engine's database; a throw-away engine keeps them in a temporary folder.
  const documentsDir =
    opts.dataDir === ':memory:'
      ? fs.mkdtempSync(path.join(os.tmpdir(), 'engine-documents-'))
      : path.join(opts.dataDir, 'engine-documents');
  const documents = new DocumentStore(documentsDir, () => engine.now());
  const server = http.createServer(createEngineApp(engine, { token: opts.token, documents }));
  // Long-polling job activations hold connections open; keep-alive must outlast them.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, opts.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = opts.host && opts.host !== '0.0.0.0' ? opts.host : '127.0.0.1';
  return {
    engine,
    address: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: async () => {
      engine.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (opts.dataDir === ':memory:') fs.rmSync(documentsDir, { recursive: true, force: true });
    },
  };
}
