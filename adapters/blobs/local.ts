/**
 * Files in a local directory (the embedded default). Each write goes to a temporary file in the
 * same directory and is renamed over the key, so a reader never sees half a file and a failed
 * write leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobStoreUnavailableError, checkKey, type BlobInfo, type BlobStore } from './store';

const missing = (err: unknown) => (err as NodeJS.ErrnoException).code === 'ENOENT';

export function createLocalBlobStore(root: string): BlobStore {
  const dir = path.resolve(root);
  const file = (key: string) => path.join(dir, ...checkKey(key).split('/'));
  const fail = (operation: string, key: string, err: unknown): never => {
    throw new BlobStoreUnavailableError(dir, operation, key, err);
  };

  return {
    location: dir,
    async put(key, body, options = {}) {
      const target = file(key);
      const tmp = `${target}.${process.pid}.${randomUUID()}.tmp`;
      try {
        await mkdir(path.dirname(target), { recursive: true });
        await pipeline(Buffer.isBuffer(body) ? Readable.from([body]) : body, createWriteStream(tmp));
        const { size } = await stat(tmp);
        if (options.size !== undefined && options.size !== size)
          throw new Error(`expected ${options.size} bytes, received ${size}`);
        await rename(tmp, target);
        return { key, size, contentType: options.contentType };
      } catch (err) {
        await unlink(tmp).catch(() => undefined);
        return fail('put', key, err);
      }
    },
    async get(key) {
      try {
        return await readFile(file(key));
      } catch (err) {
        return missing(err) ? null : fail('get', key, err);
      }
    },
    async getStream(key) {
      const at = file(key);
      try {
        await stat(at);
      } catch (err) {
        return missing(err) ? null : fail('get', key, err);
      }
      return createReadStream(at);
    },
    async head(key): Promise<BlobInfo | null> {
      try {
        const s = await stat(file(key));
        return s.isFile() ? { key, size: s.size } : null;
      } catch (err) {
        return missing(err) ? null : fail('head', key, err);
      }
    },
    async delete(key) {
      try {
        await unlink(file(key));
      } catch (err) {
        if (!missing(err)) fail('delete', key, err);
      }
    },
  };
}
