import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../engine';
import { engineProcess, sdkClient } from './engine';
import { openSqliteStore, RecordStore } from '../engine/store/sqlite-store';
import { seedHistory, syntheticBin } from './fixtures/history';
import { quantile } from './stats';

/**
 * A year of history: open tasks waiting for clerks and finished applications in the engine's
 * history tables. Measures the worklist page (the engine queries `/api/tasks` makes: one user-task
 * search filtered by the clerk's groups, one batched variable search for the page) and intake
 * (creating an application's process instance) while 200 jobs/s run, then restart time and heap.
 */

const WORKLIST = fs.readFileSync(path.join(__dirname, 'fixtures/worklist.bpmn'), 'utf8');
const SERVICE_ONLY = fs.readFileSync(path.join(__dirname, 'fixtures/service-only.bpmn'), 'utf8');
const GROUPS = ['police-clerks'];

type Figures = Record<string, number | string>;

function heapUsed(): number {
  (globalThis as any).gc?.();
  (globalThis as any).gc?.();
  return process.memoryUsage().heapUsed;
}

/** Opens (or creates) an engine on a data directory with the bench diagrams deployed. */
export async function openEngine(dir: string): Promise<{ engine: Engine; store: RecordStore }> {
  const store = openSqliteStore(dir);
  const engine = new Engine({ store, lint: false });
  await engine.start();
  if (!engine.latestProcess('bench-worklist'))
    await engine.deploy([
      { name: 'worklist.bpmn', content: WORKLIST },
      { name: 'service-only.bpmn', content: SERVICE_ONLY },
    ]);
  return { engine, store };
}

export function applicationVariables(n: number) {
  return {
    applicationNumber: `SEC-2026-${String(n).padStart(6, '0')}`,
    serviceId: 'security-licence',
    applicant: { bin: syntheticBin(n), name: `ТОО «Қорған ${n}»` },
  };
}

/** Open tasks through the engine's in-process API (each a committed command, as over REST). */
export function seedOpenTasks(engine: Engine, count: number, offset = 0): void {
  for (let i = 0; i < count; i++)
    engine.createProcessInstance({
      bpmnProcessId: 'bench-worklist',
      variables: applicationVariables(offset + i),
    });
}

/** The two engine queries of one worklist page, exactly as the web app sends them. */
export async function worklistPage(client: any, page = 1): Promise<{ items: any[]; total: number }> {
  const NOW = { consistency: { waitUpToMs: 0 } };
  const tasks = await client.searchUserTasks(
    {
      filter: { state: 'CREATED', candidateGroup: { $in: GROUPS } },
      sort: [
        { field: 'dueDate', order: 'ASC' },
        { field: 'creationDate', order: 'ASC' },
      ],
      page: { from: (page - 1) * 50, limit: 50 },
    },
    NOW,
  );
  const keys = [...new Set(tasks.items.map((t: any) => String(t.processInstanceKey)))];
  const names = ['applicationNumber', 'serviceId'];
  const vars = keys.length
    ? await client.searchVariables(
        {
          filter: {
            processInstanceKey: { $in: keys },
            scopeKey: { $in: keys },
            name: { $in: names },
          },
          page: { limit: keys.length * names.length },
        },
        NOW,
      )
    : { items: [] };
  const byKey = new Map<string, Record<string, string>>();
  for (const v of vars.items) {
    const m = byKey.get(v.processInstanceKey) ?? {};
    m[v.name] = JSON.parse(v.value);
    byKey.set(v.processInstanceKey, m);
  }
  return {
    items: tasks.items.map((t: any) => ({ ...t, ...byKey.get(String(t.processInstanceKey)) })),
    total: tasks.page.totalItems,
  };
}

function sdk(address: string): any {
  return sdkClient(address);
}

