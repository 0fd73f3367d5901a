/**
 * Guards at the point of decision (issue 11): a ground the application or the automatic checks
 * recorded is not lost when the clerk's study form says "no grounds" — the case goes to the hearing
 * with that ground, and the result is issued only if the applicant's position is accepted there.
 * Driven on the embedded engine with the real diagrams.
 */
import { fixtures } from '../../simulators';
import {
  applicantOf,
  COMPLETE,
  completeTask,
  describeState,
  FIRE_INSTALLER_LOCATION,
  MONDAY,
  NO_GROUNDS,
  submitApplication,
  testSystemAt,
  variablesOf,
  waitForTask,
} from '../support/process-fixtures';

type FireFixture = (typeof fixtures.fire)[keyof typeof fixtures.fire];

function permitApplication(number: string, company: FireFixture, consentToRestrictedData: boolean) {
  return {
    applicationNumber: number,
    serviceId: 'fire-automation-permit',
    applicant: {
      ...applicantOf(company, FIRE_INSTALLER_LOCATION),
      registrationCertificate: { number: '10100-1910-ТОО', date: '2016-05-17' },
    },
    consentToRestrictedData,
    attachments: [
      { kind: 'application-form', fileName: 'otinish.pdf' },
      { kind: 'specialists-documents', fileName: 'mamandar.pdf' },
      { kind: 'employment-contracts', fileName: 'enbek-sharttary.pdf' },
    ],
    specialists: company.specialists.map((s) => ({
      iin: s.iin,
      fullName: s.fullName,
      electricalClearanceGroup: { III: 3, IV: 4, V: 5 }[s.electricalClearanceGroup],
    })),
    measuringInstruments: [
      { name: 'Мегаомметр ЭС0202/2-Г', serialNumber: 'MO-21-0457', verifiedUntil: '2026-11-30' },
    ],
  };
}

describe('grounds recorded by the application and the checks reach the hearing (embedded engine)', () => {
  const sys = testSystemAt(MONDAY);

  /** The hearing the application went to: its preliminary decision task and the grounds it was given. */
  async function hearingOf(key: string) {
    const task = await waitForTask(sys.client, key, 'Task_PreparePreliminaryDecision');
    return variablesOf(sys.client, String(task.processInstanceKey));
  }

  test('Order 138 Annex 2 row 11 item 2: the study task\u2019s summary states, in Kazakh and in Russian apart, what the state systems and the check of the specialists answered', async () => {
    const company = fixtures.fire.insufficientExperience;
    const key = await submitApplication(sys, permitApplication('FAP-2026-000950', company, true));
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    const study = await waitForTask(sys.client, key, 'Task_StudyCompliance');
    const vars = await variablesOf(sys.client, String(study.processInstanceKey));
    type Display = {
      applicant: string;
      checks: Array<Record<string, string>>;
      grounds: Array<Record<string, string>>;
      deadlines: Array<Record<string, string>>;
    };
    const kk = vars.displayKk as Display;
    const ru = vars.displayRu as Display;
    // The legal-entity register answered at the engine's pinned time (Monday 2 March, 10:00 Almaty).
    expect(ru.checks).toContainEqual({
      check: 'Юридическое лицо',
      result: `${vars.legalEntity.name} · запрета суда нет`,
      source: 'Государственная база данных «Юридические лица»',
      answeredAt: '02.03.2026 10:00',
    });
    expect(kk.checks).toContainEqual({
      check: 'Заңды тұлға',
      result: `${vars.legalEntity.name} · сот тыйымы жоқ`,
      source: '«Заңды тұлғалар» мемлекеттік деректер қоры',
      answeredAt: '02.03.2026 10:00',
    });
    // The check of the specialists found the one short of experience.
    expect(ru.checks.find((r) => r.check === 'Квалификация специалистов')?.result).toMatch(
      /^НЕ СООТВЕТСТВУЕТ \(оснований: \d+\); квалифицированных специалистов: 1$/,
    );
    expect(kk.checks.find((r) => r.check === 'Мамандардың біліктілігі')?.result).toMatch(/^СӘЙКЕС ЕМЕС/);
    expect(ru.grounds[0].act).toBe(
      'подпункт 2) пункта 11 Перечня основных требований (приложение 2 к Правилам)',
    );
    expect(ru.grounds[0].facts).toContain('стаж 2 лет');
    expect(kk.grounds[0].act).not.toBe(ru.grounds[0].act);
    expect(ru.deadlines.find((r) => r.step === 'Изучение документов')?.left).toMatch(/^рабочих дней: \d+$/);
    expect(kk.deadlines.find((r) => r.step === 'Құжаттарды зерделеу')?.left).toMatch(/^\d+ жұмыс күні$/);
    // The BIN is masked; no row of the Russian display holds a Kazakh catalogue text.
    expect(JSON.stringify(vars.displayRu)).not.toContain(company.bin);
    expect(JSON.stringify(ru.checks)).not.toMatch(/мемлекеттік|тексеру|жоқ/);
  }, 60_000);

  test('Order 138 Annex 2 row 11 item 5: no permit without consent to restricted personal data — the clerk ticks "no grounds", the application still goes to the hearing on ground A05', async () => {
    const key = await submitApplication(
      sys,
      permitApplication('FAP-2026-000951', fixtures.fire.approved, false),
    );
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    expect((await variablesOf(sys.client, key)).recordedGroundCodes).toEqual([
      'A05_NO_CONSENT_PERSONAL_DATA',
    ]);
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    const hearing = await hearingOf(key);
    expect(hearing.refusalGrounds).toEqual(['A05_NO_CONSENT_PERSONAL_DATA']);
    // The preliminary decision's form states the ground with the act's paragraph.
    expect(JSON.stringify((hearing.displayRu as { grounds: unknown }).grounds)).toContain(
      'подпункт 5) пункта 11 Перечня основных требований (приложение 2 к Правилам)',
    );
    expect(await describeState(sys.client, key)).not.toContain('Task_SignResult');
  }, 60_000);

  test('Order 138 Annex 2 row 11 item 2: the check of the specialists found an unqualified specialist — "no grounds" in the study does not issue the permit, the hearing gets ground A02 with its facts', async () => {
    const key = await submitApplication(
      sys,
      permitApplication('FAP-2026-000952', fixtures.fire.insufficientExperience, true),
    );
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    const hearing = await hearingOf(key);
    expect(hearing.refusalGrounds).toEqual(['A02_PERMIT_REQUIREMENTS']);
    expect(JSON.stringify((hearing.displayRu as { grounds: unknown }).grounds)).toContain('стаж 2 лет');
  }, 60_000);

  test('no ground recorded and none found: the permit goes to signature without a hearing, no position to type (the permit names the post itself)', async () => {
    const key = await submitApplication(
      sys,
      permitApplication('FAP-2026-000953', fixtures.fire.approved, true),
    );
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    expect((await variablesOf(sys.client, key)).recordedGroundCodes).toEqual([]);
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    const sign = await waitForTask(sys.client, key, 'Task_SignResult');
    const vars = await variablesOf(sys.client, String(sign.processInstanceKey));
    expect(vars.signerPosition).toBeUndefined();
    expect((vars.displayKk as { resultKind: string }).resultKind).toBe('Рұқсат');
    expect((vars.displayRu as { resultKind: string }).resultKind).toBe('Разрешение');
  }, 60_000);
});
