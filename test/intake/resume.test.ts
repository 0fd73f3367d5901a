import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Camunda8 } from '@camunda8/sdk';
import { fixedClock } from '../../domain/clock';
import { defaultLegalClock } from '../../domain/legal-clock';
import { startEmbeddedEngine, RunningEngine } from '../../engine';
import { createIntake } from '../../intake/intake';
import type { CamundaPort } from '../../intake/camunda-port';
import { createApplicationStore } from '../../intake/store';
import { eventually } from '../support/engine-harness';
import { freePort } from '../support/free-port';
import { licenceApplication } from '../ui/support/requests';

const REPO = path.resolve(__dirname, '../..');

/**
 * An application submitted while the engine is down is registered and answered 503; intake starts
 * its process by itself once the engine is back (no resubmission), from the registration time it
 * recorded at submission (spec C2: the terms run from registration).
 */
describe('intake resumes applications registered while the engine was down', () => {
  let engine: RunningEngine | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-resume-'));
  afterAll(async () => {
    await engine?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('stop the engine, submit, start the engine: the application proceeds without resubmission, once', async () => {
    const port = await freePort();
    const dataDir = path.join(dir, 'engine');
    engine = await startEmbeddedEngine({ dataDir, port });
    const camunda = new Camunda8({
      ZEEBE_REST_ADDRESS: engine.address,
      CAMUNDA_AUTH_STRATEGY: 'NONE',
      CAMUNDA_SDK_LOG_LEVEL: 'error',
    } as any).getOrchestrationClusterApiClient();
    const file = path.join(REPO, 'bpmn', 'security-licence.bpmn');
    await engine.engine.deploy([{ name: 'security-licence.bpmn', content: fs.readFileSync(file, 'utf8') }]);
    await engine.close();
    engine = undefined;

    const logs: string[] = [];
    const store = createApplicationStore(':memory:');
    const intake = createIntake({
      camunda: camunda as unknown as CamundaPort,
      store,
      legalClock: defaultLegalClock,
      clock: fixedClock('2026-04-15T10:00:00+05:00'),
      log: (m) => logs.push(m),
    });
    // The engine is down: the application is registered but not started.
    await expect(intake.submit(licenceApplication())).rejects.toMatchObject({
      status: 503,
      code: 'ENGINE_UNAVAILABLE',
    });
    expect(await store.get('SEC-2026-000042')).toMatchObject({
      state: 'starting',
      registeredOn: '2026-04-15',
    });

    const resumer = intake.resumeStarting({ minDelayMs: 20, maxDelayMs: 200 });
    try {
      // While it is down the resumer retries quietly: one line, not one per attempt.
      await eventually(
        async () => logs.filter((l) => l.startsWith('registered applications wait for the engine')).length,
        (n) => n === 1,
        10_000,
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(logs.filter((l) => l.startsWith('registered applications wait for the engine'))).toHaveLength(1);

      engine = await startEmbeddedEngine({ dataDir, port });
      const started = await eventually(
        async () => (await store.get('SEC-2026-000042'))!,
        (r) => r.state === 'started',
        20_000,
      );
      expect(logs).toContain('engine reachable again: registered applications resumed');
      const instances = engine.engine.queries
        .processInstances()
        .filter((p) => p.bpmnProcessId === 'security-licence');
      expect(instances.map((p) => p.key)).toEqual([started.processInstanceKey]);
      const vars = engine.engine.visibleVariables(started.processInstanceKey!);
      expect(vars).toMatchObject({
        applicationNumber: 'SEC-2026-000042',
        receivedAt: '2026-04-15T05:00:00.000Z',
        registeredOn: '2026-04-15',
      });
      // Later passes find nothing to start: no second instance.
      expect(await resumer.runOnce()).toBe(0);
    } finally {
      resumer.stop();
      await store.close();
    }
  }, 60_000);
});
