/**
 * Drift between diagrams, workers, forms and each other fails the build (style.md §6). Every
 * check reads the files as deployed: bpmn/*.bpmn, forms/*.form, workers/*.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { WORKERS } from '../../workers/registry';

// bpmnlint is CommonJS; its node resolver loads the rule packages the way the CLI does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Linter } = require('bpmnlint');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const root = join(__dirname, '..', '..');
const bpmnDir = join(root, 'bpmn');
const files = readdirSync(bpmnDir).filter((f) => f.endsWith('.bpmn'));
const formIds = new Set(
  readdirSync(join(root, 'forms'))
    .filter((f) => f.endsWith('.form'))
    .map((f) => (JSON.parse(readFileSync(join(root, 'forms', f), 'utf8')) as { id: string }).id),
);
/** The job types the workers serve: the explicit list the runtime registers, one file per type. */
const workerTypes = WORKERS.map((w) => w.type);
const workerFiles = workerTypes.map((t) => `${t}.ts`);

type El = { $type: string; id: string; name?: string; [k: string]: any };
interface Model {
  file: string;
  definitions: El;
  process: El;
  all: El[];
}

function walk(container: El, out: El[]) {
  for (const el of (container.flowElements ?? []) as El[]) {
    out.push(el);
    if (el.flowElements) walk(el, out);
  }
}
function ext(el: El, type: string): El | undefined {
  return (el.extensionElements?.values ?? []).find((v: El) => v.$type === type);
}
function exts(el: El, type: string): El[] {
  return (el.extensionElements?.values ?? []).filter((v: El) => v.$type === type);
}

let models: Model[] = [];

beforeAll(async () => {
  const moddle = new BpmnModdle({ zeebe });
  models = await Promise.all(
    files.map(async (file) => {
      const { rootElement, warnings } = await moddle.fromXML(readFileSync(join(bpmnDir, file), 'utf8'));
      if (warnings.length)
        throw new Error(`${file}: ${warnings.map((w: { message: string }) => w.message).join('; ')}`);
      const definitions = rootElement as unknown as El;
      const process = definitions.rootElements.find((e: El) => e.$type === 'bpmn:Process');
      const all: El[] = [];
      walk(process, all);
      return { file, definitions, process, all };
    }),
  );
});

const byType = (type: string) =>
  models.flatMap((m) => m.all.filter((e) => e.$type === type).map((e) => ({ m, e })));
const jobType = (e: El) => ext(e, 'zeebe:TaskDefinition')?.type as string | undefined;

