import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killProcess, startEngineProcess } from '../tools/engine-process';
import { sdkClient } from './engine';
import { quantile } from './stats';

/**
 * `npm run bench:soak`: how many jobs per second the engine holds, and whether it keeps holding them.
 *
 * 1. Ramp: the engine in its own process (as `npm run engine`), one process instance per job created
 *    at a fixed rate, the official SDK job worker completing them; each rate runs RAMP_SECONDS. A rate
 *    is held when at least 95 % of what was offered completed and activation p99 stayed under 100 ms.
 * 2. Soak: the highest held rate for SOAK_MINUTES (default 10), with p50/p99 per minute and the
 *    engine's resident memory, so a slow collapse (history piling up, queues growing) shows.
 */
const RATES = (process.env.SOAK_RATES ?? '100,200,300,400,500,600,800').split(',').map(Number);
const RAMP_SECONDS = Number(process.env.RAMP_SECONDS ?? 20);
const SOAK_MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const P99_LIMIT_MS = 100;

const SERVICE_ONLY = path.join(__dirname, 'fixtures/service-only.bpmn');

interface Window {
  offered: number;
  completed: number;
  p50: number;
  p99: number;
  rssMb: number;
  rejected: number;
}

function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-soak-'));
  const token = 'soak-engine-token-0123456789';
  const engine = await startEngineProcess(dir, { LOG_LEVEL: 'error', ENGINE_TOKEN: token });
  // The clients as production builds them, with the engine's token (bench/engine.ts `sdkClient`).
  const client = () => sdkClient(engine.address, { token });
  const starter = client();
  const workerClient = client();
  await starter.deployResourcesFromFiles([SERVICE_ONLY]);

  let latencies: number[] = [];
  let completed = 0;
  let rejected = 0;
  const sentAt = new Map<number, number>();
  const worker = workerClient.createJobWorker({
    jobType: 'bench-latency',
    jobTimeoutMs: 60_000,
    maxParallelJobs: 128,
    pollTimeoutMs: 10_000,
    jobHandler: (job: any) => {
      const t0 = sentAt.get(job.variables.n as number);
      if (t0 !== undefined) {
        latencies.push(performance.now() - t0);
        sentAt.delete(job.variables.n as number);
      }
      completed++;
      return job.complete();
    },
  } as any);
  await new Promise((r) => setTimeout(r, 300));

  let n = 0;
  /** Offers `rate` instances per second for `seconds`; answers the window's figures. */
  async function run(rate: number, seconds: number): Promise<Window> {
    latencies = [];
    completed = 0;
    rejected = 0;
    const start = performance.now();
    const total = Math.round(rate * seconds);
    const inflight = new Set<Promise<unknown>>();
    for (let i = 0; i < total; i++) {
      const due = start + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const id = n++;
      sentAt.set(id, performance.now());
      const p = starter
        .createProcessInstance({ processDefinitionId: 'bench-service-only', variables: { n: id } } as any)
        .catch(() => {
          rejected++;
          sentAt.delete(id);
        })
        .finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await Promise.all(inflight);
    // Give the last second's jobs their chance, but no more: a backlog is what we measure.
    await new Promise((r) => setTimeout(r, 1000));
    return {
      offered: total,
      completed,
      p50: quantile(latencies, 0.5),
      p99: quantile(latencies, 0.99),
      rssMb: rssOf(engine.child.pid!),
      rejected,
    };
  }
  const fmt = (w: Window) =>
    `offered ${String(w.offered).padStart(6)}  completed ${String(w.completed).padStart(6)}  ` +
    `p50 ${w.p50.toFixed(1).padStart(7)} ms  p99 ${w.p99.toFixed(1).padStart(7)} ms  ` +
    `rejected ${w.rejected}  engine RSS ${w.rssMb.toFixed(0)} MB`;

  console.log(`ramp: ${RAMP_SECONDS} s per rate; held = ≥ 95 % completed and p99 < ${P99_LIMIT_MS} ms`);
  let held = 0;
  for (const rate of RATES) {
    const w = await run(rate, RAMP_SECONDS);
    const ok = w.completed >= 0.95 * w.offered && w.p99 < P99_LIMIT_MS;
    console.log(`  ${String(rate).padStart(4)} jobs/s  ${fmt(w)}  ${ok ? 'held' : 'NOT held'}`);
    if (!ok) break;
    held = rate;
  }
  if (!held) {
    console.log('no rate held');
  } else {
    console.log(`soak: ${held} jobs/s for ${SOAK_MINUTES} min`);
    const minutes: Window[] = [];
    for (let m = 1; m <= SOAK_MINUTES; m++) {
      const w = await run(held, 60);
      minutes.push(w);
      console.log(`  minute ${String(m).padStart(2)}  ${fmt(w)}`);
    }
    const p99s = minutes.map((w) => w.p99);
    const stable = Math.max(...p99s) < P99_LIMIT_MS && minutes.every((w) => w.completed >= 0.95 * w.offered);
    console.log(
      `soak result: ${held} jobs/s for ${SOAK_MINUTES} min, p99 per minute ${Math.min(...p99s).toFixed(1)}–` +
        `${Math.max(...p99s).toFixed(1)} ms, RSS ${minutes[0].rssMb.toFixed(0)} → ${minutes.at(-1)!.rssMb.toFixed(0)} MB: ` +
        (stable ? 'held' : 'NOT held'),
    );
  }
  worker.stop();
  await killProcess(engine.child);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
