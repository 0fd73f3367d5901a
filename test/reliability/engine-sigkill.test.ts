import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as b from '../support/bpmn';
import { killProcess, startEngineProcess, type EngineProcess } from '../../tools/engine-process';

/**
 * The engine killed with SIGKILL at random points while instances are created, jobs completed and
 * messages published, then restarted on the same data, again and again. What the engine acknowledged
 * (a 2xx answer) must survive every kill exactly once: no acknowledged instance lost, no job completed
 * twice, no acknowledged message lost or correlated twice. What was in flight at the kill may or may
 * not have happened, but never twice.
 */
const KILLS = Number(process.env.RELIABILITY_KILLS ?? 50);

const diagram = b.process(
  'reliability-kill',
  [
    b.start('Start'),
    b.service('Task_Work', 'reliability-work'),
    b.catchEvent('Msg_Answer', { message: 'reliability-answer', correlationKey: '=caseNo' }),
    b.end('End'),
  ],
  ['Start > Task_Work > Msg_Answer > End'],
);

type Json = Record<string, any>;

/** The engine's token, as `npm start` hands one to its services. */
const TOKEN = 'reliability-engine-token-0123456789';
const AUTH = { authorization: `Bearer ${TOKEN}` };

/** One request, no retry: an error or a non-2xx answer means "not acknowledged". */
async function call(
  base: string,
  method: string,
  url: string,
  body?: unknown,
  attempt = 0,
): Promise<Json | undefined> {
  const res = await fetch(`${base}/v2${url}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...AUTH },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  // 429 RESOURCE_EXHAUSTED: back-pressure, nothing applied; retried as the SDK would.
  if (res.status === 429 && attempt < 50) {
    await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
    return call(base, method, url, body, attempt + 1);
  }
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : {};
}

async function deploy(base: string): Promise<void> {
  const form = new FormData();
  form.append('resources', new Blob([diagram], { type: 'application/xml' }), 'reliability-kill.bpmn');
  const res = await fetch(`${base}/v2/deployments`, { method: 'POST', body: form, headers: AUTH });
  if (!res.ok) throw new Error(`deploy: ${res.status} ${await res.text()}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Publishes a case's answer after the last kill. 409 ALREADY_EXISTS means an earlier publication
 * whose answer the kill swallowed did happen: the message is there, once.
 */
async function answer(base: string, caseNo: number): Promise<void> {
  try {
    await call(base, 'POST', '/messages/publication', {
      name: 'reliability-answer',
      correlationKey: `C-${caseNo}`,
      messageId: `answer-${caseNo}`,
      timeToLive: 3_600_000,
      variables: { answer: caseNo },
    });
  } catch (err) {
    if (!/: 409 .*ALREADY_EXISTS/.test((err as Error).message)) throw err;
  }
}

describe('reliability: the engine killed with SIGKILL under load', () => {
  let dir: string;
  let engine: EngineProcess | undefined;
  afterAll(async () => {
    await killProcess(engine?.child);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test(`given ${KILLS} SIGKILLs at random points while instances, jobs and messages flow, then nothing acknowledged is lost or duplicated`, async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-kill-'));
    engine = await startEngineProcess(dir, { LOG_LEVEL: 'error', ENGINE_TOKEN: TOKEN });
    await deploy(engine.address);

    let seq = 0;
    const created = new Map<number, string>(); // caseNo → instance key, acknowledged creates
    const completedJobs = new Map<string, number>(); // job key → caseNo, acknowledged completions
    const completedCases = new Set<number>();
    const answered = new Set<number>(); // acknowledged publications
    const duplicates: string[] = [];
    const activatedAfterCompletion: string[] = [];
    let acknowledgedSomething = 0;

    /** Runs the load until `stop()` resolves; every request is tracked, none retried. */
    const load = (base: string) => {
      let running = true;
      const creator = (async () => {
        while (running) {
          const caseNo = ++seq;
          try {
            const r = await call(base, 'POST', '/process-instances', {
              processDefinitionId: 'reliability-kill',
              variables: { caseNo: `C-${caseNo}`, seq: caseNo },
            });
            created.set(caseNo, String(r!.processInstanceKey));
            acknowledgedSomething++;
          } catch {
            await sleep(20);
          }
        }
      })();
      const worker = (async () => {
        while (running) {
          try {
            const r = await call(base, 'POST', '/jobs/activation', {
              type: 'reliability-work',
              maxJobsToActivate: 8,
              timeout: 2_000,
              worker: 'reliability',
              requestTimeout: 200,
            });
            for (const job of r!.jobs as Json[]) {
              const key = String(job.jobKey);
              if (completedJobs.has(key)) activatedAfterCompletion.push(key);
              const caseNo = Number(job.variables.seq);
              try {
                await call(base, 'POST', `/jobs/${key}/completion`, { variables: { workedBy: key } });
                if (completedCases.has(caseNo)) duplicates.push(`case ${caseNo} worked twice`);
                completedCases.add(caseNo);
                completedJobs.set(key, caseNo);
                acknowledgedSomething++;
              } catch {
                // not acknowledged: the job is offered again after its timeout
              }
            }
          } catch {
            await sleep(20);
          }
        }
      })();
      const publisher = (async () => {
        while (running) {
          const pending = [...created.keys()].filter((n) => !answered.has(n));
          const caseNo = pending[Math.floor(Math.random() * pending.length)];
          if (caseNo === undefined) {
            await sleep(10);
            continue;
          }
          try {
            await call(base, 'POST', '/messages/publication', {
              name: 'reliability-answer',
              correlationKey: `C-${caseNo}`,
              messageId: `answer-${caseNo}`,
              timeToLive: 3_600_000,
              variables: { answer: caseNo },
            });
            answered.add(caseNo);
            acknowledgedSomething++;
          } catch {
            await sleep(20);
          }
        }
      })();
      return async () => {
        running = false;
        await Promise.allSettled([creator, worker, publisher]);
      };
    };

    for (let kill = 0; kill < KILLS; kill++) {
      const stop = load(engine.address);
      // A random point: somewhere between a few and a few hundred commands in.
      await sleep(150 + Math.random() * 600);
      await killProcess(engine.child);
      await stop();
      engine = await startEngineProcess(dir, { LOG_LEVEL: 'error', ENGINE_TOKEN: TOKEN });
    }
    expect(acknowledgedSomething).toBeGreaterThan(KILLS * 5);

    // Drain after the last restart: every open job worked, every case answered (again: a second
    // publication of an acknowledged answer is refused as a duplicate and changes nothing).
    const base = engine.address;
    for (const caseNo of created.keys()) {
      if (answered.has(caseNo)) continue;
      await answer(base, caseNo);
      answered.add(caseNo);
    }
    const deadline = Date.now() + 120_000;
    for (;;) {
      const r = await call(base, 'POST', '/jobs/activation', {
        type: 'reliability-work',
        maxJobsToActivate: 50,
        timeout: 60_000,
        worker: 'drain',
        requestTimeout: 2_500,
      });
      const jobs = r!.jobs as Json[];
      for (const job of jobs) {
        const key = String(job.jobKey);
        if (completedJobs.has(key)) activatedAfterCompletion.push(key);
        const caseNo = Number(job.variables.seq);
        if (completedCases.has(caseNo))
          duplicates.push(`case ${caseNo} offered again after its work was acknowledged`);
        await call(base, 'POST', `/jobs/${key}/completion`, { variables: { workedBy: key } });
        completedCases.add(caseNo);
        completedJobs.set(key, caseNo);
      }
      const active = await call(base, 'POST', '/process-instances/search', {
        filter: { processDefinitionId: 'reliability-kill', state: 'ACTIVE' },
        page: { limit: 1 },
      });
      if (jobs.length === 0 && active!.page.totalItems === 0) break;
      if (jobs.length === 0) {
        // Instances whose creation was in flight at a kill exist without our knowing their case:
        // answer them too, found by their case number.
        const waiting = await call(base, 'POST', '/process-instances/search', {
          filter: { processDefinitionId: 'reliability-kill', state: 'ACTIVE' },
          page: { limit: 100 },
        });
        for (const i of waiting!.items as Json[]) {
          const v = await call(base, 'POST', '/variables/search', {
            filter: { processInstanceKey: String(i.processInstanceKey), name: 'seq' },
          });
          const caseNo = Number(JSON.parse((v!.items as Json[])[0].value));
          if (answered.has(caseNo)) continue;
          await answer(base, caseNo);
          answered.add(caseNo);
        }
      }
      if (Date.now() > deadline)
        throw new Error(`instances still active after the drain: ${JSON.stringify(active)}`);
    }

    expect(activatedAfterCompletion).toEqual([]);
    expect(duplicates).toEqual([]);

    // Every acknowledged instance exists once, completed, with the work and the answer it got.
    const all: Json[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await call(base, 'POST', '/process-instances/search', {
        filter: { processDefinitionId: 'reliability-kill' },
        page: { limit: 500, ...(after ? { after } : {}) },
      });
      all.push(...(page!.items as Json[]));
      after = page!.page.endCursor;
      if ((page!.items as Json[]).length < 500 || !after) break;
    }
    const byKey = new Map(all.map((i) => [String(i.processInstanceKey), i]));
    for (const [caseNo, key] of created) {
      const instance = byKey.get(key);
      expect({ caseNo, state: instance?.state }).toEqual({ caseNo, state: 'COMPLETED' });
    }
    // No case started twice: one instance per caseNo, acknowledged or not.
    const vars = await Promise.all(
      all.map(async (i) => {
        const v = await call(base, 'POST', '/variables/search', {
          filter: { processInstanceKey: String(i.processInstanceKey), name: 'seq' },
        });
        return Number(JSON.parse((v!.items as Json[])[0].value));
      }),
    );
    const perCase = new Map<number, number>();
    for (const n of vars) perCase.set(n, (perCase.get(n) ?? 0) + 1);
    expect([...perCase].filter(([, count]) => count > 1)).toEqual([]);
    // Each acknowledged job completion is the one the instance kept.
    for (const [jobKey, caseNo] of completedJobs) {
      const key = created.get(caseNo) ?? all[vars.indexOf(caseNo)]?.processInstanceKey;
      const v = await call(base, 'POST', '/variables/search', {
        filter: { processInstanceKey: String(key), name: 'workedBy' },
      });
      expect(JSON.parse((v!.items as Json[])[0].value)).toBe(jobKey);
    }
    console.log(
      `reliability: ${KILLS} SIGKILLs; ${created.size} instances acknowledged of ${all.length} created, ` +
        `${completedJobs.size} job completions, ${answered.size} answers; nothing lost or duplicated`,
    );
  }, 1_800_000);
});
