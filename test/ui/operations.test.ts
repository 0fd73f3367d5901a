import { openAppDatabase, type AppDatabase } from '../../adapters/db/connect';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCalendarRevisionStore } from '../../adapters/calendar-revisions';
import { createMciRecordStore } from '../../adapters/mci-records';
import { variablesOf, waitFor, waitForTask } from '../support/system-harness';
import {
  client,
  COMPLETENESS_CHECK,
  licenceAtCompletenessCheck,
  licenceWithLookupIncident,
  startApp,
} from './support/harness';

/**
 * The operations pages' API on the embedded engine with the real diagrams: running and finished
 * applications, one instance (diagram marks, counts, history, values, incidents), the operator's
 * cancel / value change / retry with a recorded reason, and the calendar and MCI screens.
 */

/** Words in Latin letters: a text a person reads in kk/ru has none (ids, English, codes). */
const LATIN_WORD = /\b[A-Za-z]{2,}\b/;
/** Every string of a JSON answer except the diagram (XML and element ids are for the viewer only). */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => texts(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      // A choice's codes are sent back, never shown: only its labels are read.
      if (k === 'options') {
        texts(
          (v as { label: string }[]).map((o) => o.label),
          out,
        );
        continue;
      }
      if (
        [
          'xml',
          'diagram',
          'processInstanceKey',
          'incidentKey',
          'elementId',
          'name',
          'state',
          'kind',
          'urgency',
          'dueAt',
          'input',
        ].includes(k)
      )
        continue;
      texts(v, out);
    }
  return out;
}

/** The operator's session reading Russian (the language cookie the language switch sets). */
const ru = (creds: { cookie: string; csrf: string }) => ({
  ...creds,
  cookie: `${creds.cookie}; kzp_lang=ru`,
});

