import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { applicationSchema } from '../../domain/applications/schemas';
import { SERVICE_IDS } from '../../domain/services';
import { repeatedRevision } from '../../ui/operations/calendar';
import { engineClockView } from '../../ui/operations/clock';
import {
  PROCESS_CODES,
  allowedCodes,
  codeLabel,
  displayValue,
  editorInput,
  editorOf,
  parseNewValue,
} from '../../ui/operations/values';

/**
 * What an operator may type when changing a value of a running application: a code only from the
 * set the application's rules allow, shown by its name; a day, a date and time, a number; a record
 * never. A refusal names the field (and the allowed values) in Kazakh and Russian.
 */
const LATIN_WORD = /\b[A-Za-z]{2,}\b/;
const REPO = path.resolve(__dirname, '..', '..');

describe('the operator’s value editor', () => {
  test('a licence’s request kind is chosen from the intake’s set (issue, reissue, duplicate), each by its name, and the code is what is sent', () => {
    const editor = editorOf('requestKind', 'issue', 'security-licence', 'ru');
    expect(editor).toEqual({
      kind: 'choice',
      options: [
        { value: 'issue', label: 'выдача' },
        { value: 'reissue', label: 'переоформление' },
        { value: 'duplicate', label: 'дубликат' },
      ],
    });
    expect(editorInput(editor, 'issue')).toBe('issue');
    expect(parseNewValue('requestKind', 'issue', 'security-licence', 'reissue')).toEqual({
      value: 'reissue',
    });
  });

  test('a code outside the set is refused naming the field and the allowed values in kk and ru: the licence is filed on the portal only', () => {
    const refused = parseNewValue('channel', 'portal', 'security-licence', 'office');
    expect(refused).toEqual({
      refusal: {
        ru: 'Поле «Канал подачи»: выберите одно из значений: «портал»',
        kk: '«Беру арнасы» өрісі: мына мәндердің бірін таңдаңыз: «портал»',
      },
    });
    // The national company's approval is also received at the office.
    expect(parseNewValue('channel', 'portal', 'national-company-security-approval', 'office')).toEqual({
      value: 'office',
    });
    expect(parseNewValue('requestKind', 'issue', 'security-licence', 'renewal')).toHaveProperty('refusal');
  });

  test('a numeric code keeps its type: the sub-type is 1 or 2, shown by its name', () => {
    expect(parseNewValue('subType', 2, 'security-licence', '1')).toEqual({ value: 1 });
    expect(parseNewValue('subType', 2, 'security-licence', '3')).toHaveProperty('refusal');
    expect(displayValue('subType', 2, 'security-licence', 'ru')).toBe('подвид 2: иная охранная организация');
    expect(displayValue('subType', 2, 'security-licence', 'kk')).toBe('2-кіші түр: өзге күзет ұйымы');
  });

  test('the head’s decision and the kind of result are chosen from the forms’ and the diagram’s codes', () => {
    expect(editorOf('decision', 'approve', 'fire-automation-permit', 'kk')).toMatchObject({
      kind: 'choice',
      options: [
        { value: 'approve', label: 'ЭЦҚ-мен қол қоямын' },
        { value: 'refuse', label: 'Қол қоймаймын — пысықтауға қайтару' },
      ],
    });
    expect(parseNewValue('resultKind', 'permit', 'fire-automation-permit', 'refusal')).toEqual({
      value: 'refusal',
    });
    expect(parseNewValue('decision', 'approve', 'fire-automation-permit', 'maybe')).toHaveProperty('refusal');
  });

  test('yes/no, numbers, days and times each have their own field; a day or time is typed as ДД.ММ.ГГГГ ЧЧ:ММ in Almaty time', () => {
    expect(editorOf('feeNotPaid', false, 'security-licence', 'ru')).toEqual({ kind: 'boolean' });
    expect(parseNewValue('feeNotPaid', false, 'security-licence', 'true')).toHaveProperty('refusal');
    expect(editorOf('rulesFrom', '2025-01-25', 'security-licence', 'ru')).toEqual({ kind: 'day' });
    expect(editorInput({ kind: 'day' }, '2025-01-25')).toBe('25.01.2025');
    expect(parseNewValue('rulesFrom', '2025-01-25', 'security-licence', '01.05.2026')).toEqual({
      value: '2026-05-01',
    });
    expect(parseNewValue('rulesFrom', '2025-01-25', 'security-licence', '31.02.2026')).toEqual({
      refusal: {
        ru: 'Поле «Редакция правил от»: дата в формате ДД.ММ.ГГГГ',
        kk: '«Қағидалардың редакциясы» өрісі: КК.АА.ЖЖЖЖ пішіміндегі күн',
      },
    });
    const at = '2026-04-15T05:00:00.000Z';
    expect(editorOf('completenessEndedAt', at, 'security-licence', 'ru')).toEqual({ kind: 'instant' });
    expect(editorInput({ kind: 'instant' }, at)).toBe('15.04.2026 10:00');
    expect(parseNewValue('completenessEndedAt', at, 'security-licence', '16.04.2026 09:30')).toEqual({
      value: '2026-04-16T09:30:00+05:00',
    });
    expect(parseNewValue('completenessEndedAt', at, 'security-licence', '16.04.2026 25:00')).toHaveProperty(
      'refusal',
    );
    expect(editorOf('count', 3, 'security-licence', 'ru')).toEqual({ kind: 'number' });
  });

  test('a record, a list or a code of no known set is shown and not edited; the refusal says why in kk and ru, never as JSON', () => {
    const record = { bin: '190140603210', name: 'ТОО «Қорған Секьюрити»' };
    const fixed = editorOf('legalEntity', record, 'security-licence', 'ru');
    expect(fixed).toEqual({ kind: 'fixed', why: 'Составное значение: меняет сотрудник в своей задаче' });
    expect(displayValue('legalEntity', record, 'security-licence', 'ru')).not.toMatch(/[{}[\]"]/);
    expect(parseNewValue('legalEntity', record, 'security-licence', '{"bin":"1"}')).toEqual({
      refusal: {
        ru: 'Значение «Сведения о юридическом лице» составное: его меняет сотрудник в своей задаче',
        kk: '«Заңды тұлға туралы мәліметтер» мәні құрама: оны қызметкер өз тапсырмасында өзгертеді',
      },
    });
    expect(editorOf('clerkGroup', 'police-clerks', 'security-licence', 'kk')).toMatchObject({
      kind: 'fixed',
    });
    const code = parseNewValue('clerkGroup', 'police-clerks', 'security-licence', 'other-clerks');
    expect('refusal' in code && code.refusal.ru).toContain('служебный код');
  });

  test('every code an operator may choose has a name in both languages, without Latin letters', () => {
    const names = new Set([
      ...Object.keys(PROCESS_CODES),
      ...applicationSchema.options.flatMap((o) => Object.keys(o.shape)),
    ]);
    for (const serviceId of SERVICE_IDS)
      for (const name of names) {
        if (name === 'serviceId') continue;
        for (const code of allowedCodes(name, serviceId) ?? [])
          for (const lang of ['kk', 'ru'] as const) {
            const label = codeLabel(name, code, lang);
            expect([serviceId, name, code, lang, label && !LATIN_WORD.test(label)]).toEqual([
              serviceId,
              name,
              code,
              lang,
              true,
            ]);
          }
      }
  });

  test('the codes of the forms’ choices and of the result kinds are those the generated forms and deliver-result.bpmn use', () => {
    const formCodes = new Map<string, string[]>();
    const walk = (components: any[]) => {
      for (const c of components ?? []) {
        if (c.type === 'radio' && typeof c.valuesExpression === 'string')
          formCodes.set(
            c.key,
            [...c.valuesExpression.matchAll(/value: "([^"]+)"/g)].map((m) => m[1]!),
          );
        walk(c.components);
      }
    };
    for (const file of readdirSync(path.join(REPO, 'forms')).filter((f) => f.endsWith('.form')))
      walk(JSON.parse(readFileSync(path.join(REPO, 'forms', file), 'utf8')).components);
    for (const name of ['decision', 'hearingMethod', 'hearingOutcome', 'complaintUpheld'])
      expect([name, formCodes.get(name)]).toEqual([name, [...PROCESS_CODES[name]!]]);
    const xml = readFileSync(path.join(REPO, 'bpmn', 'deliver-result.bpmn'), 'utf8');
    const kinds = [
      ...new Set(
        [...xml.matchAll(/resultKind = &#34;([a-z-]+)&#34;|resultKind = "([a-z-]+)"/g)].map(
          (m) => m[1] ?? m[2],
        ),
      ),
    ];
    expect(kinds.sort()).toEqual([...PROCESS_CODES.resultKind!].sort());
  });
});

describe('a calendar revision sent twice', () => {
  const first = {
    id: 'ПП-2026-12',
    effectiveAt: '2026-04-14T19:00:00.000Z',
    author: 'operator',
    legalBasis: 'Постановление № 912, пункт 1, 10.04.2026',
    changes: [
      { date: '2026-05-08', kind: 'transferred-day-off' as const, name: 'Перенос с субботы' },
      { date: '2026-05-09', kind: 'worked-weekend-day' as const },
    ],
  };

  test('is the recorded one when it has the same day of effect and the same days, kinds and names, whatever its number, basis or order', () => {
    const again = {
      ...first,
      id: 'ПП-2026-12/2',
      legalBasis: 'другое',
      changes: [...first.changes].reverse(),
    };
    expect(repeatedRevision([first], again)?.id).toBe('ПП-2026-12');
  });

  test('is not a repeat when a day, its kind or the day of effect differs', () => {
    const otherKind = {
      ...first,
      id: 'x2',
      changes: [first.changes[0]!, { date: '2026-05-09', kind: 'holiday' as const }],
    };
    expect(repeatedRevision([first], otherKind)).toBeUndefined();
    expect(
      repeatedRevision([first], { ...first, id: 'x3', effectiveAt: '2026-04-20T19:00:00.000Z' }),
    ).toBeUndefined();
    expect(repeatedRevision([first], { ...first, id: 'x4', changes: [first.changes[0]!] })).toBeUndefined();
  });
});

describe('the clock an operator’s terms are counted by', () => {
  test('is the engine’s, in Almaty time, with the server’s time beside it only when the two differ by a minute or more', () => {
    const wall = new Date('2026-04-15T10:00:00+05:00');
    expect(engineClockView(new Date('2026-04-15T10:00:20+05:00'), wall)).toEqual({
      at: '15.04.2026 10:00',
      wall: null,
    });
    expect(engineClockView(new Date('2026-04-16T18:25:00+05:00'), wall)).toEqual({
      at: '16.04.2026 18:25',
      wall: '15.04.2026 10:00',
    });
  });
});