/** The job load in a child process: resolves `started` once its worker polls, `done` with jobs/s. */
function jobLoad(address: string, jobsPerSecond: number, seconds: number) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'job-load.ts'), address, String(jobsPerSecond), String(seconds)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  let markStarted: () => void;
  const started = new Promise<void>((r) => (markStarted = r));
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    if (out.includes('started\n')) markStarted();
  });
  const done = new Promise<number>((resolve, reject) =>
    child.once('exit', (code) => {
      const m = /\{"jobsPerSecond":([\d.]+)\}/.exec(out);
      if (code === 0 && m) resolve(Number(m[1]));
      else reject(new Error(`the job load exited with ${code}`));
    }),
  );
  child.once('exit', () => markStarted());
  return { started, done };
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export async function benchScale(
  openTasks = 10_000,
  finished = 100_000,
  seconds = 15,
  jobsPerSecond = 200,
): Promise<{ name: string; figures: Figures }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-scale-'));
  // ---- seed (BENCH_SCALE_SEEDED=<dir> keeps a seeded copy there and starts later runs from it)
  const seeded = process.env.BENCH_SCALE_SEEDED
    ? path.join(process.env.BENCH_SCALE_SEEDED, `${openTasks}-${finished}`)
    : undefined;
  let t0 = performance.now();
  let seedSeconds: number | string = 'copied from an earlier run';
  if (seeded && fs.existsSync(path.join(seeded, 'engine.sqlite')))
    fs.cpSync(seeded, dir, { recursive: true });
  else {
    const { engine, store } = await openEngine(dir);
    seedHistory(engine, store, finished);
    seedOpenTasks(engine, openTasks);
    engine.close();
    seedSeconds = r1((performance.now() - t0) / 1000);
    if (seeded) fs.cpSync(dir, seeded, { recursive: true });
  }

  // ---- restart: load running state, history stays on disk
  const heapBefore = heapUsed();
  t0 = performance.now();
  const store = openSqliteStore(dir);
  const engine = new Engine({ store, lint: false });
  await engine.start();
  const restartMs = performance.now() - t0;
  const heapMb = (heapUsed() - heapBefore) / 1024 / 1024;
  engine.close();

  // ---- under load: the engine serving REST, 200 jobs/s, clerks paging, applicants applying.
  // The engine in its own process, as `npm run engine` runs it; the job load (instances created and
  // their jobs worked by the SDK job worker) in another, as workers run beside the web app; the
  // clerk's and the applicant's clients in this one.
  const running = await engineProcess(dir);
  const clerk = sdk(running.address);
  const portal = sdk(running.address);
  const load = jobLoad(running.address, jobsPerSecond, seconds);
  await load.started;
  const until = performance.now() + seconds * 1000;
  const pageMs: number[] = [];
  const intakeMs: number[] = [];
  let totalSeen = 0;
  const clerks = (async () => {
    for (let i = 0; performance.now() < until; i++) {
      const s = performance.now();
      const page = await worklistPage(clerk, 1 + (i % 5));
      pageMs.push(performance.now() - s);
      totalSeen = page.total;
      if (page.items.length !== 50 || page.items.some((t) => !t.applicationNumber))
        throw new Error('a worklist page came back incomplete');
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const intake = (async () => {
    for (let n = 0; performance.now() < until; n++) {
      const s = performance.now();
      await portal.createProcessInstance({
        processDefinitionId: 'bench-worklist',
        variables: applicationVariables(openTasks + n),
      });
      intakeMs.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  await Promise.all([clerks, intake]);
  const jobsDonePerSecond = await load.done;
  const loop = await running.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  const p99Page = quantile(pageMs, 0.99);
  const p99Intake = quantile(intakeMs, 0.99);
  return {
    name: `history: ${openTasks} open tasks, ${finished} finished applications`,
    figures: {
      'seeding (s)': seedSeconds,
      [`worklist page p50 under ${jobsPerSecond} jobs/s (ms)`]: r1(quantile(pageMs, 0.5)),
      [`worklist page p99 under ${jobsPerSecond} jobs/s (ms)`]: `${r1(p99Page)} (target < 50 ms, ${pageMs.length} pages of ${totalSeen} open tasks, ${r1(50 / p99Page)}x margin)`,
      [`intake p50 under ${jobsPerSecond} jobs/s (ms)`]: r1(quantile(intakeMs, 0.5)),
      [`intake p99 under ${jobsPerSecond} jobs/s (ms)`]: `${r1(p99Intake)} (target < 100 ms, ${intakeMs.length} applications, ${r1(100 / p99Intake)}x margin)`,
      'jobs completed per second during the run': r1(jobsDonePerSecond),
      'engine event-loop delay p50 / p99 / max (ms)': loop
        ? `${loop.p50} / ${loop.p99} / ${loop.max}`
        : 'not measured',
      'engine event loop held while starting, before serving (ms)': loop?.startupMax ?? 'not measured',
      'engine GC pauses: count, total, longest (ms)': loop
        ? `${loop.gcCount}, ${loop.gcTotalMs}, ${loop.gcMaxMs}`
        : 'not measured',
      'engine restart with this history (ms)': r1(restartMs),
      'engine heap after restart (MB)': r1(heapMb),
    },
  };
}

if (require.main === module) {
  // `node --expose-gc --import tsx bench/scale.ts [openTasks finished seconds jobsPerSecond]`
  const [open, done, secs, rate] = process.argv.slice(2).map(Number);
  benchScale(open || undefined, done || undefined, secs || undefined, Number.isNaN(rate) ? undefined : rate)
    .then((r) => {
      console.log(r.name);
      for (const [k, v] of Object.entries(r.figures)) console.log(`  ${k.padEnd(60)} ${v}`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
