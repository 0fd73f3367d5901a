import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedEngine } from '../engine';
import { seedHistory } from './fixtures/history';
import { openEngine, seedOpenTasks } from './scale';
import { quantile } from './stats';

/**
 * History growth: the same data directory with 10,000 → 100,000 (→ 1,000,000 with
 * BENCH_HISTORY_1M=1) finished applications in the engine's history tables, written through the
 * engine's own projections and search-table writer, beside a ministry's running applications. For
 * each size: engine restart (store opened, running state loaded, REST listening), heap after restart
 * and GC, and search pages over REST: one clerk group's open tasks and its completed tasks (50, by
 * creation), the operations list (every service, newest first) and an application found by number.
 */

type Figures = Record<string, number | string>;

const RUNNING = 5_000;
const SAMPLES = 200;
const r1 = (x: number) => Math.round(x * 10) / 10;
/** A figure with its target and the ratio of target to figure (> 1 meets it). */
const vsTarget = (value: number, target: number, unit: string) =>
  `${r1(value)} (target < ${target} ${unit}, ${r1(target / value)}x)`;

function heapMb(): number {
  (globalThis as any).gc?.();
  (globalThis as any).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function p99(samples: number, request: (i: number) => Promise<unknown>): Promise<[number, number]> {
  const ms: number[] = [];
  for (let i = 0; i < samples + 10; i++) {
    const s = performance.now();
    await request(i);
    if (i >= 10) ms.push(performance.now() - s);
  }
  return [quantile(ms, 0.5), quantile(ms, 0.99)];
}

export async function benchHistory(
  sizes = process.env.BENCH_HISTORY_1M === '1' ? [10_000, 100_000, 1_000_000] : [10_000, 100_000],
): Promise<{ name: string; figures: Figures }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-history-bench-'));
  const total = sizes[sizes.length - 1];
  const figures: Figures = {};
  let seeded = 0;
  try {
    {
      const { engine } = await openEngine(dir);
      seedOpenTasks(engine, RUNNING);
      engine.close();
    }
    for (const size of sizes) {
      const t0 = performance.now();
      // BENCH_HISTORY_SEEDED=<dir> keeps each size's seeded data there and starts later runs from it
      // (the 1,000,000 step takes about 35 minutes to seed).
      const kept = process.env.BENCH_HISTORY_SEEDED
        ? path.join(process.env.BENCH_HISTORY_SEEDED, `${RUNNING}-${size}-of-${total}`)
        : undefined;
      let seedFigure: number | string = 'copied from an earlier run';
      if (kept && fs.existsSync(path.join(kept, 'engine.sqlite'))) {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.cpSync(kept, dir, { recursive: true });
      } else {
        const { engine, store } = await openEngine(dir);
        // One application every 30 s over the year before the running ones.
        seedHistory(engine, store, size - seeded, {
          offset: seeded,
          total,
          spacingMs: 30_000,
          batch: 10_000,
        });
        engine.close();
        seedFigure = r1((performance.now() - t0) / 1000);
        if (kept) fs.cpSync(dir, kept, { recursive: true });
      }
      seeded = size;

      const heapBefore = heapMb();
      const t1 = performance.now();
      const running = await startEmbeddedEngine({ dataDir: dir, port: 0, lint: false });
      const restartMs = performance.now() - t1;
      const heapAfter = heapMb();
      const inMemory = running.engine.queries.processInstanceCount();
      const post = async (what: string, body: unknown) => {
        const res = await fetch(`${running.address}/v2/${what}/search`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (!res.ok) throw new Error(`${what} search answered ${res.status}`);
        const r = (await res.json()) as { items: unknown[]; page: { totalItems: number } };
        return r;
      };
      const taskPage = (state: string, order: 'ASC' | 'DESC') => (i: number) =>
        post('user-tasks', {
          filter: { candidateGroup: 'police-clerks', state },
          sort: [{ field: 'creationDate', order }],
          page: { from: (i % 20) * 50, limit: 50 },
        }).then((r) => {
          if (r.items.length !== 50) throw new Error('a task page came back short');
        });
      const [openP50, openP99] = await p99(SAMPLES, taskPage('CREATED', 'ASC'));
      const [doneP50, doneP99] = await p99(SAMPLES, taskPage('COMPLETED', 'DESC'));
      const [opsP50, opsP99] = await p99(SAMPLES, (i) =>
        post('process-instances', {
          filter: { processDefinitionId: { $in: ['bench-worklist', 'bench-service-only'] } },
          sort: [{ field: 'startDate', order: 'DESC' }],
          page: { from: (i % 20) * 50, limit: 50 },
        }).then((r) => {
          if (r.items.length !== 50) throw new Error('an operations page came back short');
        }),
      );
      const [numP50, numP99] = await p99(SAMPLES, (i) =>
        post('process-instances', {
          filter: {
            processDefinitionId: 'bench-worklist',
            variables: [
              {
                name: 'applicationNumber',
                value: JSON.stringify(`SEC-2025-${String((i * 7919) % size).padStart(6, '0')}`),
              },
            ],
          },
          page: { limit: 1 },
        }).then((r) => {
          if (r.items.length !== 1) throw new Error('an application was not found by its number');
        }),
      );
      // The engine's own work for the same pages (its SQL and the answer's text), without HTTP.
      const index = running.engine.queries.searchTables('latest');
      const [openQ50, openQ99] = await p99(SAMPLES, async (i) =>
        index.searchJson(
          'userTask',
          {
            filter: { candidateGroup: 'police-clerks', state: 'CREATED' },
            sort: [{ field: 'creationDate', order: 'ASC' }],
            page: { from: (i % 20) * 50, limit: 50 },
          },
          'creationDate',
        ),
      );
      const [opsQ50, opsQ99] = await p99(SAMPLES, async (i) =>
        index.searchJson(
          'processInstance',
          {
            filter: { processDefinitionId: { $in: ['bench-worklist', 'bench-service-only'] } },
            sort: [{ field: 'startDate', order: 'DESC' }],
            page: { from: (i % 20) * 50, limit: 50 },
          },
          'processInstanceKey',
        ),
      );
      await running.close();

      const at = `${size.toLocaleString('en')} finished`;
      figures[`${at}: seeding (s)`] = seedFigure;
      figures[`${at}: engine restart (ms)`] = vsTarget(restartMs, 2000, 'ms');
      figures[`${at}: heap after restart and GC (MB)`] =
        `${vsTarget(heapAfter, 150, 'MB')}; engine's share ${r1(heapAfter - heapBefore)} MB, ${inMemory} running instances in memory`;
      figures[`${at}: user-task page, open, p50 / p99 (ms)`] =
        `${r1(openP50)} / ${vsTarget(openP99, 20, 'ms')}`;
      figures[`${at}: user-task page, completed, p50 / p99 (ms)`] =
        `${r1(doneP50)} / ${vsTarget(doneP99, 20, 'ms')}`;
      figures[`${at}: process-instance page, every service, p50 / p99 (ms)`] =
        `${r1(opsP50)} / ${vsTarget(opsP99, 20, 'ms')}`;
      figures[`${at}: process instance by application number, p50 / p99 (ms)`] =
        `${r1(numP50)} / ${vsTarget(numP99, 20, 'ms')}`;
      figures[`${at}: engine query alone, open-task page / every-service page, p50 / p99 (ms)`] =
        `${r1(openQ50)} / ${r1(openQ99)}; ${r1(opsQ50)} / ${r1(opsQ99)}`;
      // Each size as it is measured (the largest takes many minutes to build).
      for (const [k, v] of Object.entries(figures))
        if (k.startsWith(at)) process.stderr.write(`  ${k}: ${v}\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    name: `history growth: ${sizes.map((s) => s.toLocaleString('en')).join(' → ')} finished applications, ${RUNNING.toLocaleString('en')} running (pages over REST, ${SAMPLES} each)`,
    figures,
  };
}

if (require.main === module) {
  // `node --expose-gc --import tsx bench/history.ts [size ...]`
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  benchHistory(sizes.length ? sizes : undefined)
    .then((r) => {
      console.log(r.name);
      for (const [k, v] of Object.entries(r.figures)) console.log(`  ${k.padEnd(64)} ${v}`);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
