import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLegalAmendmentStore } from '../../adapters/legal-amendments';
import { loadConfig } from '../../config/schema';
import { deployResources } from '../../deploy/deploy';
import { LegalAmendmentError } from '../../domain/rules/legal-amendments';
import { recordLegalAmendment } from '../../operations/legal-amendment';
import {
  completeTask,
  endEventOf,
  monitoringStages,
  NOW,
  testSystemAt,
  variablesOf,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';

const REPO_ROOT = path.resolve(__dirname, '../..');

/** Monday 13 July 2026, 10:00 in Almaty: the working day after Order 138's 12 July parts took effect. */
const RECORDED_AT = '2026-07-13T10:00:00+05:00';

/** Order 138 itself: the parts of its paragraph 1 that take effect on 12 July 2026 (¶4). */
const ORDER_138_JULY_PARTS = {
  serviceId: 'fire-automation-permit',
  actTitle:
    'Қазақстан Республикасы Төтенше жағдайлар министрінің бұйрығы / Приказ Министра по чрезвычайным ситуациям Республики Казахстан',
  actNumber: '138',
  actDate: '2026-03-31',
  effectiveDate: '2026-07-12',
  changes:
    'Қағидалардың 3-тармағы (бірінші және үшінші бөліктер), 4-тармағы (тоғызыншы және оныншы бөліктер), 8-тармағы және 1–2-қосымшалары жаңа редакцияда / Новая редакция пункта 3 (части первая и третья), пункта 4 (части девятая и десятая), пункта 8 и приложений 1–2 Правил',
  author: 'operator-1',
};

/**
 * 3 working days from the effective date (Sunday 12 July 2026): Monday 13, Tuesday 14, Wednesday 15
 * July, 18:30. Counting from the recording (Monday 13 July) would give Thursday 16 July.
 */
const NOTICE_DUE = '2026-07-15T18:30:00+05:00';

describe('rules-change notice (Order 138 §8; spec C12) on the embedded engine', () => {
  const sys = testSystemAt(RECORDED_AT);
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rules-change-'));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const record = (amendment: unknown) =>
    recordLegalAmendment(
      {
        store: createLegalAmendmentStore(sys.database),
        camunda: sys.client,
        now: () => new Date(RECORDED_AT),
      },
      amendment,
    );

  async function notices(): Promise<any[]> {
    const page = await sys.client.searchProcessInstances(
      { filter: { processDefinitionId: 'rules-change-notice' }, page: { limit: 100 } } as any,
      NOW,
    );
    return page.items as any[];
  }

  test('Order 138 §8: deploying a new version of the permit diagram is not a change of the law and starts no notice', async () => {
    const changed = path.join(dir, 'changed');
    fs.cpSync(path.join(REPO_ROOT, 'bpmn'), path.join(changed, 'bpmn'), { recursive: true });
    fs.cpSync(path.join(REPO_ROOT, 'forms'), path.join(changed, 'forms'), { recursive: true });
    const file = path.join(changed, 'bpmn', 'fire-automation-permit.bpmn');
    const xml = fs.readFileSync(file, 'utf8');
    const renamed = xml.replace(
      /(<bpmn:process id="fire-automation-permit"[^>]*name=")[^"]*"/,
      '$1Permit for fire automation systems (edited)"',
    );
    expect(renamed).not.toBe(xml);
    fs.writeFileSync(file, renamed);

    const report = await deployResources({
      dir: changed,
      config: loadConfig({ ZEEBE_REST_ADDRESS: sys.engine.running.address, LOG_LEVEL: 'error' }),
      client: sys.client as never,
      log: () => undefined,
    });
    expect(report.processes.find((p) => p.id === 'fire-automation-permit')?.version).toBe(2);
    expect(await notices()).toHaveLength(0);
  }, 60_000);

  test('Order 923 has no such paragraph: an amendment of the security-licence Rules is refused with the reason and starts nothing', async () => {
    const refused = await record({
      ...ORDER_138_JULY_PARTS,
      serviceId: 'security-licence',
      actNumber: '923',
    }).catch((err: unknown) => err);
    expect(refused).toBeInstanceOf(LegalAmendmentError);
    const [problem] = (refused as LegalAmendmentError).problems;
    expect(problem.path).toBe('serviceId');
    expect(problem.ru).toContain('приказ № 923');
    expect(problem.ru).toContain('не предусматривают');
    expect(problem.kk).toContain('№ 923 бұйрық');
    expect(await notices()).toHaveLength(0);
    expect(await createLegalAmendmentStore(sys.database).list()).toEqual([]);
  });

  test('Order 138 §8: an operator recording an amendment effective 12 July starts one notice to the Fire Service Committee, due 3 working days from the effective date at 18:30; recording it again starts nothing', async () => {
    const first = await record(ORDER_138_JULY_PARTS);
    expect(first).toMatchObject({ created: true, noticeStarted: true });
    const key = first.noticeProcessInstanceKey;

    const task = await waitForTask(sys.client, key, 'Task_InformOperatorAndContactCentre');
    expect(Date.parse(task.dueDate)).toBe(Date.parse(NOTICE_DUE));
    expect(task.candidateGroups).toEqual(['fire-clerks']);
    expect(await variablesOf(sys.client, key)).toMatchObject({
      amendmentId: first.amendment.id,
      actNumber: '138',
      actDate: '2026-03-31',
      amendmentEffectiveDate: '2026-07-12',
      deadlineRulesChangeNotice: NOTICE_DUE,
    });

    // The same amendment again (a double submission, another operator): one notice.
    const again = await record({ ...ORDER_138_JULY_PARTS, author: 'operator-2' });
    expect(again).toMatchObject({ created: false, noticeStarted: false, noticeProcessInstanceKey: key });
    expect(await notices()).toHaveLength(1);

    await completeTask(sys.client, key, 'Task_InformOperatorAndContactCentre', {
      egovOperatorInformed: true,
      contactCentreInformed: true,
      noticeOutgoingNumber: 'ӨҚК-12/345',
    });
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_OperatorsInformed');

    // Even after the notice ended, the same amendment starts none.
    expect(await record(ORDER_138_JULY_PARTS)).toMatchObject({
      noticeStarted: false,
      noticeProcessInstanceKey: key,
    });
    expect(await notices()).toHaveLength(1);
    expect(await monitoringStages(sys, first.amendment.id)).toEqual([
      'rules-change-notice',
      'rules-change-notified',
    ]);
  }, 60_000);
});
