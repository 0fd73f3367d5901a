/**
 * The designer on the embedded engine with the repository's diagrams: drafts in the web app's store
 * (never over bpmn/ or forms/), the element diff against the running version, and a deployment of
 * the open diagram alone (docs/decisions/0007-diagrams-source-of-truth.md).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAppDatabase, type AppDatabase } from '../../adapters/db/connect';
import { lintDiagram } from '../../engine/lint';
import { t } from '../../i18n';
import { createDraftStore, type DraftStore } from '../../ui/designer/drafts';
import { deploy, NOW, startTestEngine, type TestEngine } from '../support/engine-harness';
import { client, startApp } from './support/harness';

const REPO = path.resolve(__dirname, '..', '..');
/** The name the builder gives the hearing's stage report in the diagram ("Kazakh / Russian"). */
const HEARING_STAGE = `${t('kk', 'step.Task_ReportHearingStarted')} / ${t('ru', 'step.Task_ReportHearingStarted')}`;
const hashOf = (folder: string) => {
  const h = createHash('sha256');
  for (const name of readdirSync(path.join(REPO, folder)).sort())
    if (/\.(bpmn|form)$/.test(name)) h.update(name).update(readFileSync(path.join(REPO, folder, name)));
  return h.digest('hex');
};
const repoXml = (name: string) => readFileSync(path.join(REPO, 'bpmn', name), 'utf8');

jest.setTimeout(60_000);

let engine: TestEngine;
let dataDir: string;
let drafts: DraftStore;
let database: AppDatabase;
let ctx: Awaited<ReturnType<typeof startApp>>;
let as: ReturnType<typeof client>;
const before = { bpmn: '', forms: '' };

beforeAll(async () => {
  before.bpmn = hashOf('bpmn');
  before.forms = hashOf('forms');
  engine = await startTestEngine();
  // The repository's hearing and complaint diagrams are running, version 1 each.
  await deploy(engine.client, {
    'hearing.bpmn': repoXml('hearing.bpmn'),
    'complaint.bpmn': repoXml('complaint.bpmn'),
  });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kzp-designer-'));
  database = openAppDatabase({ dialect: 'sqlite', file: path.join(dataDir, 'app.sqlite') });
  drafts = createDraftStore(database);
  ctx = await startApp({
    camunda: engine.client as never,
    repoDir: REPO,
    lintDiagram,
    designerDrafts: drafts,
  });
  as = client(ctx.base, await ctx.as('designer'));
});
afterAll(async () => {
  await ctx?.close();
  await drafts?.close();
  await database?.close();
  await engine?.close();
  rmSync(dataDir, { recursive: true, force: true });
  // Nothing the designer did reached the repository's files.
  expect(hashOf('bpmn')).toBe(before.bpmn);
  expect(hashOf('forms')).toBe(before.forms);
});

const versions = async (processId: string) =>
  (
    await engine.client.searchProcessDefinitions({ filter: { processDefinitionId: processId } } as never, NOW)
  ).items!.map((p) => p.version);

