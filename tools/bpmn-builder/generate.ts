/**
 * Writes every diagram into bpmn/. Run: `npx tsx tools/bpmn-builder/generate.ts [file ...]`.
 * The builder is the source of the shipped diagrams (docs/decisions/0007-diagrams-source-of-truth.md):
 * edit here and regenerate; test/models/source-of-truth.test.ts fails when bpmn/ differs from this output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagrams } from './index';

async function main() {
  const out = join(__dirname, '..', '..', 'bpmn');
  const only = process.argv.slice(2);
  for (const [file, build] of Object.entries(diagrams)) {
    if (only.length && !only.includes(file)) continue;
    writeFileSync(join(out, `${file}.bpmn`), await build().toXml());
    console.log(`bpmn/${file}.bpmn`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
