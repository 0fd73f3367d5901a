import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/schema';
import { deployResources } from '../../deploy/deploy';
import { NOW, permitApplication, testSystemAt, variablesOf, waitForTask } from '../support/process-fixtures';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** Wednesday 20 August 2025, 10:00 in Almaty: before the date of Order 372, whose Rules the permit diagram models. */
const BEFORE_ANY_RULES = '2025-08-20T10:00:00+05:00';
/** Friday 10 July 2026, 10:00: registered the same day, before Order 138's deferred parts take effect. */
const BEFORE_12_JULY = '2026-07-10T10:00:00+05:00';
/** Monday 13 July 2026, 10:00: registered the same day, after 12 July 2026. */
const AFTER_12_JULY = '2026-07-13T10:00:00+05:00';

describe('rules in force on the registration day (Order 138 ¶4; spec C13) on the embedded engine', () => {
  const sys = testSystemAt(BEFORE_ANY_RULES);
  let dir: string;
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function instance(key: string) {
    return (await sys.client.getProcessInstance({ processInstanceKey: key } as any, NOW)) as any;
  }

  test('an application registered before any deployed version of its rules took effect is not started, with the reason in Kazakh and Russian; it stays registered', async () => {
    const refused = await sys.intake
      .submit(permitApplication('FAP-2025-000901'))
      .catch((err: unknown) => err);
    expect(refused).toMatchObject({
      status: 422,
      code: 'NO_RULES_IN_FORCE',
      text: {
        kk: expect.stringContaining(
          '2025-08-20 тіркелді, бірақ жүйеде сол күні қолданыста болған қызмет көрсету қағидалары жоқ',
        ),
        ru: expect.stringContaining(
          '2025-08-20, но действовавших в этот день правил оказания услуги в системе нет',
        ),
      },
    });
    const started = await sys.client.searchProcessInstances(
      { filter: { processDefinitionId: 'fire-automation-permit' } } as any,
      NOW,
    );
    expect(started.items).toEqual([]);
    // A repeat keeps the registration day: still none in force, still nothing started.
    await expect(sys.intake.submit(permitApplication('FAP-2025-000901'))).rejects.toMatchObject({
      code: 'NO_RULES_IN_FORCE',
    });
    expect((await sys.intake.status('FAP-2025-000901')).registeredOn).toBe('2025-08-20');
  });

  test('with a version of the Rules taking effect on 12 July 2026 deployed last, an application registered on 10 July starts the earlier version and flags the earlier wording to the clerk; one registered on 13 July starts the new version', async () => {
    // A new version of the permit procedure whose rules take effect on 12 July 2026, deployed before both applications.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-in-force-'));
    fs.cpSync(path.join(REPO_ROOT, 'bpmn'), path.join(dir, 'bpmn'), { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, 'forms'), path.join(dir, 'forms'), { recursive: true });
    const file = path.join(dir, 'bpmn', 'fire-automation-permit.bpmn');
    const xml = fs.readFileSync(file, 'utf8');
    const july = xml.replace(
      '<zeebe:versionTag value="rules-from-2025-08-28" />',
      '<zeebe:versionTag value="rules-from-2026-07-12" />',
    );
    expect(july).not.toBe(xml);
    fs.writeFileSync(file, july);
    await sys.setTime('2026-07-01T10:00:00+05:00');
    const report = await deployResources({
      dir,
      config: loadConfig({ ZEEBE_REST_ADDRESS: sys.engine.running.address, LOG_LEVEL: 'error' }),
      client: sys.client as never,
      log: () => undefined,
    });
    expect(report.processes.find((p) => p.id === 'fire-automation-permit')?.version).toBe(2);

    await sys.setTime(BEFORE_12_JULY);
    const before = await sys.intake.submit(permitApplication('FAP-2026-000901'));
    expect(before.status).toBe(201);
    expect(before.application.registeredOn).toBe('2026-07-10');
    const beforeKey = before.application.processInstanceKey!;
    expect(await instance(beforeKey)).toMatchObject({
      processDefinitionVersion: 1,
      processDefinitionVersionTag: 'rules-from-2025-08-28',
    });
    await waitForTask(sys.client, beforeKey, 'Task_CheckCompleteness');
    const flagged = await variablesOf(sys.client, beforeKey);
    expect(flagged.rulesFrom).toBe('2025-08-28');
    expect(flagged.earlierWordingNote).toContain(
      'Заявление зарегистрировано 10.07.2026, то есть до 12 июля 2026 года',
    );
    expect(flagged.earlierWordingNote).toContain('в прежней редакции приказа № 372');
    expect(flagged.earlierWordingNote).toContain('2026 жылғы 12 шілдеге дейін');

    await sys.setTime(AFTER_12_JULY);
    const after = await sys.intake.submit(permitApplication('FAP-2026-000902'));
    expect(after.application.registeredOn).toBe('2026-07-13');
    const afterKey = after.application.processInstanceKey!;
    expect(await instance(afterKey)).toMatchObject({
      processDefinitionVersion: 2,
      processDefinitionVersionTag: 'rules-from-2026-07-12',
    });
    await waitForTask(sys.client, afterKey, 'Task_CheckCompleteness');
    const current = await variablesOf(sys.client, afterKey);
    expect(current.rulesFrom).toBe('2026-07-12');
    expect(current.earlierWordingNote).toBeUndefined();
  }, 60_000);
});
