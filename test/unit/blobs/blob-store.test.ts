/**
 * One contract, two implementations: every case runs against the local directory (the embedded
 * default) and against the S3 implementation talking to a real S3-compatible server (s3rver) on
 * 127.0.0.1. Then: a store that is down gives a clear error, and a write that fails leaves the old
 * object whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  BlobStoreUnavailableError,
  blobStoreFromConfig,
  createLocalBlobStore,
  createS3BlobStore,
  prefixed,
  type BlobStore,
} from '../../../adapters/blobs';
import { loadConfig } from '../../../config/schema';
import { isTransient } from '../../../workers/define';
import { startLocalS3, type LocalS3 } from '../../support/s3';

let s3: LocalS3;
let dir: string;
beforeAll(async () => {
  s3 = await startLocalS3();
  dir = mkdtempSync(path.join(tmpdir(), 'blobs-'));
});
afterAll(async () => {
  await s3.stop();
  rmSync(dir, { recursive: true, force: true });
});

const pdf = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n%%EOF`);
const read = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
};
/** A stream that sends some bytes, then breaks (a client gone mid-upload, a disk error). */
const broken = () =>
  new Readable({
    read() {
      this.push(Buffer.alloc(1024, 1));
      this.destroy(new Error('connection reset'));
    },
  });

const implementations: [string, () => BlobStore][] = [
  ['local directory', () => createLocalBlobStore(path.join(dir, 'local'))],
  [
    'S3 (s3rver on 127.0.0.1)',
    () =>
      createS3BlobStore({
        bucket: s3.bucket,
        endpoint: s3.endpoint,
        region: 'us-east-1',
        credentials: s3.credentials,
        forcePathStyle: true,
      }),
  ],
];

describe.each(implementations)('BlobStore contract: %s', (_name, make) => {
  let store: BlobStore;
  beforeAll(() => {
    store = make();
  });

  it('returns the bytes put under a key, and their size', async () => {
    const bytes = pdf('permit 2026-000001');
    const info = await store.put('documents/FP-2026-000001-kk.pdf', bytes, {
      contentType: 'application/pdf',
    });
    expect(info).toMatchObject({ key: 'documents/FP-2026-000001-kk.pdf', size: bytes.length });
    expect((await store.get('documents/FP-2026-000001-kk.pdf'))!.equals(bytes)).toBe(true);
    expect(await store.head('documents/FP-2026-000001-kk.pdf')).toMatchObject({ size: bytes.length });
  });

  it('takes and gives streams', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 7, 0x5a);
    await store.put(
      'attachments/files/0123456789abcdef',
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
      {
        size: bytes.length,
      },
    );
    const stream = await store.getStream('attachments/files/0123456789abcdef');
    expect((await read(stream!)).equals(bytes)).toBe(true);
  });

  it('answers null for a key that is not there', async () => {
    expect(await store.get('documents/none.pdf')).toBeNull();
    expect(await store.getStream('documents/none.pdf')).toBeNull();
    expect(await store.head('documents/none.pdf')).toBeNull();
  });

  it('replaces an object whole, and deletes it (deleting twice is no error)', async () => {
    await store.put('x/replace.bin', Buffer.from('first version, longer'));
    await store.put('x/replace.bin', Buffer.from('second'));
    expect((await store.get('x/replace.bin'))!.toString()).toBe('second');
    await store.delete('x/replace.bin');
    await store.delete('x/replace.bin');
    expect(await store.head('x/replace.bin')).toBeNull();
  });

  it('keeps the old object whole when a write breaks half-way', async () => {
    await store.put('x/kept.pdf', pdf('original'));
    await expect(store.put('x/kept.pdf', broken(), { size: 4096 })).rejects.toThrow();
    expect((await store.get('x/kept.pdf'))!.equals(pdf('original'))).toBe(true);
    await expect(store.put('x/never.pdf', broken(), { size: 4096 })).rejects.toThrow();
    expect(await store.head('x/never.pdf')).toBeNull();
  });

  it('refuses keys that could leave the store or differ between implementations', async () => {
    for (const key of ['../etc/passwd', '/abs', 'a//b', 'a/../b', '', 'a/b/', 'пример.pdf', '.hidden'])
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(RangeError);
  });

  it('keeps prefixed views apart', async () => {
    const signed = prefixed(store, 'signed');
    await signed.put('FP-1.signed.pdf', pdf('signed'));
    expect((await store.get('signed/FP-1.signed.pdf'))!.equals(pdf('signed'))).toBe(true);
    expect(await signed.head('FP-1.signed.pdf')).toMatchObject({ key: 'FP-1.signed.pdf' });
    expect(await prefixed(store, 'other').get('FP-1.signed.pdf')).toBeNull();
  });
});

describe('a store that is down', () => {
  it('S3: a closed port gives BlobStoreUnavailableError naming the bucket and the key', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const down = createS3BlobStore({
      bucket: 'kz-permits-files',
      endpoint: `http://127.0.0.1:${port}`,
      region: 'us-east-1',
      credentials: s3.credentials,
      forcePathStyle: true,
      maxAttempts: 2,
      timeoutMs: 2000,
    });
    for (const call of [
      () => down.put('documents/a.pdf', pdf('a')),
      () => down.get('documents/a.pdf'),
      () => down.head('documents/a.pdf'),
    ]) {
      const err = await call().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(BlobStoreUnavailableError);
      // Workers retry it with back-off instead of raising an incident at once.
      expect(isTransient(err)).toBe(true);
      expect((err as Error).message).toMatch(
        /^file store s3:\/\/kz-permits-files unavailable \((put|get|head) documents\/a\.pdf\)/,
      );
    }
  });

  it('S3: a bucket that does not exist is unavailable, not "no such file"', async () => {
    const wrong = createS3BlobStore({
      bucket: 'no-such-bucket',
      endpoint: s3.endpoint,
      region: 'us-east-1',
      credentials: s3.credentials,
      forcePathStyle: true,
    });
    await expect(wrong.put('a.pdf', pdf('a'))).rejects.toThrow(BlobStoreUnavailableError);
    await expect(wrong.get('a.pdf')).rejects.toThrow(BlobStoreUnavailableError);
  });

  it('local: a root that cannot be written gives BlobStoreUnavailableError naming the directory', async () => {
    const file = path.join(dir, 'not-a-directory');
    writeFileSync(file, 'x');
    const err = await createLocalBlobStore(file)
      .put('a.pdf', pdf('a'))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BlobStoreUnavailableError);
    expect((err as Error).message).toContain(file);
  });
});

describe('configuration', () => {
  it('BLOB_STORE=s3 needs S3_BUCKET, and names it', () => {
    expect(() => loadConfig({ BLOB_STORE: 's3' }, { service: 'workers' })).toThrow(
      /S3_BUCKET.*required when BLOB_STORE=s3/,
    );
  });

  it('the configured S3 store and the local default reach the same files under their prefixes', async () => {
    const config = loadConfig(s3.env, { service: 'workers' });
    const docs = blobStoreFromConfig(config, 'documents', '/unused');
    await docs.put('FP-2.pdf', pdf('two'));
    const raw = createS3BlobStore({
      bucket: s3.bucket,
      endpoint: s3.endpoint,
      region: 'us-east-1',
      credentials: s3.credentials,
      forcePathStyle: true,
    });
    expect((await raw.get('documents/FP-2.pdf'))!.equals(pdf('two'))).toBe(true);
    const local = blobStoreFromConfig(
      loadConfig({}, { service: 'workers' }),
      'documents',
      path.join(dir, 'cfg'),
    );
    expect(local.location).toBe(path.join(dir, 'cfg'));
  });
});
