import path from 'node:path';
import type { AppConfig } from '../../config/schema';
import { createLocalBlobStore } from './local';
import { createS3BlobStore } from './s3';
import type { BlobStore } from './store';

export * from './store';
export { createLocalBlobStore } from './local';
export { createS3BlobStore, type S3BlobStoreOptions } from './s3';

/**
 * The configured object storage. `local` (the embedded default) keeps files under `localRoot`;
 * `s3` keeps them in the configured bucket under `prefix` (`attachments`, `documents`), so one
 * bucket serves every kind of file.
 */
export function blobStoreFromConfig(config: AppConfig, prefix: string, localRoot: string): BlobStore {
  const s3 = config.blobs.s3;
  if (config.blobs.kind === 'local') return createLocalBlobStore(path.resolve(localRoot));
  return createS3BlobStore({
    bucket: s3.bucket!,
    endpoint: s3.endpoint,
    region: s3.region,
    forcePathStyle: s3.forcePathStyle === 'true',
    credentials:
      s3.accessKeyId && s3.secretAccessKey
        ? { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey }
        : undefined,
    prefix: [s3.prefix, prefix].filter(Boolean).join('/'),
  });
}
