import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docs/traceability.md maps each rule to diagram elements and to the tests that cover it. A table
 * that cites a test which does not exist, or an element no diagram has, misleads its readers; this
 * test keeps it true.
 */

const root = join(__dirname, '..', '..');
const table = readFileSync(join(root, 'docs', 'traceability.md'), 'utf8');

type Row = { line: number; cells: string[] };

const rows: Row[] = table
  .split('\n')
  .map((text, i) => ({ text, line: i + 1 }))
  .filter(({ text }) => text.startsWith('|') && !/^\|\s*-/.test(text))
  .map(({ text, line }) => ({
    line,
    cells: text
      .trim()
      .replace(/^\||\|$/g, '')
      .split('|')
      .map((c) => c.trim()),
  }))
  .filter((r) => r.cells[0] !== 'rule' && !r.cells[0].startsWith('§ ') && r.cells.length >= 3);

function filesUnder(dir: string, ext: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), ext) : e.name.endsWith(ext) ? [join(dir, e.name)] : [],
  );
}

const allTests = filesUnder(join(root, 'test'), '.ts')
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

const elementIds = new Set(
  filesUnder(join(root, 'bpmn'), '.bpmn').flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]),
  ),
);

/** A cited scenario name may elide words with "…"; every remaining piece must be in the source. */
function cites(source: string, name: string): boolean {
  return name
    .split('…')
    .map((p) => p.trim())
    .filter(Boolean)
    .every((piece) => source.includes(piece));
}

const ELEMENT = /`((?:Start|End|Task|Gateway|Event|Call|Boundary|SubProcess|Sub)_[A-Za-z0-9_*]+)`/g;

describe('docs/traceability.md', () => {
  test('has rows to check', () => {
    expect(rows.length).toBeGreaterThan(20);
  });

  test('every test file it cites exists and contains the scenarios named after it', () => {
    const problems: string[] = [];
    for (const { line, cells } of rows) {
      const covered = cells[cells.length - 1];
      for (const m of covered.matchAll(/`(test\/[^`]+\.ts)`:?((?:\s*(?:"[^"]+"|\([^)]*\))[,;]?)*)/g)) {
        const file = join(root, m[1]);
        if (!existsSync(file)) {
          problems.push(`line ${line}: ${m[1]} does not exist`);
          continue;
        }
        const source = readFileSync(file, 'utf8');
        for (const [, name] of m[2].matchAll(/"([^"]+)"/g))
          if (!cites(source, name)) problems.push(`line ${line}: ${m[1]} has no test "${name}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('every scenario it names is a test somewhere under test/', () => {
    const problems = rows.flatMap(({ line, cells }) =>
      [...cells[cells.length - 1].matchAll(/"([^"]+)"/g)]
        .map((m) => m[1])
        .filter((name) => !cites(allTests, name))
        .map((name) => `line ${line}: no test "${name}"`),
    );
    expect(problems).toEqual([]);
  });

  test('every element id it names is in a diagram of bpmn/', () => {
    const problems = rows.flatMap(({ line, cells }) =>
      [...cells.slice(1, -1).join(' ').matchAll(ELEMENT)]
        .map((m) => m[1])
        .filter((id) =>
          id.includes('*')
            ? ![...elementIds].some((e) => e.startsWith(id.slice(0, id.indexOf('*'))))
            : !elementIds.has(id),
        )
        .map((id) => `line ${line}: no element ${id}`),
    );
    expect(problems).toEqual([]);
  });
});
