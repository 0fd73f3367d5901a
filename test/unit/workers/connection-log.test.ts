import { orchestrationClient } from '../../../config/camunda';
import { loadConfig } from '../../../config/schema';
import { startEmbeddedEngine, RunningEngine } from '../../../engine';
import { connectionStateLog, SDK_TRANSPORT_LEVEL } from '../../../config/sdk-log';
import { startRestWorkers, type RunningWorkers } from '../../../workers/runtime';
import type { RegisteredWorker } from '../../../workers/define';
import * as b from '../../support/bpmn';
import { eventually } from '../../support/engine-harness';
import { freePort } from '../../support/free-port';
import { workerDepsFromEnv } from '../../support/jobs';

/**
 * An engine outage used to print a stack trace per failed poll of every job type (~1,650 lines);
 * now the workers log one line when the engine becomes unreachable and one when it is back.
 */
test('workers log one line per engine outage and one per recovery, and no SDK console output', async () => {
  const lines: { level: string; msg: string }[] = [];
  const log = {
    info: (msg: string) => lines.push({ level: 'info', msg }),
    warn: (msg: string) => lines.push({ level: 'warn', msg }),
    error: (msg: string) => lines.push({ level: 'error', msg }),
  };
  const consoleLines: unknown[][] = [];
  const spies = (['log', 'warn', 'error'] as const).map((m) =>
    jest.spyOn(console, m).mockImplementation((...a: unknown[]) => void consoleLines.push(a)),
  );
  const port = await freePort();
  let engine: RunningEngine | undefined = await startEmbeddedEngine({ dataDir: ':memory:', port });
  let workers: RunningWorkers | undefined;
  try {
    await engine.engine.deploy([
      {
        name: 'outage.bpmn',
        content: b.process(
          'outage',
          [b.start('Start'), b.service('Task_Echo', 'outage-echo'), b.end('End')],
          ['Start > Task_Echo > End'],
        ),
      },
    ]);
    const handled: string[] = [];
    // Workers that need no dependencies: what is measured is the client's logging across an outage.
    const defs: RegisteredWorker[] = ['outage-echo', 'outage-other', 'outage-third'].map((type) => ({
      type,
      bind: () => async (job) => {
        handled.push(job.processInstanceKey);
        return job.complete({});
      },
    }));
    // The dependencies as production builds them, with this test's log.
    const deps = workerDepsFromEnv({}, { log });
    const config = loadConfig({ ZEEBE_REST_ADDRESS: engine.address, LOG_LEVEL: 'info' });
    const client = orchestrationClient(
      config,
      {},
      { level: SDK_TRANSPORT_LEVEL, transport: connectionStateLog(log).transport },
    );
    workers = startRestWorkers(client, defs, deps, { maxParallelJobs: 4, jobTimeoutMs: 30_000 });

    // The engine goes away for a while: three job types keep polling.
    await engine.close();
    engine = undefined;
    await new Promise((r) => setTimeout(r, 3000));
    engine = await startEmbeddedEngine({ dataDir: ':memory:', port });
    await engine.engine.deploy([
      {
        name: 'outage.bpmn',
        content: b.process(
          'outage',
          [b.start('Start'), b.service('Task_Echo', 'outage-echo'), b.end('End')],
          ['Start > Task_Echo > End'],
        ),
      },
    ]);
    const pi = engine.engine.createProcessInstance({ bpmnProcessId: 'outage' });
    await eventually(
      async () => handled,
      (h) => h.includes(pi.key),
      30_000,
    );
    await eventually(
      async () => lines.filter((l) => l.msg.startsWith('engine reachable again')).length,
      (n) => n >= 1,
      10_000,
    );
    expect(lines.filter((l) => l.msg.startsWith('engine unreachable'))).toHaveLength(1);
    expect(lines.filter((l) => l.msg.startsWith('engine reachable again'))).toHaveLength(1);
    expect(lines.filter((l) => l.level !== 'info' && !l.msg.startsWith('engine unreachable'))).toEqual([]);
    expect(consoleLines).toEqual([]);
  } finally {
    await workers?.stop();
    await engine?.close();
    for (const s of spies) s.mockRestore();
  }
}, 90_000);
