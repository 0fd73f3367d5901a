/**
 * A real S3-compatible server for tests: s3rver on 127.0.0.1 (a free port) with one bucket, its
 * files in a temporary directory removed on stop.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

// s3rver ships no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
};

export interface LocalS3 {
  endpoint: string;
  bucket: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Environment for loadConfig: BLOB_STORE=s3 pointed at this server. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startLocalS3(bucket = 'kz-permits-files'): Promise<LocalS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 's3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  // s3rver's fixed test credentials.
  const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
  return {
    endpoint,
    bucket,
    credentials,
    env: {
      BLOB_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: credentials.accessKeyId,
      S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * A TCP proxy in front of a store that a test can take down: `setDown(true)` cuts every open
 * connection and refuses new ones; `refuse(pattern)` cuts a connection when a request matching it
 * starts (e.g. `PUT /bucket/documents/index.json`), so that one write fails and the rest pass.
 */
export async function startCuttableProxy(target: string): Promise<{
  endpoint: string;
  setDown(down: boolean): void;
  refuse(pattern: RegExp | undefined): void;
  stop(): Promise<void>;
}> {
  const { createServer, connect } = await import('node:net');
  const upstream = new URL(target);
  let refused: RegExp | undefined;
  let down = false;
  const sockets = new Set<import('node:net').Socket>();
  const track = (s: import('node:net').Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (down) return void client.destroy();
    const out = connect(Number(upstream.port), upstream.hostname);
    track(out);
    out.once('close', () => client.destroy());
    client.once('close', () => out.destroy());
    out.pipe(client);
    client.on('data', (chunk: Buffer) => {
      if (refused?.test(chunk.toString('latin1'))) {
        client.destroy();
        out.destroy();
      } else out.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setDown(value: boolean) {
      down = value;
      if (down) for (const s of sockets) s.destroy();
    },
    refuse(pattern: RegExp | undefined) {
      refused = pattern;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
