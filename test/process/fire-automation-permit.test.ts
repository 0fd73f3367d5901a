import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildDocument, factsFromVariables } from '../../domain/documents';
import { citeLegalRef } from '../../domain/rules/legal-ref';
import { groundByCode } from '../../domain/rules/refusal-grounds';
import { fixtures } from '../../simulators';
import {
  applicantOf,
  breachRecorded,
  cabinetMessages,
  COMPLETE,
  completeTask,
  describeState,
  endEventOf,
  FIRE_INSTALLER_LOCATION,
  groundsFound,
  hearingNotice,
  type HearingOutcome,
  hearingRecord,
  incomplete,
  MONDAY,
  monitoringStages,
  NO_GROUNDS,
  NOW,
  holdHearingAt,
  permitApplication,
  sendHearingNotice,
  signed,
  submitApplication,
  testSystemAt,
  variablesOf,
  waitForEnd,
  waitForTask,
} from '../support/process-fixtures';
import { englishInVariables } from '../support/language';

/** 10 working days after registration on 2 March (9 March is a holiday for 8 March). */
const TERM_END = '2026-03-17T18:30:00+05:00';

type FireFixture = (typeof fixtures.fire)[keyof typeof fixtures.fire];

const SIGNED = signed({ signerName: 'Сапаров Ерлан Қайратұлы' });
const PRELIMINARY = hearingNotice(
  '2026-03-12T11:00:00+05:00',
  'video',
  'Бейнебайланыс, Өрт қызметі комитеті',
  'Өтініш беруші рұқсат беру талаптарына сәйкес келмейді: мамандардың біліктілігі талаптарға сай емес (Annex 2 row 10 item 2).',
);