describe('operations: applications, instance, operator actions, calendar and MCI', () => {
  let ctx: Awaited<ReturnType<typeof startApp>>;
  let dir: string;
  let db: AppDatabase;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'ops-'));
    db = openAppDatabase({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') });
    await db.ready();
    ctx = await startApp({
      operations: {
        calendarRevisions: createCalendarRevisionStore(db),
        mciRecords: createMciRecordStore(db),
      },
    });
  });
  afterEach(async () => {
    await ctx.close();
    await db.close();
  });

  test('finished applications are listed beside running ones, filtered by state, service, start dates and number, 50 a page', async () => {
    const running = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000501');
    const finished = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000502');
    const op = client(ctx.base, ru(await ctx.as('operator')));
    const cancel = await op('POST', `/api/ops/applications/${finished.processInstanceKey}/cancel`, {
      reason: 'Заявитель отозвал заявление письмом',
    });
    expect(cancel.status).toBe(200);
    const numbers = async (query: string) =>
      ((await op('GET', `/api/ops/applications?${query}`)).json.items as { applicationNumber: string }[]).map(
        (i) => i.applicationNumber,
      );
    // Today's list showed running instances only: the cancelled one was gone from operations.
    expect(await numbers('state=terminated')).toContain('SEC-2026-000502');
    expect(await numbers('state=terminated')).not.toContain('SEC-2026-000501');
    expect(await numbers('state=active')).toContain('SEC-2026-000501');
    const all = await op('GET', '/api/ops/applications?q=SEC-2026-00050');
    expect(all.json.page.size).toBe(50);
    const rows = all.json.items as { applicationNumber: string; stateLabel: string; steps: string[] }[];
    expect(rows.map((r) => r.applicationNumber).sort()).toEqual(['SEC-2026-000501', 'SEC-2026-000502']);
    expect(rows.find((r) => r.applicationNumber === 'SEC-2026-000502')!.stateLabel).toBe('Прекращено');
    expect(rows.find((r) => r.applicationNumber === 'SEC-2026-000501')!.steps).toContain(
      'Проверка полноты документов',
    );
    // Started on Wednesday 15 April 2026 (the engine's clock): inside 15.04, outside from 16.04.
    expect(await numbers('from=2026-04-15&to=2026-04-15&q=SEC-2026-00050')).toHaveLength(2);
    expect(await numbers('from=2026-04-16&q=SEC-2026-00050')).toHaveLength(0);
    // ...and as a person types the day on the page.
    expect(await numbers('from=15.04.2026&to=15.04.2026&q=SEC-2026-00050')).toHaveLength(2);
    expect(await numbers('service=fire-automation-permit&q=SEC-2026-00050')).toHaveLength(0);
    expect(await numbers('service=security-licence&q=SEC-2026-00050')).toHaveLength(2);
    // A bad filter is refused, naming the field in both languages.
    const bad = await op('GET', '/api/ops/applications?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(bad.json.error.ru).toContain('«Начато с»');
    expect(bad.json.error.kk).toContain('«Басталған күні, бастап»');
    expect(running.processInstanceKey).toBeTruthy();
    // Not for other roles.
    expect(
      (await client(ctx.base, await ctx.as('clerk', { unit: 'police' }))('GET', '/api/ops/applications'))
        .status,
    ).toBe(403);
  });

  test('the instance page: counts per element, taken and active elements, history with who completed the check and when, values named', async () => {
    const { processInstanceKey, userTaskKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000511');
    const clerk = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
    const done = await clerk('POST', `/api/tasks/${userTaskKey}/complete`, {
      variables: { documentsComplete: true, documentsExpired: false },
    });
    expect(done.status).toBe(200);
    await waitForTask(ctx.camunda, processInstanceKey, 'Task_StudyCompliance');
    const op = client(ctx.base, ru(await ctx.as('operator')));
    const res = await op('GET', `/api/ops/applications/${processInstanceKey}`);
    expect(res.status).toBe(200);
    const data = res.json;
    expect(data.instance.applicationNumber).toBe('SEC-2026-000511');
    expect(data.diagram.counts[COMPLETENESS_CHECK]).toMatchObject({ completed: 1, active: 0 });
    expect(data.diagram.visited).toEqual(expect.arrayContaining([COMPLETENESS_CHECK]));
    expect(data.activeSteps).toEqual(expect.arrayContaining([expect.any(String)]));
    // Who did what, when: the clerk's completion of the completeness check, by name, in Almaty time.
    if (process.env.DUMP)
      console.log(
        JSON.stringify(data.history, null, 1),
        JSON.stringify(data.variables.map((v: any) => [v.name, v.label, v.value])),
      );
    const completion = data.history.find(
      (h: any) => h.step === 'Проверка полноты документов' && h.what === 'задача выполнена',
    );
    expect(completion).toMatchObject({
      who: 'Сапарова Динара Маратқызы',
      when: expect.stringMatching(/^\d\d\.\d\d\.2026 \d\d:\d\d$/),
    });
    // Values by their display names, formatted (no JSON), the protected ones marked.
    const number = data.variables.find((v: any) => v.name === 'applicationNumber');
    expect(number).toMatchObject({
      label: 'Номер заявления',
      value: 'SEC-2026-000511',
      protected: true,
      editable: false,
    });
    const complete = data.variables.find((v: any) => v.name === 'documentsComplete');
    expect(complete).toMatchObject({ label: 'Документы полные', value: 'да', editable: true });
    for (const v of data.variables) expect(v.value).not.toMatch(/^[[{]/);
    // No raw ids or English in what the page shows (numbers like SEC-… are the application's own).
    const shown = texts(data).filter((s) => !/^SEC-\d{4}-\d{6}$/.test(s) && !/^[A-Z]{2,}-/.test(s));
    expect(shown.filter((s) => LATIN_WORD.test(s))).toEqual([]);
  });

  test('cancelling needs a reason; the cancellation is recorded with who, when and why and shown in the history', async () => {
    const { processInstanceKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000521');
    const op = client(ctx.base, ru(await ctx.as('operator')));
    const none = await op('POST', `/api/ops/applications/${processInstanceKey}/cancel`, { reason: ' ' });
    expect(none.status).toBe(400);
    expect(none.json.error.ru).toContain('«Обоснование»');
    expect(none.json.error.kk).toContain('«Негіздеме»');
    expect((await variablesOf(ctx.camunda, processInstanceKey)).applicationNumber).toBe('SEC-2026-000521');
    const list = (await op('GET', '/api/ops/applications?state=active&q=SEC-2026-000521')).json.items;
    expect(list).toHaveLength(1);
    const ok = await op('POST', `/api/ops/applications/${processInstanceKey}/cancel`, {
      reason: 'Дубликат заявления SEC-2026-000520',
    });
    expect(ok.status).toBe(200);
    const pi = await waitFor('the cancellation', async () => {
      const p = await ctx.camunda.getProcessInstance({ processInstanceKey } as never, {
        consistency: { waitUpToMs: 0 },
      });
      return p.state === 'TERMINATED' ? p : undefined;
    });
    expect(pi.state).toBe('TERMINATED');
    const data = (await op('GET', `/api/ops/applications/${processInstanceKey}`)).json;
    expect(data.instance).toMatchObject({ state: 'terminated', cancellable: false });
    const entry = data.history.find((h: any) => h.what === 'процесс прекращён оператором');
    expect(entry).toMatchObject({
      reason: 'Дубликат заявления SEC-2026-000520',
      when: '15.04.2026 10:00',
    });
    expect(entry.who).toMatch(/\S/);
    // A finished process cannot be cancelled again.
    expect(
      (await op('POST', `/api/ops/applications/${processInstanceKey}/cancel`, { reason: 'ещё раз' })).status,
    ).toBe(409);
  });

  test('protected values (application number, applicant with BIN/IIN, deadlines) are refused with a kk/ru error; another value changes with its reason recorded', async () => {
    const { processInstanceKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000531');
    const op = client(ctx.base, ru(await ctx.as('operator')));
    const reason = 'Исправление по письму заявителя';
    for (const name of ['applicationNumber', 'applicant', 'deadlineCompleteness']) {
      const res = await op('PUT', `/api/ops/applications/${processInstanceKey}/variables/${name}`, {
        value: 'X',
        reason,
      });
      expect([name, res.status]).toEqual([name, 403]);
      expect(res.json.error.ru).toContain('изменить нельзя');
      expect(res.json.error.kk).toContain('өзгертуге болмайды');
      expect(res.json.error.ru).not.toContain(name);
    }
    const before = await variablesOf(ctx.camunda, processInstanceKey);
    expect(before.applicationNumber).toBe('SEC-2026-000531');
    // A value of the wrong kind or without a reason changes nothing.
    expect(
      (
        await op('PUT', `/api/ops/applications/${processInstanceKey}/variables/subType`, {
          value: 'два',
          reason,
        })
      ).status,
    ).toBe(400);
    expect(
      (await op('PUT', `/api/ops/applications/${processInstanceKey}/variables/subType`, { value: 1 })).status,
    ).toBe(400);
    expect((await variablesOf(ctx.camunda, processInstanceKey)).subType).toBe(2);
    const ok = await op('PUT', `/api/ops/applications/${processInstanceKey}/variables/subType`, {
      value: '1',
      reason,
    });
    expect(ok.status).toBe(200);
    expect((await variablesOf(ctx.camunda, processInstanceKey)).subType).toBe(1);
    const data = (await op('GET', `/api/ops/applications/${processInstanceKey}`)).json;
    expect(data.history.find((h: any) => h.reason === reason)).toMatchObject({
      step: 'Подвид',
      what: 'значение изменено: «подвид 2: иная охранная организация» → «подвид 1: охранная организация с пультом централизованного наблюдения»',
    });
  });

  test('a code value is changed only to a code of its set, offered by name; a value outside the set is refused in kk/ru (400) and nothing is recorded', async () => {
    const { processInstanceKey } = await licenceAtCompletenessCheck(ctx.sys, 'SEC-2026-000535');
    const op = client(ctx.base, ru(await ctx.as('operator')));
    const view = (await op('GET', `/api/ops/applications/${processInstanceKey}`)).json;
    const variable = (name: string) => view.variables.find((v: any) => v.name === name);
    // The page offers the request kinds by name and fills in the code, never a raw value or JSON.
    expect(variable('requestKind')).toMatchObject({
      value: 'выдача',
      input: 'issue',
      editable: true,
      editor: {
        kind: 'choice',
        options: [
          { value: 'issue', label: 'выдача' },
          { value: 'reissue', label: 'переоформление' },
          { value: 'duplicate', label: 'дубликат' },
        ],
      },
    });
    expect(variable('attachments')).toMatchObject({ editable: false, editor: { kind: 'fixed' } });
    const reason = 'Исправление по письму заявителя';
    for (const [name, value] of [
      ['channel', 'office'],
      ['requestKind', 'renewal'],
      ['attachments', '[{"kind":"x"}]'],
    ] as const) {
      const res = await op('PUT', `/api/ops/applications/${processInstanceKey}/variables/${name}`, {
        value,
        reason,
      });
      expect([name, res.status]).toEqual([name, 400]);
      expect(res.json.error.ru).not.toMatch(/[A-Za-z]{2,}/);
      expect(res.json.error.kk).not.toMatch(/[A-Za-z]{2,}/);
    }
    const refused = await op('PUT', `/api/ops/applications/${processInstanceKey}/variables/channel`, {
      value: 'office',
      reason,
    });
    expect(refused.json.error.ru).toBe('Поле «Канал подачи»: выберите одно из значений: «портал»');
    expect(refused.json.error.kk).toBe('«Беру арнасы» өрісі: мына мәндердің бірін таңдаңыз: «портал»');
    // Nothing changed and nothing was recorded.
    const stored = await variablesOf(ctx.camunda, processInstanceKey);
    expect([stored.channel, stored.requestKind]).toEqual(['portal', 'issue']);
    const after = (await op('GET', `/api/ops/applications/${processInstanceKey}`)).json;
    expect(after.history.filter((h: any) => h.reason === reason)).toEqual([]);
    // A code of the set is stored as the code, and the history names both.
    const ok = await op('PUT', `/api/ops/applications/${processInstanceKey}/variables/requestKind`, {
      value: 'reissue',
      reason,
    });
    expect(ok.status).toBe(200);
    expect((await variablesOf(ctx.camunda, processInstanceKey)).requestKind).toBe('reissue');
    const changed = (await op('GET', `/api/ops/applications/${processInstanceKey}`)).json;
    expect(changed.history.find((h: any) => h.reason === reason)).toMatchObject({
      what: 'значение изменено: «выдача» → «переоформление»',
    });
  });

  test('an incident is shown by application and step name and retried only with a reason, which the history keeps', async () => {
    const { processInstanceKey, incidentKey } = await licenceWithLookupIncident(ctx.sys, 'SEC-2026-000541');
    const op = client(ctx.base, ru(await ctx.as('operator')));
    const data = (await op('GET', `/api/ops/applications/${processInstanceKey}`)).json;
    const incident = data.incidents.find((x: any) => x.incidentKey === incidentKey);
    // The automatic step by its own name from the catalogue (step.<element id>), not by its kind.
    expect(incident.elementId).toBe('Task_LookupLegalEntity');
    expect(incident.step).toBe('Запрос сведений о юридическом лице');
    expect(incident.error).not.toMatch(LATIN_WORD);
    expect(data.diagram.counts[incident.elementId].incidents).toBe(1);
    const none = await op('POST', `/api/ops/incidents/${incidentKey}/retry`, {});
    expect(none.status).toBe(400);
    expect(none.json.error.kk).toContain('«Негіздеме»');
    const ok = await op('POST', `/api/ops/incidents/${incidentKey}/retry`, {
      reason: 'Реестр юридических лиц восстановлен',
    });
    expect(ok.status).toBe(200);
    await waitForTask(ctx.camunda, processInstanceKey, 'Task_StudyCompliance');
    const after = (await op('GET', `/api/ops/applications/${processInstanceKey}`)).json;
    expect(after.incidents).toEqual([]);
    expect(after.history.find((h: any) => h.what === 'шаг повторён после инцидента')).toMatchObject({
      step: 'Запрос сведений о юридическом лице',
      reason: 'Реестр юридических лиц восстановлен',
    });
  });

  test('the calendar screen records a revision with its legal basis (act, paragraph, date) in the CLI’s store, and refuses bad input naming each field', async () => {
    const op = client(ctx.base, ru(await ctx.as('operator')));
    expect((await op('GET', '/operations/calendar')).status).toBe(200);
    const bad = await op('POST', '/api/ops/calendar/revisions', {
      id: '',
      effectiveFrom: '2026-13-01',
      act: 'ПП',
      paragraph: '',
      actDate: '2026-05-40',
      changes: [{ date: '2026-02-30', kind: 'feast' }],
    });
    expect(bad.status).toBe(400);
    const fields = bad.json.problems.map((p: any) => p.field).sort();
    expect(fields).toEqual(
      ['act', 'actDate', 'changes.0.date', 'changes.0.kind', 'effectiveFrom', 'id', 'paragraph'].sort(),
    );
    for (const p of bad.json.problems) {
      expect(p.ru).not.toMatch(LATIN_WORD);
      expect(p.kk).not.toMatch(LATIN_WORD);
    }
    const revision = {
      id: 'ПП-2026-12',
      effectiveFrom: '2026-04-15',
      act: 'Постановление Правительства Республики Казахстан № 912 «О переносе выходных дней»',
      paragraph: 'пункт 1',
      actDate: '2026-04-10',
      changes: [{ date: '2026-05-08', kind: 'transferred-day-off', name: 'Перенос с субботы' }],
    };
    const ok = await op('POST', '/api/ops/calendar/revisions', revision);
    expect(ok.status).toBe(201);
    // What the success notice names: the revision's number, when it was recorded, from when it applies.
    expect(ok.json).toMatchObject({
      id: 'ПП-2026-12',
      effective: '15.04.2026',
      recorded: '15.04.2026 10:00',
    });
    const stored = await createCalendarRevisionStore(db).list();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: 'ПП-2026-12',
      legalBasis: `${revision.act}, пункт 1, 10.04.2026`,
      changes: [{ date: '2026-05-08', kind: 'transferred-day-off' }],
    });
    const list = (await op('GET', '/api/ops/calendar')).json;
    expect(list.revisions[0]).toMatchObject({
      id: 'ПП-2026-12',
      changes: [{ date: '08.05.2026', kind: 'Перенесённый выходной' }],
    });
    const again = await op('POST', '/api/ops/calendar/revisions', revision);
    expect(again.status).toBe(409);
    expect(again.json.error.ru).toContain('ПП-2026-12');
    // The same days sent again under another number (the form still holding them) are refused too.
    const repeated = await op('POST', '/api/ops/calendar/revisions', { ...revision, id: 'ПП-2026-12/2' });
    expect(repeated.status).toBe(409);
    expect(repeated.json.error.ru).toBe(
      'Те же дни с теми же видами уже записаны изменением ПП-2026-12 (действует с 15.04.2026); повторно не записывается',
    );
    expect(repeated.json.error.kk).toContain('ПП-2026-12');
    expect(await createCalendarRevisionStore(db).list()).toHaveLength(1);
  });

  test('the MCI screen records a year with its legal basis in the CLI’s store; a shipped year and bad input are refused in kk/ru', async () => {
    const op = client(ctx.base, ru(await ctx.as('operator')));
    const basis = {
      act: 'Закон Республики Казахстан «О республиканском бюджете на 2027–2029 годы»',
      paragraph: 'статья 9',
      actDate: '2026-04-10',
    };
    const shipped = await op('POST', '/api/ops/mci', { year: '2026', mci: '4325', ...basis });
    expect(shipped.status).toBe(409);
    expect(shipped.json.error.kk).toContain('2026');
    const bad = await op('POST', '/api/ops/mci', {
      year: '27',
      mci: '-5',
      act: '',
      paragraph: '',
      actDate: '',
    });
    expect(bad.status).toBe(400);
    expect(bad.json.problems.map((p: any) => p.field).sort()).toEqual([
      'act',
      'actDate',
      'mci',
      'paragraph',
      'year',
    ]);
    const future = await op('POST', '/api/ops/mci', {
      year: '2027',
      mci: '4500',
      ...basis,
      actDate: '2026-12-01',
    });
    expect(future.status).toBe(400);
    expect(future.json.problems[0].ru).toContain('в будущем');
    const ok = await op('POST', '/api/ops/mci', { year: '2027', mci: '4500', ...basis });
    expect(ok.status).toBe(201);
    const stored = await createMciRecordStore(db).list();
    expect(stored).toMatchObject([
      { year: 2027, mci: 4500, legalBasis: `${basis.act}, статья 9, 10.04.2026` },
    ]);
    const years = (await op('GET', '/api/ops/mci')).json.years;
    expect(years[0]).toMatchObject({ year: 2027, mci: 4500 });
    expect(years.find((y: any) => y.year === 2026).legalBasis).toContain('2026–2028');
    expect(texts(years).filter((s) => LATIN_WORD.test(s))).toEqual([]);
  });
});