describe('BPMN models', () => {
  test('each diagram holds one executable process whose id is the file name', () => {
    expect(models.length).toBeGreaterThanOrEqual(8);
    for (const m of models) {
      expect(m.process.id).toBe(m.file.replace(/\.bpmn$/, ''));
      expect(m.process.isExecutable).toBe(true);
      expect(m.definitions.$attrs?.['modeler:executionPlatformVersion']).toBe('8.8.0');
    }
  });

  test('the four services and the shared procedures are all there', () => {
    const ids = models.map((m) => m.process.id);
    for (const id of [
      'fire-automation-permit',
      'security-licence',
      'training-centre-designation',
      'national-company-security-approval',
      'hearing',
      'deliver-result',
      'complaint',
      'rules-change-notice',
    ]) {
      expect(ids).toContain(id);
    }
  });

  // What a process designer sees on opening a diagram: no error, and no advice either (overlapping
  // shapes, flows meeting at a task instead of a merge).
  test('every diagram passes bpmnlint:recommended and camunda-cloud-8-8 with no errors and no warnings', async () => {
    for (const m of models) {
      // One linter per diagram: some rules keep state between lint runs.
      const linter = new Linter({
        config: { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'] },
        resolver: new NodeResolver(),
      });
      const reports = (await linter.lint(m.definitions)) as Record<
        string,
        Array<{ id: string; message: string; category: string }>
      >;
      const errors = Object.entries(reports).flatMap(([rule, rs]) =>
        rs.map((r) => `${m.file} ${r.id} ${rule} (${r.category}): ${r.message}`),
      );
      expect(errors).toEqual([]);
    }
  });

  test('element ids are meaningful, never modeler defaults', () => {
    for (const m of models) {
      for (const e of m.all) {
        expect(e.id).not.toMatch(/_[0-9a-z]{7}$/);
        expect(e.id).toMatch(/^(Start|End|Task|Gateway|Event|Boundary|SubProcess|Call|Flow)_[A-Z]/);
      }
    }
  });

  test('every element documents the legal paragraph it implements', () => {
    for (const m of models) {
      for (const e of m.all.filter((x) => x.$type !== 'bpmn:SequenceFlow')) {
        const doc = (e.documentation ?? []).map((d: El) => d.text).join(' ');
        expect(`${e.id}: ${doc}`).toMatch(/Order|spec|§|APPC|Law|Code/i);
      }
    }
  });

  test('every job type has a registered worker in workers/<type>.ts, and every registered worker has a diagram using it', () => {
    const used = new Set(byType('bpmn:ServiceTask').map(({ e }) => jobType(e)!));
    for (const t of used) expect(`${t}: ${workerTypes.includes(t)}`).toBe(`${t}: true`);
    for (const t of workerTypes) expect(`${t}: ${used.has(t)}`).toBe(`${t}: true`);
    for (const f of workerFiles) expect(`${f}: ${existsSync(join(root, 'workers', f))}`).toBe(`${f}: true`);
  });

  test('every error code a worker throws is caught by an error event in some diagram', () => {
    const thrown = new Set<string>();
    for (const f of workerFiles)
      for (const m of readFileSync(join(root, 'workers', f), 'utf8').matchAll(
        /(?:errorCode: |new BpmnError\(\s*)'([A-Z_]+)'/g,
      ))
        thrown.add(m[1]);
    const caught = new Set(
      byType('bpmn:BoundaryEvent')
        .flatMap(({ e }) => e.eventDefinitions ?? [])
        .filter((d: El) => d.$type === 'bpmn:ErrorEventDefinition')
        .map((d: El) => d.errorRef?.errorCode),
    );
    for (const code of thrown) expect(`${code}: ${caught.has(code)}`).toBe(`${code}: true`);
  });

  test('every called process id exists, with variables passed explicitly back', () => {
    const ids = new Set(models.map((m) => m.process.id));
    for (const { e } of byType('bpmn:CallActivity')) {
      const called = ext(e, 'zeebe:CalledElement');
      expect(ids.has(called?.processId)).toBe(true);
      expect(called?.propagateAllChildVariables).toBe(false);
      expect(ext(e, 'zeebe:IoMapping')?.outputParameters?.length).toBeGreaterThan(0);
    }
  });

  test('every user task is a Camunda user task with an existing form and a candidate group', () => {
    const tasks = byType('bpmn:UserTask');
    expect(tasks.length).toBeGreaterThan(10);
    for (const { m, e } of tasks) {
      const where = `${m.file} ${e.id}`;
      expect(`${where} ${Boolean(ext(e, 'zeebe:UserTask'))}`).toBe(`${where} true`);
      const formId = ext(e, 'zeebe:FormDefinition')?.formId;
      expect(`${where} ${formId} ${formIds.has(formId)}`).toBe(`${where} ${formId} true`);
      expect(ext(e, 'zeebe:AssignmentDefinition')?.candidateGroups).toBeTruthy();
    }
  });

  test('every form is used by a user task', () => {
    const used = new Set(byType('bpmn:UserTask').map(({ e }) => ext(e, 'zeebe:FormDefinition')?.formId));
    for (const id of formIds) expect(`${id}: ${used.has(id)}`).toBe(`${id}: true`);
  });

  /** User tasks whose step has no legal term of its own (the overall term still watches them). */
  const NO_LEGAL_TERM = new Set(['Task_LegalExpertise', 'Task_EditorialExpertise']);

  test('a user task with a legal term has a deadline-variable due date and a non-interrupting timer on the same deadline', () => {
    for (const { m, e } of byType('bpmn:UserTask')) {
      if (NO_LEGAL_TERM.has(e.id)) continue;
      const due = ext(e, 'zeebe:TaskSchedule')?.dueDate as string | undefined;
      expect(`${e.id} ${due}`).toMatch(/=.*deadline[A-Z]\w*/);
      if (e.id === 'Task_ReviewMissingDocuments') continue; // due by the study's term, which the study task watches
      const timers = m.all.filter(
        (b) =>
          b.$type === 'bpmn:BoundaryEvent' &&
          b.attachedToRef?.id === e.id &&
          b.eventDefinitions?.[0]?.$type === 'bpmn:TimerEventDefinition',
      );
      expect(`${e.id} timers ${timers.length}`).toBe(`${e.id} timers 1`);
      expect(timers[0].cancelActivity).toBe(false);
      expect(timers[0].eventDefinitions[0].timeDate.body).toBe(due);
    }
  });

  test('every timer with a legal term uses a deadline variable (or the hearing time), never a literal date', () => {
    const timers = models.flatMap((m) =>
      m.all.flatMap((e) =>
        (e.eventDefinitions ?? [])
          .filter((d: El) => d.$type === 'bpmn:TimerEventDefinition')
          .map((d: El) => ({ e, d })),
      ),
    );
    expect(timers.length).toBeGreaterThan(10);
    for (const { e, d } of timers) {
      expect(d.timeDate?.body).toBeDefined();
      expect(`${e.id} ${d.timeDate.body}`).toMatch(/ =(.*deadline[A-Z]\w*|hearingAt)/);
    }
  });

  test('each escalation tells the head, reports deadline-breached and records the breach', () => {
    for (const { m, e } of byType('bpmn:BoundaryEvent').filter(({ e }) => e.cancelActivity === false)) {
      const next = (id: string) =>
        m.all.find((f) => f.$type === 'bpmn:SequenceFlow' && f.sourceRef.id === id)?.targetRef as El;
      const notify = next(e.id);
      const report = next(notify.id);
      expect(jobType(notify)).toBe('notify');
      expect(jobType(report)).toBe('report-stage');
      const headers = Object.fromEntries(
        (ext(report, 'zeebe:TaskHeaders')?.values ?? []).map((h: El) => [h.key, h.value]),
      );
      expect(headers.stage).toBe('deadline-breached');
      expect(ext(report, 'zeebe:IoMapping')?.outputParameters[0].target).toMatch(/DeadlineBreached$/);
    }
  });

  test('every service watches its overall term and re-arms on calendar-revised, correlated by applicationNumber', () => {
    for (const id of [
      'fire-automation-permit',
      'security-licence',
      'training-centre-designation',
      'national-company-security-approval',
    ]) {
      const m = models.find((x) => x.process.id === id)!;
      const onStage = m.all.filter(
        (e) => e.$type === 'bpmn:BoundaryEvent' && e.attachedToRef.id === 'SubProcess_Review',
      );
      const timer = onStage.find((e) => e.eventDefinitions[0].$type === 'bpmn:TimerEventDefinition');
      const revised = onStage.find((e) => e.eventDefinitions[0].$type === 'bpmn:MessageEventDefinition');
      expect(timer?.eventDefinitions[0].timeDate.body).toBe('=deadlineTotal');
      expect(timer?.cancelActivity).toBe(false);
      expect(revised?.eventDefinitions[0].messageRef.name).toBe('calendar-revised');
      expect(revised?.cancelActivity).not.toBe(false);
      for (const end of ['End_FurtherConsiderationRefused', 'End_ServiceRefused'])
        expect(m.all.some((e) => e.id === end)).toBe(true);
    }
  });

  test('messages caught mid-process correlate on applicationNumber; start messages need none', () => {
    for (const m of models) {
      for (const msg of m.definitions.rootElements.filter((e: El) => e.$type === 'bpmn:Message')) {
        const starts = m.all.some(
          (e) => e.$type === 'bpmn:StartEvent' && e.eventDefinitions?.[0]?.messageRef === msg,
        );
        const key = exts(msg, 'zeebe:Subscription')[0]?.correlationKey;
        expect(`${msg.name} ${starts ? 'start' : key}`).toBe(
          `${msg.name} ${starts ? 'start' : '=applicationNumber'}`,
        );
      }
    }
  });

  test('every stage reports to monitoring (C9): each diagram has report-stage tasks', () => {
    for (const m of models) expect(m.all.some((e) => jobType(e) === 'report-stage')).toBe(true);
  });
});
