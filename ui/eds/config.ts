import path from 'node:path';
import type { AppConfig } from '../../config/schema';
import { createRequestSignatureLog } from '../../adapters/eds/request-signatures';
import { createSignedDocumentStore } from '../../adapters/eds/signed-documents';
import { blobStoreFromConfig } from '../../adapters/blobs';
import { loadTrustStore } from '../../adapters/eds/trust';
import { STAFF_SIGNERS } from '../../simulators/ncalayer/holders';
import type { EdsConfig } from './routes';
import type { AppDatabase } from '../../adapters/db/connect';
import { createEdsChallengeRepository } from '../../adapters/db/eds-challenges';
import { createResultPreparationRepository } from '../../adapters/db/result-preparations';

/** Where the signed results' PDFs are: `documents/signed/` of the bucket, or `<documents dir>/signed`. */
export const signedBlobStore = (config: AppConfig, documentsDir: string) =>
  blobStoreFromConfig(config, 'documents/signed', path.join(documentsDir, 'signed'));

/**
 * The web app's EDS settings from the configuration. EDS is on when trusted roots are configured
 * (`npm start` configures the stand-in's) and always in production, where without roots every
 * signature is refused. Off otherwise: a bare embedded web app keeps the typed-BIN sign-in.
 */
export function edsConfigFrom(
  config: AppConfig,
  dirs: { documentsDir: string; dataDir: string; database?: AppDatabase },
): EdsConfig | undefined {
  const roots = config.eds.trustedRoots;
  if (!roots && config.mode !== 'production') return undefined;
  // Embedded default: the seeded officials' IINs (the stand-in's keys); production: the identity
  // provider's IIN claim on the session.
  const embeddedStaff = new Map(STAFF_SIGNERS.map((s) => [s.userId, s.iin]));
  return {
    trust: loadTrustStore({ roots: roots ?? [], intermediates: config.eds.caCerts, crls: config.eds.crls }),
    ncalayerUrl: config.eds.ncalayerUrl,
    // Rows in the application database (every replica sees one signature, and refuses a second),
    // the PDFs in the object storage.
    signed: createSignedDocumentStore(
      path.join(dirs.documentsDir, 'signed'),
      signedBlobStore(config, dirs.documentsDir),
      dirs.database,
    ),
    ...(dirs.database
      ? {
          challenges: createEdsChallengeRepository(dirs.database),
          preparations: createResultPreparationRepository(dirs.database),
        }
      : {}),
    // Rows in the application database, so that a clerk on any replica sees them.
    requestSignatures: createRequestSignatureLog(dirs.database, dirs.dataDir),
    staffIin: (session) =>
      session.iin ?? (config.mode === 'production' ? undefined : embeddedStaff.get(session.userId)),
  };
}
