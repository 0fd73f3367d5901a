/**
 * Object storage for files: applicants' attachments, generated documents and signed results. One
 * interface with two implementations: a local directory (the embedded default) and any
 * S3-compatible store (MinIO in compose, S3 or a compatible service in production). Keys are
 * slash-separated paths of letters, digits, `.`, `_` and `-` (no `..`, no leading slash), so a key
 * means the same file in both.
 */
import type { Readable } from 'node:stream';

export interface BlobInfo {
  key: string;
  size: number;
  contentType?: string;
}

export interface PutOptions {
  contentType?: string;
  /** Bytes the body must have; a body of another length is refused and nothing is stored. */
  size?: number;
}

export interface BlobStore {
  /** Where the files live, for logs and errors (a directory or `s3://bucket/prefix`). */
  readonly location: string;
  /** Writes the whole object or nothing: a reader never sees part of it. */
  put(key: string, body: Buffer | Readable, options?: PutOptions): Promise<BlobInfo>;
  /** The object's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** The object as a stream, or null when there is none. */
  getStream(key: string): Promise<Readable | null>;
  head(key: string): Promise<BlobInfo | null>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/** A store that cannot be reached or refuses to work (down, wrong credentials, no bucket). */
export class BlobStoreUnavailableError extends Error {
  readonly code = 'BLOB_STORE_UNAVAILABLE';
  constructor(
    readonly location: string,
    readonly operation: string,
    readonly key: string,
    cause: unknown,
  ) {
    super(
      `file store ${location} unavailable (${operation} ${key}): ${cause instanceof Error ? cause.message || cause.name : String(cause)}`,
      { cause },
    );
    this.name = 'BlobStoreUnavailableError';
  }
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Refuses keys that could escape a directory or differ between the implementations. */
export function checkKey(key: string): string {
  const parts = key.split('/');
  if (key.length === 0 || key.length > 512 || !parts.every((p) => SEGMENT.test(p) && p !== '..'))
    throw new RangeError(`invalid file key ${JSON.stringify(key)}`);
  return key;
}

/** The same store seen under a prefix: `prefixed(store, 'signed').put('a.pdf')` writes `signed/a.pdf`. */
export function prefixed(store: BlobStore, prefix: string): BlobStore {
  checkKey(prefix);
  const full = (key: string) => `${prefix}/${checkKey(key)}`;
  const strip = (info: BlobInfo | null) => info && { ...info, key: info.key.slice(prefix.length + 1) };
  return {
    location: `${store.location}/${prefix}`,
    put: async (key, body, options) => strip(await store.put(full(key), body, options))!,
    get: (key) => store.get(full(key)),
    getStream: (key) => store.getStream(full(key)),
    head: async (key) => strip(await store.head(full(key))),
    delete: (key) => store.delete(full(key)),
  };
}
