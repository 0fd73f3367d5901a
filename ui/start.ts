/**
 * Starts the web app (designer, clerk worklist, operations, applicant portal):
 *   npx tsx ui/start.ts
 * Env: UI_PORT (3000), UI_HOST, UI_SESSION_SECRET, ZEEBE_REST_ADDRESS, DOCUMENTS_DIR, UI_DATA_DIR (./data/ui),
 * OIDC_* (staff sign-in; unset in embedded mode: the embedded identity provider is started here).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { createLogger } from '../config/log';
import { loadConfig } from '../config/schema';
import { orchestrationClient, processStarter } from '../config/camunda';
import { systemClock } from '../domain/clock';
import { defaultLegalClock } from '../domain/legal-clock';
import { createApplicationStore } from '../intake/store';
import type { Intake } from '../intake/intake';
import { createDocumentService } from '../adapters/documents';
import { blobStoreFromConfig } from '../adapters/blobs';
import { createGatewayClients } from '../adapters/gateway';
import { createLegalAmendmentStore } from '../adapters/legal-amendments';
import { databaseLocation, openAppDatabase } from '../adapters/db/connect';
import { createAuditTrail } from '../adapters/db/audit';
import {
  importLegacyFileIndexes,
  importLegacyFiles,
  importLegacyRequestSignatures,
  importLegacySignedIndex,
} from '../adapters/db/upgrade';
import { lintDiagram } from '../engine/lint';
import { createApp } from './app';
import { createDraftStore } from './designer/drafts';
import { buildBundles, ENTRIES, MODULE_ENTRIES } from './build';
import { createOperatorAuditLog } from './operations/audit';
import { createCalendarRevisionStore } from '../adapters/calendar-revisions';
import { createMciRecordStore } from '../adapters/mci-records';
import { createTaskDraftStore } from './worklist/drafts';
import { startEmbeddedIdp, type EmbeddedIdp } from './auth/embedded-idp';
import { createSessionStore, embeddedSessionSecret } from './auth/sessions';
import { edsConfigFrom, signedBlobStore } from './eds/config';
import { createRequestSignatureLog } from '../adapters/eds/request-signatures';

const REPO_ROOT = path.resolve(__dirname, '..');

/**
 * The browser bundles. Compiled (`npm run build`, production) they were built with the rest and
 * are only checked; in development (tsx) they are built now, from the current sources.
 */
async function browserBundles(): Promise<string> {
  if (!__filename.endsWith('.js')) return buildBundles();
  const dir = path.join(__dirname, 'public', 'build');
  const missing = [...ENTRIES, ...MODULE_ENTRIES, 'carbon'].filter(
    (e) => !existsSync(path.join(dir, e === 'carbon' ? 'carbon.css' : `${e}.js`)),
  );
  if (missing.length)
    throw new Error(`browser bundles missing in ${dir} (${missing.join(', ')}): run npm run build`);
  return dir;
}

export interface StartUiOptions {
  /** Folder with the bpmn/ and forms/ the designer starts from (read only); the repository by default. */
  resourcesDir?: string;
}

