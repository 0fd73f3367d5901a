/**
 * Starts the e2e system by hand for debugging the web app: npx tsx test/e2e/support/dev-system.ts
 * With --stub-forms, forms referenced by diagrams but not yet in forms/ get a one-field placeholder
 * in a temporary copy, so pages can be tried while forms are still being written.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, startSystem } from './system';

function stubbedCopy(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kzp-dev-deploy-'));
  cpSync(path.join(REPO, 'bpmn'), path.join(dir, 'bpmn'), { recursive: true });
  mkdirSync(path.join(dir, 'forms'), { recursive: true });
  if (existsSync(path.join(REPO, 'forms')))
    cpSync(path.join(REPO, 'forms'), path.join(dir, 'forms'), { recursive: true });
  const have = new Set(
    readdirSync(path.join(dir, 'forms'))
      .filter((f) => f.endsWith('.form'))
      .map((f) => JSON.parse(readFileSync(path.join(dir, 'forms', f), 'utf8')).id),
  );
  for (const file of readdirSync(path.join(dir, 'bpmn')).filter((f) => f.endsWith('.bpmn'))) {
    for (const [, id] of readFileSync(path.join(dir, 'bpmn', file), 'utf8').matchAll(/formId="([^"]+)"/g)) {
      if (have.has(id)) continue;
      have.add(id);
      writeFileSync(
        path.join(dir, 'forms', `${id}.form`),
        JSON.stringify({
          id,
          type: 'default',
          schemaVersion: 18,
          executionPlatform: 'Camunda Cloud',
          executionPlatformVersion: '8.8.0',
          components: [
            { id: `${id}_remarks`, key: 'remarks', label: 'Remarks / Ескертпе', type: 'textarea' },
          ],
        }),
      );
    }
  }
  return dir;
}

const deployDir = process.argv.includes('--stub-forms') ? stubbedCopy() : undefined;
startSystem({ deployDir, workers: !process.argv.includes('--no-workers') }).then(
  (s) => {
    console.log(`ready: ui ${s.uiUrl} engine ${s.engineAddress} workers ${s.workers}`);
    process.once('SIGINT', () => void s.close().then(() => process.exit(0)));
    process.once('SIGTERM', () => void s.close().then(() => process.exit(0)));
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