describe('fire automation permit (service A) end to end on the embedded engine', () => {
  const sys = testSystemAt(MONDAY);

  const submit = (number: string, company: FireFixture, extra?: Record<string, unknown>) =>
    submitApplication(sys, permitApplication(number, company, extra));

  async function specialistsCheckOf(key: string): Promise<any> {
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    return (await variablesOf(sys.client, key)).specialistsCheck;
  }

  /** The hearing (C6): preliminary decision, the applicant's position through the portal, the record. */
  async function hear(number: string, key: string, hearingOutcome: HearingOutcome, hearingReasons: string) {
    await sendHearingNotice(sys, key, PRELIMINARY);
    await sys.intake.sendMessage(number, {
      kind: 'hearing-position',
      text: 'Біз талаптарға сай екінші маманды жұмысқа қабылдадық, құжаттары қоса беріледі.',
    });
    // C6: the record opens at the announced time (12 March), not when the position arrives.
    await holdHearingAt(sys, key, '2026-03-12T11:00:00+05:00');
    await completeTask(
      sys.client,
      key,
      'Task_RecordHearing',
      hearingRecord(
        hearingOutcome,
        'Өтініш беруші маманның біліктілігін растайтын құжаттарды ұсынды.',
        hearingReasons,
      ),
    );
  }

  test('the permit is issued within 10 working days when everything is in order: given two qualified specialists, when the clerk finds no grounds and the head signs, then the permit PDF is recorded and delivered', async () => {
    const company = fixtures.fire.approved;
    const key = await submit('FAP-2026-000101', company);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    const check = await specialistsCheckOf(key);
    expect(check).toMatchObject({ passed: true, qualifiedCount: 2, verifiedInstrumentCount: 1, grounds: [] });
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_PermitIssued');
    const vars = await variablesOf(sys.client, key);
    expect(vars.registeredOn).toBe('2026-03-02');
    expect(vars.deadlineTotal).toBe(TERM_END);
    expect(sys.clock.now().getTime()).toBeLessThan(Date.parse(vars.deadlineTotal));
    expect(vars.serviceTermDeadlineBreached).toBeUndefined();
    expect(vars.deliveredResultKind).toBe('permit');
    expect(vars.resultDocument).toMatchObject({ kind: 'permit' });
    expect(vars.resultDocument.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Stored under a key of its own write: `<documentId>.<random>.pdf`.
    const file = fs
      .readdirSync(sys.documentsDir)
      .find((f) => f.startsWith(`${vars.resultDocument.documentId}.`) && f.endsWith('.pdf'));
    const pdf = fs.readFileSync(path.join(sys.documentsDir, file ?? `${vars.resultDocument.documentId}.pdf`));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(vars.resultDocument.sha256);
    expect(await cabinetMessages(sys, company.bin)).toContainEqual(
      expect.objectContaining({
        applicationNumber: 'FAP-2026-000101',
        kind: 'permit',
        documentId: vars.resultDocument.documentId,
      }),
    );
  }, 60_000);

  test('an individual entrepreneur applies with an IIN (Order 138 §3 part one, Annex 1 "ЖСН/БСН"): the lookups find the entrepreneur by IIN and the permit reaches the cabinet', async () => {
    const entrepreneur = fixtures.fire.entrepreneur;
    const key = await submit('FAP-2026-000109', entrepreneur, {
      applicant: {
        ...applicantOf(entrepreneur, FIRE_INSTALLER_LOCATION),
        registrationCertificate: { number: 'ИП-2019-0412', date: '2019-03-04' },
      },
    });
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    const check = await specialistsCheckOf(key);
    expect(check).toMatchObject({ passed: true, qualifiedCount: 2 });
    const looked = await variablesOf(sys.client, key);
    expect(looked.legalEntity).toMatchObject({
      found: true,
      bin: entrepreneur.bin,
      headIin: entrepreneur.bin,
      name: 'ИП «Сәрсенбаев Өрт Сервис»',
    });
    expect(JSON.stringify(looked.realEstate)).toContain('мкр. Аксай-4');
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_PermitIssued');
    const vars = await variablesOf(sys.client, key);
    expect(await cabinetMessages(sys, entrepreneur.bin)).toContainEqual(
      expect.objectContaining({
        applicationNumber: 'FAP-2026-000109',
        kind: 'permit',
        documentId: vars.resultDocument.documentId,
      }),
    );
  }, 60_000);

  test('an incomplete package ends in a motivated refusal of further consideration: given the employment contracts missing, when the clerk finds the package incomplete, then the refusal is delivered', async () => {
    const company = fixtures.fire.approved;
    const key = await submit('FAP-2026-000102', company, {
      attachments: [{ kind: 'application-form', fileName: 'otinish.pdf' }],
    });
    await completeTask(
      sys.client,
      key,
      'Task_CheckCompleteness',
      incomplete('Мамандардың еңбек шарттары ұсынылмаған (Annex 2 row 10 item 3).', {
        docApplication: true,
        docSpecialists: true,
        docEmploymentContracts: false,
        docPremises: true,
        docMeasuringInstruments: true,
      }),
    );
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_FurtherConsiderationRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.deliveredResultKind).toBe('refusal-further-consideration');
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal-further-consideration' });
    expect(vars.specialistsCheck).toBeUndefined();
    expect(await cabinetMessages(sys, company.bin)).toContainEqual(
      expect.objectContaining({
        applicationNumber: 'FAP-2026-000102',
        kind: 'refusal-further-consideration',
      }),
    );
  }, 60_000);
  test.each([
    ['FAP-2026-000103', 'unlistedSpecialty', 'тізбедегі мамандық'],
    ['FAP-2026-000104', 'insufficientExperience', 'өтілі 2 жыл'],
  ] as const)(
    'unqualified specialists lead to a hearing (%s, %s): grounds found and refusal confirmed at the hearing ends in a motivated refusal naming ground A02',
    async (number, fixture, failedRule) => {
      const company = fixtures.fire[fixture];
      const key = await submit(number, company);
      await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
      const check = await specialistsCheckOf(key);
      expect(check.passed).toBe(false);
      expect(check.qualifiedCount).toBe(1);
      expect(check.grounds.map((g: any) => g.code)).toEqual([
        'A02_PERMIT_REQUIREMENTS',
        'A02_PERMIT_REQUIREMENTS',
      ]);
      // Order 138 Annex 2 row 11 item 2, as data, printed from the catalogue.
      expect(check.grounds[0].ruleRef).toEqual({
        act: 'order-138',
        service: 'fire-automation-permit',
        annex: 2,
        row: 11,
        ground: 2,
      });
      expect(citeLegalRef(check.grounds[0].ruleRef, 'ru')).toBe(
        'подпункт 2) пункта 11 Перечня основных требований (приложение 2 к Правилам)',
      );
      expect(citeLegalRef(check.grounds[0].ruleRef, 'kk')).toBe(
        'Қағидаларға 2-қосымшадағы Тізбенің 11-тармағының 2) тармақшасы',
      );
      expect(check.grounds[0].textKk).toContain(failedRule);
      expect(check.grounds[1].textRu).toContain('квалифицированных специалистов 1, требуется не менее 2');

      await completeTask(
        sys.client,
        key,
        'Task_StudyCompliance',
        groundsFound(['A02_PERMIT_REQUIREMENTS'], 'Бір маман ғана талаптарға сай.'),
      );
      await hear(
        number,
        key,
        'refusal-confirmed',
        'Ұсынылған түсініктеме мамандардың біліктілігін растамайды.',
      );
      await completeTask(sys.client, key, 'Task_SignResult', SIGNED);
      await waitForEnd(sys.client, key);

      expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
      const vars = await variablesOf(sys.client, key);
      expect(vars.hearingOutcome).toBe('refusal-confirmed');
      expect(vars.hearingRecordDocument).toMatchObject({ kind: 'hearing-record' });
      expect(vars.deliveredResultKind).toBe('refusal');
      expect(vars.resultDocument).toMatchObject({ kind: 'refusal' });
      // What the workers wrote on the way (checks, grounds with their place in Order 138 Annex 2
      // row 11, the case summary, documents) holds no English a person could read in Operate.
      expect(englishInVariables(vars)).toEqual([]);
      // The refusal is formed from these variables; its grounds section quotes the catalogue ground.
      const refusal = buildDocument(
        'refusal',
        { ...factsFromVariables(vars), documentDate: sys.clock.now().toISOString(), documentSeq: 1 },
        'ru',
      );
      expect(JSON.stringify(refusal)).toContain(groundByCode('A02_PERMIT_REQUIREMENTS').textRu);
      expect(await cabinetMessages(sys, company.bin)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ applicationNumber: number, kind: 'preliminary-decision' }),
          expect.objectContaining({
            applicationNumber: number,
            kind: 'refusal',
            documentId: vars.resultDocument.documentId,
          }),
        ]),
      );
    },
    60_000,
  );
  test('position accepted at the hearing leads to the result: given grounds found for an unqualified specialist, when the hearing accepts the position, then the permit is issued', async () => {
    const company = fixtures.fire.insufficientExperience;
    const key = await submit('FAP-2026-000105', company);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    expect((await specialistsCheckOf(key)).passed).toBe(false);
    await completeTask(sys.client, key, 'Task_StudyCompliance', groundsFound(['A02_PERMIT_REQUIREMENTS']));
    await hear(
      'FAP-2026-000105',
      key,
      'position-accepted',
      'Өтініш беруші маманның жеткілікті өтілін растайтын еңбек кітапшасын ұсынды.',
    );
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_PermitIssued');
    const vars = await variablesOf(sys.client, key);
    expect(vars.hearingOutcome).toBe('position-accepted');
    expect(vars.resultDocument).toMatchObject({ kind: 'permit' });
    expect(await cabinetMessages(sys, company.bin)).toContainEqual(
      expect.objectContaining({ applicationNumber: 'FAP-2026-000105', kind: 'permit' }),
    );
  }, 60_000);

  test('a court ban is a ground: given a company banned by a court from the activity, when the clerk cites it and the hearing confirms it, then the permit is refused on ground A03', async () => {
    const company = fixtures.fire.courtBan;
    const key = await submit('FAP-2026-000106', company);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    expect((await specialistsCheckOf(key)).passed).toBe(true);
    const looked = await variablesOf(sys.client, key);
    expect(looked.legalEntity).toMatchObject({ found: true, bin: company.bin, courtBan: true });
    await completeTask(
      sys.client,
      key,
      'Task_StudyCompliance',
      groundsFound(['A03_COURT_BAN'], 'Сот шешімімен қызметке тыйым салынған.'),
    );
    await hear(
      'FAP-2026-000106',
      key,
      'refusal-confirmed',
      'Соттың тыйым салу туралы шешімі заңды күшіне енген, күшін жоймаған.',
    );
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED);
    await waitForEnd(sys.client, key);

    expect(await endEventOf(sys.client, key)).toBe('End_ServiceRefused');
    const vars = await variablesOf(sys.client, key);
    expect(vars.refusalGrounds).toEqual(['A03_COURT_BAN']);
    expect(vars.resultDocument).toMatchObject({ kind: 'refusal' });
    const refusal = buildDocument(
      'refusal',
      { ...factsFromVariables(vars), documentDate: sys.clock.now().toISOString(), documentSeq: 1 },
      'ru',
    );
    expect(JSON.stringify(refusal)).toContain(groundByCode('A03_COURT_BAN').textRu);
  }, 60_000);

  // Moves the shared clock past the term: keep this scenario last in the file.
  test('an application still open at the end of the term escalates to the head and stays open: given the study still open when 10 working days end, then the breach is recorded and the permit still follows', async () => {
    const key = await submit('FAP-2026-000107', fixtures.fire.approved);
    await completeTask(sys.client, key, 'Task_CheckCompleteness', COMPLETE);
    await waitForTask(sys.client, key, 'Task_StudyCompliance');
    expect((await variablesOf(sys.client, key)).deadlineTotal).toBe(TERM_END);

    await sys.setTime('2026-03-17T18:29:00+05:00');
    // The study's own term (the hearing-notice deadline) ran out earlier and escalates on its own.
    await breachRecorded(sys, key, 'study');
    expect((await variablesOf(sys.client, key)).serviceTermDeadlineBreached).toBeUndefined();
    await sys.setTime('2026-03-17T18:31:00+05:00');
    await breachRecorded(sys, key, 'serviceTerm');

    expect(await monitoringStages(sys, 'FAP-2026-000107')).toContain(
      'notice:deadline-breached:serviceTerm:fire-head',
    );
    const pi = await sys.client.getProcessInstance({ processInstanceKey: key } as any, NOW);
    expect(pi.state).toBe('ACTIVE');
    await completeTask(sys.client, key, 'Task_StudyCompliance', NO_GROUNDS);
    await completeTask(sys.client, key, 'Task_SignResult', SIGNED);
    await waitForEnd(sys.client, key);
    expect(await endEventOf(sys.client, key)).toBe('End_PermitIssued');
    expect(await describeState(sys.client, key)).toContain('incidents []');
  }, 60_000);
});
