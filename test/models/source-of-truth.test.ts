/**
 * The builder (tools/bpmn-builder) is the one source of the shipped diagrams, forms and element
 * templates (docs/decisions/0007-diagrams-source-of-truth.md): the repository's bpmn/, forms/ and
 * .camunda/element-templates must equal its output byte for byte.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { builtFiles, differences, OWNED_FOLDERS } from '../../tools/bpmn-builder/source';

const root = join(__dirname, '..', '..');
let built: Map<string, string>;
let copy: string;

beforeAll(async () => {
  built = await builtFiles();
  // The builder's output written into a temporary folder, then compared with the repository.
  copy = mkdtempSync(join(tmpdir(), 'source-of-truth-'));
  for (const [file, content] of built) {
    const target = join(copy, file);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}, 60_000);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

describe('one source of truth for diagrams and forms', () => {
  it('bpmn/, forms/ (with forms/i18n) and the element templates equal the builder output', () => {
    expect(differences(root, built)).toEqual([]);
  });

  it('the builder writes every shipped diagram and form', () => {
    const files = [...built.keys()];
    expect(files.filter((f) => f.startsWith('bpmn/')).length).toBeGreaterThanOrEqual(8);
    expect(files).toEqual(expect.arrayContaining(['forms/i18n/kk.json', 'forms/i18n/ru.json']));
    expect(differences(copy, built)).toEqual([]);
  });

  it('a hand edit of a diagram, a removed form or a file the builder does not write is reported', () => {
    const edited = mkdtempSync(join(tmpdir(), 'source-of-truth-edit-'));
    try {
      for (const folder of OWNED_FOLDERS)
        cpSync(join(copy, folder), join(edited, folder), { recursive: true });
      const file = join(edited, 'bpmn', 'hearing.bpmn');
      const xml = readFileSync(file, 'utf8');
      const handEdited = xml.replace(/(<bpmn:process id="hearing"[^>]*? name=")[^"]*"/, '$1Edited"');
      expect(handEdited).not.toBe(xml);
      writeFileSync(file, handEdited);
      rmSync(join(edited, 'forms', 'signature.form'));
      writeFileSync(join(edited, 'bpmn', 'drawn-by-hand.bpmn'), '<definitions/>');
      expect(differences(edited, built)).toEqual([
        { file: 'bpmn/drawn-by-hand.bpmn', problem: 'not built' },
        { file: 'bpmn/hearing.bpmn', problem: 'differs' },
        { file: 'forms/signature.form', problem: 'missing' },
      ]);
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });

  it('every generated diagram reads back through bpmn-moddle without warnings, DI included', async () => {
    const moddle = new BpmnModdle({ zeebe });
    for (const [file, xml] of built) {
      if (!file.startsWith('bpmn/')) continue;
      const { rootElement, warnings } = await moddle.fromXML(xml);
      expect({ file, warnings }).toEqual({ file, warnings: [] });
      const plane = rootElement.diagrams[0].plane;
      expect(plane.planeElement.length).toBeGreaterThan(10);
    }
  });
});
