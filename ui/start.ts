/**
 * Starts the web app (designer, clerk worklist, operations, applicant portal):
 *   npx tsx ui/start.ts
 * Env: UI_PORT (3000), UI_HOST, UI_SESSION_SECRET, ZEEBE_REST_ADDRESS, DOCUMENTS_DIR, UI_DATA_DIR (./data/ui).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Camunda8 } from '@camunda8/sdk';
import { loadConfig } from '../config/schema';
import { camundaClientOptions } from '../config/camunda';
import { systemClock } from '../domain/clock';
import { defaultLegalClock } from '../domain/legal-clock';
import { createApplicationStore } from '../intake/store';
import type { CamundaPort } from '../intake/camunda-port';
import { createDocumentService } from '../adapters/documents';
import { deployResources } from '../deploy/deploy';
import { lintDiagram } from '../engine/lint';
import { createApp } from './app';
import { buildBundles } from './build';
import { edsConfigFrom } from './eds/config';

const REPO_ROOT = path.resolve(__dirname, '..');

export interface StartUiOptions {
  /** Folder with the bpmn/ and forms/ the designer edits and deploys; the repository by default. */
  resourcesDir?: string;
}

export async function startUi(env: NodeJS.ProcessEnv = process.env, opts: StartUiOptions = {}) {
  const resourcesDir = opts.resourcesDir ?? REPO_ROOT;
  const config = loadConfig(env);
  const dataDir = path.resolve(config.ui.dataDir);
  // Embedded mode may run without a configured secret: sessions then last one process lifetime.
  const sessionSecret = config.ui.sessionSecret ?? randomBytes(32).toString('hex');
  const camunda = new Camunda8(
    camundaClientOptions(config),
  ).getOrchestrationClusterApiClient() as unknown as CamundaPort;
  const store = createApplicationStore(dataDir);

  const documents = createDocumentService({ dir: path.resolve(config.documents.dir), clock: systemClock });
  const deploy = () =>
    deployResources({ dir: resourcesDir, config, client: camunda as never, lint: lintDiagram });

  const buildDir = await buildBundles();
  const app = createApp({
    camunda,
    store,
    legalClock: defaultLegalClock,
    clock: systemClock,
    sessionSecret,
    inboundToken: config.inbound.token,
    repoDir: REPO_ROOT,
    resourcesDir,
    attachmentsDir: path.join(dataDir, 'attachments'),
    documents,
    lintDiagram,
    deploy,
    buildDir,
    eds: edsConfigFrom(config, { documentsDir: path.resolve(config.documents.dir), dataDir }),
    log: (message, fields) =>
      console.log(JSON.stringify({ at: new Date().toISOString(), service: 'ui', message, ...fields })),
  });
  const port = Number(env.UI_PORT ?? config.ui.port);
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(port, config.ui.host, () => resolve(s));
  });
  const url = `http://${config.ui.host}:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        store.close();
        resolve();
      });
      server.closeAllConnections();
    });
  return { url, close, server };
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
