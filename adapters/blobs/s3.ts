/**
 * Files in an S3-compatible bucket (MinIO, AWS S3, ...) through @aws-sdk/client-s3. A PUT is
 * atomic in S3: an object is either stored whole or not at all. A store that cannot be reached,
 * refuses the credentials or has no such bucket raises `BlobStoreUnavailableError`; callers let the
 * job fail and retry, or answer 503.
 */
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import { BlobStoreUnavailableError, checkKey, type BlobStore } from './store';

export interface S3BlobStoreOptions {
  bucket: string;
  /** e.g. http://minio:9000; unset: AWS's endpoint for the region. */
  endpoint?: string;
  region: string;
  /** Unset: the SDK's default chain (environment, instance role, ...). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Path-style addresses (http://host/bucket/key), which MinIO needs. */
  forcePathStyle: boolean;
  /** Keys are stored under this prefix (no slashes at either end). */
  prefix?: string;
  /** Attempts of one request before the store counts as unavailable (SDK back-off in between). */
  maxAttempts?: number;
  /** Milliseconds to connect and to wait for an answer. */
  timeoutMs?: number;
}

/** No such object (a missing bucket is not that: it is a store that is not set up). */
const notFound = (err: unknown) =>
  err instanceof S3ServiceException && (err.name === 'NoSuchKey' || err.name === 'NotFound');

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const timeout = options.timeoutMs ?? 10_000;
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    maxAttempts: options.maxAttempts ?? 3,
    // Checksums only where S3 requires them: MinIO and other compatible stores do not all accept
    // the SDK's trailing-checksum uploads.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: timeout, requestTimeout: timeout, throwOnRequestTimeout: true },
  });
  const prefix = options.prefix ? `${checkKey(options.prefix)}/` : '';
  const Key = (key: string) => `${prefix}${checkKey(key)}`;
  const location = `s3://${options.bucket}${prefix ? `/${prefix.slice(0, -1)}` : ''}`;
  const fail = (operation: string, key: string, err: unknown): never => {
    throw new BlobStoreUnavailableError(location, operation, key, err);
  };

  async function getObject(key: string) {
    const target = Key(key);
    try {
      return await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: target }));
    } catch (err) {
      return notFound(err) ? null : fail('get', key, err);
    }
  }

  return {
    location,
    async put(key, body, opts = {}) {
      const target = Key(key);
      // Read the whole body before sending (files here are at most 20 MB): a body that breaks
      // half-way then fails before anything reaches the store.
      let bytes: Buffer;
      try {
        bytes = Buffer.isBuffer(body) ? body : await readAll(body);
      } catch (err) {
        throw new Error(`file ${key} could not be read: ${(err as Error).message}`, { cause: err });
      }
      if (opts.size !== undefined && opts.size !== bytes.length)
        throw new Error(`file ${key}: expected ${opts.size} bytes, received ${bytes.length}`);
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: options.bucket,
            Key: target,
            Body: bytes,
            ContentLength: bytes.length,
            ContentType: opts.contentType ?? 'application/octet-stream',
          }),
        );
      } catch (err) {
        fail('put', key, err);
      }
      return { key, size: bytes.length, contentType: opts.contentType };
    },
    async get(key) {
      const found = await getObject(key);
      if (!found) return null;
      try {
        return Buffer.from(await found.Body!.transformToByteArray());
      } catch (err) {
        return fail('get', key, err);
      }
    },
    async getStream(key) {
      const found = await getObject(key);
      return found ? (found.Body as Readable) : null;
    },
    async head(key) {
      const target = Key(key);
      try {
        const h = await client.send(new HeadObjectCommand({ Bucket: options.bucket, Key: target }));
        return { key, size: h.ContentLength ?? 0, contentType: h.ContentType };
      } catch (err) {
        return notFound(err) ? null : fail('head', key, err);
      }
    },
    async delete(key) {
      const target = Key(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: target }));
      } catch (err) {
        if (!notFound(err)) fail('delete', key, err);
      }
    },
  };
}
