import { ALL_HOLDERS } from './holders';
import { createTestPki, writeTrustFiles } from './pki';
import { startNcaLayerStandIn, type NcaLayerStandIn } from './server';

export { ALL_HOLDERS, APPLICANTS, BAD_CERTIFICATES, STAFF_SIGNERS } from './holders';
export { createTestPki, writeTrustFiles, type TestPki, type KeyHolder } from './pki';
export { startNcaLayerStandIn, type NcaLayerStandIn } from './server';

/**
 * The stand-in as `npm start` and the browser tests run it: a fresh test CA with keys for every
 * seeded holder, its trust files written to `dir`, and the environment that makes the web app
 * trust it and send browsers to it. The default key is the seeded licence applicant's.
 */
export async function startEmbeddedNcaLayer(opts: {
  dir: string;
  port?: number;
  host?: string;
  defaultAlias?: string;
}): Promise<{ standIn: NcaLayerStandIn; env: Record<string, string> }> {
  const pki = await createTestPki(ALL_HOLDERS);
  const files = writeTrustFiles(pki, opts.dir);
  const standIn = await startNcaLayerStandIn({
    pki,
    port: opts.port ?? 0,
    host: opts.host,
    defaultAlias: opts.defaultAlias ?? 'licence-applicant',
  });
  return {
    standIn,
    env: {
      EDS_TRUSTED_ROOTS: files.rootPem,
      EDS_CA_CERTS: files.intermediatePem,
      EDS_CRLS: files.crlPem,
      EDS_NCALAYER_URL: standIn.url,
    },
  };
}
