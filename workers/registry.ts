import fs from 'node:fs';
import path from 'node:path';
import type { WorkerDefinition } from './types';

/** Files in workers/ that are infrastructure, not job types. */
export const INFRASTRUCTURE_FILES = new Set([
  'types.ts',
  'deps.ts',
  'registry.ts',
  'runtime.ts',
  'start.ts',
  'index.ts',
]);

/**
 * Every job type of the project: one file per type in this folder, named like the type. Reading the
 * folder (instead of a hand-kept list) means a new worker file is registered by existing, and the
 * drift test holds diagrams and files to each other.
 */
export function loadWorkerDefinitions(dir = __dirname): WorkerDefinition<any>[] {
  const defs: WorkerDefinition<any>[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    if (!file.endsWith('.ts') || file.endsWith('.d.ts') || INFRASTRUCTURE_FILES.has(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, file));
    const def: WorkerDefinition<any> | undefined = mod.default ?? mod.worker;
    if (!def || typeof def.handler !== 'function' || typeof def.type !== 'string') {
      throw new Error(`workers/${file} must default-export { type, handler }`);
    }
    if (`${def.type}.ts` !== file)
      throw new Error(
        `workers/${file} declares job type '${def.type}': the file must be named like its type`,
      );
    defs.push(def);
  }
  return defs;
}