export async function startUi(env: NodeJS.ProcessEnv = process.env, opts: StartUiOptions = {}) {
  const resourcesDir = opts.resourcesDir ?? REPO_ROOT;
  const config = loadConfig(env);
  const log = createLogger('ui', config.log.level);
  const dataDir = path.resolve(config.ui.dataDir);
  // Embedded mode may run without a configured secret: one is made once and kept in UI_DATA_DIR,
  // so sessions survive a restart.
  const sessionSecret = config.ui.sessionSecret ?? embeddedSessionSecret(dataDir);
  const camunda = orchestrationClient(config, {});
  // The application database: fails the start naming it when it is down or not migrated; the
  // embedded SQLite default is migrated here.
  const database = openAppDatabase(databaseLocation(config));
  await database.ready();
  // An install from before the application database: its files in UI_DATA_DIR are copied in once.
  const imported = await importLegacyFiles(database, dataDir);
  if (Object.keys(imported).length)
    log.info('earlier web-app files copied into the application database', imported);
  const store = createApplicationStore(database);

  const documentsDir = path.resolve(config.documents.dir);
  const documentBlobs = blobStoreFromConfig(config, 'documents', documentsDir);
  const attachmentsDir = path.join(dataDir, 'attachments');
  const attachmentBlobs = blobStoreFromConfig(config, 'attachments', attachmentsDir);
  // The files' metadata from before the application database (the stores' index files), once.
  const indexed = await importLegacyFileIndexes(database, {
    documents: documentBlobs,
    attachmentsDir,
    attachments: attachmentBlobs,
  });
  if (indexed.documents || indexed.attachments)
    log.info("earlier files' metadata copied into the application database", indexed);
  const signedIndexed = await importLegacySignedIndex(database, signedBlobStore(config, documentsDir));
  if (signedIndexed.signed)
    log.info('earlier signed results copied into the application database', signedIndexed);
  const requestSignatures = await importLegacyRequestSignatures(
    createRequestSignatureLog(database),
    path.join(dataDir, 'eds-request-signatures.jsonl'),
  );
  if (requestSignatures)
    log.info("earlier applicants' request signatures copied into the application database", {
      requestSignatures,
    });
  const documents = createDocumentService({
    dir: documentsDir,
    clock: systemClock,
    blobs: documentBlobs,
    database,
  });
  // Drafts, the operators' log and sessions are in the application database: every replica sees
  // them, and a restart keeps them.
  const designerDrafts = createDraftStore(database);
  const taskDrafts = createTaskDraftStore(database);

  const buildDir = await browserBundles();
  // Listen first: the embedded identity provider needs the web app's address to register it.
  const server = createServer();
  const port = Number(env.UI_PORT ?? config.ui.port);
  await new Promise<void>((resolve) => server.listen(port, config.ui.host, resolve));
  const url = `http://${config.ui.host}:${(server.address() as AddressInfo).port}`;
  const redirectUri = config.oidc.redirectUri ?? `${url}/auth/callback`;
  const postLogoutRedirectUri = `${new URL(redirectUri).origin}/`;
  let idp: EmbeddedIdp | undefined;
  let issuer = config.oidc.issuerUrl;
  let clientSecret = config.oidc.clientSecret;
  if (!issuer) {
    // Embedded mode: our own provider with the synthetic staff, registered for this run.
    clientSecret ??= randomBytes(24).toString('hex');
    idp = await startEmbeddedIdp({
      port: config.oidc.embeddedPort,
      clients: [
        {
          clientId: config.oidc.clientId,
          clientSecret,
          redirectUris: [redirectUri],
          postLogoutRedirectUris: [postLogoutRedirectUri],
        },
      ],
    });
    issuer = idp.issuer;
  }
  const sessionStore = createSessionStore(database);
  const app = createApp({
    camunda,
    processStarter: processStarter(config),
    store,
    legalClock: defaultLegalClock,
    clock: systemClock,
    sessionSecret,
    oidc: {
      issuer,
      clientId: config.oidc.clientId,
      clientSecret: clientSecret!,
      redirectUri,
      postLogoutRedirectUri,
      // Plain HTTP to the provider only outside production or on this machine's loopback names.
      allowHttp:
        issuer.startsWith('http:') &&
        (config.mode !== 'production' || /(^|\.)localhost$|^127\./.test(new URL(issuer).hostname)),
    },
    sessionStore,
    sessionIdleMs: config.ui.sessionIdleMinutes * 60_000,
    sessionAbsoluteMs: config.ui.sessionMaxHours * 3600_000,
    secureCookies:
      config.ui.secureCookies === 'auto' ? config.mode === 'production' : config.ui.secureCookies === 'true',
    inboundToken: config.inbound.token,
    repoDir: REPO_ROOT,
    resourcesDir,
    attachmentsDir,
    attachmentBlobs,
    documents,
    // The applicant's personal cabinet, where the workers send notices and results.
    cabinetMessages: createGatewayClients({
      baseUrl: config.gateway.baseUrl,
      baseUrls: config.gateway.urls.cabinet ? { cabinet: config.gateway.urls.cabinet } : {},
      timeoutMs: config.gateway.timeoutMs,
      retries: 0,
    }).cabinet.messages,
    amendments: createLegalAmendmentStore(database),
    audit: createAuditTrail(database),
    lintDiagram,
    designerDrafts,
    // The operations pages record into the same stores as `npm run calendar:revise` / `mci:record`.
    operations: {
      audit: createOperatorAuditLog(database),
      calendarRevisions: createCalendarRevisionStore(database),
      mciRecords: createMciRecordStore(database),
    },
    taskDrafts,
    buildDir,
    eds: edsConfigFrom(config, { documentsDir: path.resolve(config.documents.dir), dataDir, database }),
    log: (message, fields) => log.info(message, fields),
  });
  server.on('request', app);
  const resumer = (app.locals.intake as Intake).resumeStarting();
  const close = () =>
    new Promise<void>((resolve) => {
      resumer.stop();
      server.close(() => {
        void store.close();
        void database.close().then(resolve, resolve);
      });
      server.closeAllConnections();
    }).then(() => idp?.close());
  return { url, close, server, issuer };
}

if (require.main === module) {
  startUi().then(
    ({ url, close }) => {
      console.log(`ui ready at ${url}`);
      const stop = () => void close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
