/**
 * Writes every diagram into bpmn/. Run: `npx tsx tools/bpmn-builder/generate.ts`.
 * The generated files are the source of truth for deployment; this script is how they are kept
 * uniform (ids, documentation, escalation pattern) — edit here and regenerate, or edit the XML in
 * Camunda Modeler and stop regenerating that file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagrams } from './index';

const out = join(__dirname, '..', '..', 'bpmn');
const only = process.argv.slice(2);
for (const [file, build] of Object.entries(diagrams)) {
  if (only.length && !only.includes(file)) continue;
  writeFileSync(join(out, `${file}.bpmn`), build().toXml());
  console.log(`bpmn/${file}.bpmn`);
}