describe('designer drafts, diff and deployment of what changed', () => {
  test('a diagram opens from the running version, a saved draft from the store, and bpmn/ is never written', async () => {
    const opened = await as('GET', '/api/designer/diagrams/hearing.bpmn');
    expect(opened.json).toMatchObject({ name: 'hearing.bpmn', source: 'running', running: { version: 1 } });
    // Not deployed anywhere yet: the repository's file.
    expect((await as('GET', '/api/designer/diagrams/security-licence.bpmn')).json).toMatchObject({
      source: 'repository',
      running: null,
    });

    const edited = opened.json.xml.replace(`name="${HEARING_STAGE}"`, 'name="Draft rename"');
    const saved = await as('PUT', '/api/designer/diagrams/hearing.bpmn', edited, {
      'content-type': 'application/xml',
    });
    expect(saved.status).toBe(200);
    expect(repoXml('hearing.bpmn')).not.toContain('Draft rename');
    const reopened = await as('GET', '/api/designer/diagrams/hearing.bpmn');
    expect(reopened.json).toMatchObject({ source: 'draft', savedBy: 'designer', running: { version: 1 } });
    expect(reopened.json.xml).toContain('Draft rename');
    // The draft is in the application database: another store on it (a restarted web app) reads it.
    const again = createDraftStore(
      openAppDatabase({ dialect: 'sqlite', file: path.join(dataDir, 'app.sqlite') }),
    );
    expect((await again.latest('bpmn', 'hearing.bpmn'))?.content).toContain('Draft rename');
    await again.close();
    expect((await as('GET', '/api/designer/diagrams/..%2Fpackage.bpmn')).status).toBe(400);
  });

  test('the diff against the running version lists added, removed and changed elements with their names', async () => {
    const xml = repoXml('complaint.bpmn')
      .replace(/(<bpmn:process id="complaint"[^>]*? name=")[^"]*"/, '$1Renamed complaint"')
      .replace(
        /<bpmn:documentation>[^<]*<\/bpmn:documentation>/,
        '<bpmn:documentation>edited</bpmn:documentation>',
      );
    const res = await as('POST', '/api/designer/diff', { name: 'complaint.bpmn', xml });
    expect(res.status).toBe(200);
    expect(res.json.running).toEqual({ version: 1 });
    expect(res.json.diff.changed.length).toBeGreaterThan(0);
    expect(res.json.diff.added).toEqual([]);
    expect(res.json.diff.removed).toEqual([]);

    const unchanged = await as('POST', '/api/designer/diff', {
      name: 'complaint.bpmn',
      xml: repoXml('complaint.bpmn'),
    });
    expect(unchanged.json.diff).toMatchObject({ identical: true, added: [], removed: [], changed: [] });
  });

  test('deploy sends the open diagram alone as a new version; the same diagram again deploys nothing', async () => {
    const xml = repoXml('hearing.bpmn').replace(`name="${HEARING_STAGE}"`, 'name="Record the hearing"');
    const res = await as('POST', '/api/designer/deploy', { name: 'hearing.bpmn', xml });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      unchanged: false,
      processes: [{ id: 'hearing', version: 2 }],
      previous: { version: 1 },
    });
    expect(res.json.diff.changed).toEqual([
      expect.objectContaining({
        id: 'Task_ReportHearingStarted',
        name: 'Record the hearing',
        before: HEARING_STAGE,
      }),
    ]);
    expect(await versions('hearing')).toEqual([1, 2]);
    expect(await versions('complaint')).toEqual([1]);

    const again = await as('POST', '/api/designer/deploy', { name: 'hearing.bpmn', xml });
    expect(again.json).toMatchObject({ unchanged: true, processes: [{ id: 'hearing', version: 2 }] });
    expect(await versions('hearing')).toEqual([1, 2]);
    // The deployed diagram is the latest draft; the repository still holds the builder's output.
    expect((await as('GET', '/api/designer/diagrams/hearing.bpmn')).json.xml).toBe(xml);
    expect(repoXml('hearing.bpmn')).not.toContain('name="Record the hearing"');
  });

  test('a Camunda 8.8 compatibility error blocks the deploy with the element named; a missing label is a warning', async () => {
    // A service task without its job type: the engine could not run it (camunda-compat).
    const broken = repoXml('complaint.bpmn').replace(
      '<zeebe:taskDefinition type="report-stage" retries="3" />',
      '',
    );
    const refused = await as('POST', '/api/designer/deploy', { name: 'complaint.bpmn', xml: broken });
    expect(refused.status).toBe(422);
    expect(refused.json.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'bpmn/complaint.bpmn',
          severity: 'error',
          rule: expect.stringMatching(/^camunda-compat\//),
        }),
      ]),
    );
    expect(await versions('complaint')).toEqual([1]);

    // A step without a name (label-required) is modelling advice, not a Zeebe error: the designer
    // shows it as a warning and the deploy goes through, as Zeebe 8.8 deploys it.
    const unnamed = repoXml('complaint.bpmn').replace(/(<bpmn:serviceTask id="([^"]+)") name="[^"]*"/, '$1');
    const task = /<bpmn:serviceTask id="([^"]+)"/.exec(unnamed)![1];
    const saved = await as('PUT', '/api/designer/diagrams/complaint.bpmn', unnamed, {
      'content-type': 'application/xml',
    });
    expect(saved.json.problems).toEqual([
      expect.objectContaining({ elementId: task, rule: 'label-required', severity: 'warn' }),
    ]);
    const unlabelled = await as('POST', '/api/designer/deploy', { name: 'complaint.bpmn', xml: unnamed });
    expect(unlabelled.status).toBe(200);
    expect(await versions('complaint')).toEqual([1, 2]);

    // A bad draft of one diagram blocks nobody else's deployment (it once made every deploy answer 422).
    const hearing = repoXml('hearing.bpmn').replace(`name="${HEARING_STAGE}"`, 'name="Hearing recorded"');
    const other = await as('POST', '/api/designer/deploy', { name: 'hearing.bpmn', xml: hearing });
    expect(other.status).toBe(200);
    expect(other.json.processes).toEqual([expect.objectContaining({ id: 'hearing', version: 3 })]);
  });

  test("a form's draft is kept in the store and forms/ is not written", async () => {
    const original = readFileSync(path.join(REPO, 'forms', 'signature.form'), 'utf8');
    const schema = { ...JSON.parse(original), components: [] };
    expect((await as('PUT', '/api/designer/forms/signature.form', schema)).status).toBe(200);
    expect((await as('GET', '/api/designer/forms/signature.form')).json.components).toEqual([]);
    expect(readFileSync(path.join(REPO, 'forms', 'signature.form'), 'utf8')).toBe(original);
  });
});
