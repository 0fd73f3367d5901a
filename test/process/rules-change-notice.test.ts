import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../config/schema';
import { deployResources } from '../../deploy/deploy';
import {
  completeTask,
  endEventOf,
  MONDAY,
  monitoringStages,
  NOW,
  testSystemAt,
  variablesOf,
  waitFor,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';

/** The 3rd working day after 2 March, 18:30 +05:00. */
const NOTICE_DUE = '2026-03-05T18:30:00+05:00';
const REPO_ROOT = path.resolve(__dirname, '../..');

describe('rules-change notice (C12) on the embedded engine', () => {
  const sys = testSystemAt(MONDAY);
  let changedDir: string;
  beforeAll(async () => {
    // A process designer's edit: the permit procedure renamed, everything else as in the repository.
    changedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-change-'));
    fs.cpSync(path.join(REPO_ROOT, 'bpmn'), path.join(changedDir, 'bpmn'), { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, 'forms'), path.join(changedDir, 'forms'), { recursive: true });
    const file = path.join(changedDir, 'bpmn', 'fire-automation-permit.bpmn');
    const xml = fs.readFileSync(file, 'utf8');
    const renamed = xml.replace(
      /(<bpmn:process id="fire-automation-permit"[^>]*name=")[^"]*"/,
      '$1Permit for fire automation systems (Order 138 revision)"',
    );
    if (renamed === xml) throw new Error('the permit process name was not found in the copied diagram');
    fs.writeFileSync(file, renamed);
  }, 60_000);
  afterAll(() => {
    if (changedDir) fs.rmSync(changedDir, { recursive: true, force: true });
  });

  const deploy = (dir: string) =>
    deployResources({
      dir,
      config: loadConfig({ ZEEBE_REST_ADDRESS: sys.engine.running.address, LOG_LEVEL: 'error' }),
      client: sys.client as never,
      log: () => undefined,
    });

  async function notices(): Promise<any[]> {
    const page = await sys.client.searchProcessInstances(
      { filter: { processDefinitionId: 'rules-change-notice' }, page: { limit: 100 } } as any,
      NOW,
    );
    return page.items as any[];
  }

  test('deploying a new version asks the authorised body to inform the operator and 1414 within 3 working days; the same content deployed again starts nothing', async () => {
    expect(await notices()).toHaveLength(0);

    const report = await deploy(changedDir);
    expect(report.processes.find((p) => p.id === 'fire-automation-permit')?.version).toBe(2);
    expect(report.rulesChangeNotices).toEqual(['fire-automation-permit:2']);
    const [notice] = await waitFor('the rules-change notice to start', async () =>
      (await notices()).length > 0 ? notices() : undefined,
    );
    const key = notice.processInstanceKey as string;
    const task = await waitForTask(sys.client, key, 'Task_InformOperatorAndContactCentre');
    expect(Date.parse(task.dueDate)).toBe(Date.parse(NOTICE_DUE));
    expect(task.candidateGroups).toEqual(['fire-clerks']);
    expect(await variablesOf(sys.client, key)).toMatchObject({
      processId: 'fire-automation-permit',
      version: 2,
      previousVersion: 1,
      deadlineRulesChangeNotice: NOTICE_DUE,
    });

    const again = await deploy(changedDir);
    expect(again.processes.find((p) => p.id === 'fire-automation-permit')?.version).toBe(2);
    expect(again.rulesChangeNotices).toEqual([]);
    expect(await notices()).toHaveLength(1);

    await completeTask(sys.client, key, 'Task_InformOperatorAndContactCentre', {
      egovOperatorInformed: true,
      contactCentreInformed: true,
      noticeOutgoingNumber: 'ӨҚК-12/345',
    });
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_OperatorsInformed');
    expect(await notices()).toHaveLength(1);
    expect(await monitoringStages(sys, 'fire-automation-permit:2')).toEqual([
      'rules-change-notice',
      'rules-change-notified',
    ]);
  }, 60_000);
});
