import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAppDatabase, type AppDatabase } from '../../adapters/db/connect';
import { createLegalAmendmentStore } from '../../adapters/legal-amendments';
import { variablesOf } from '../support/system-harness';
import { client, startApp, startedSince } from './support/harness';

/** Order 138 of 31 March 2026: the parts of its paragraph 1 that take effect on 12 July 2026 (¶4). */
const AMENDMENT = {
  serviceId: 'fire-automation-permit',
  actTitle: 'Приказ Министра по чрезвычайным ситуациям Республики Казахстан',
  actNumber: '138',
  actDate: '2026-03-31',
  effectiveDate: '2026-07-12',
  changes: 'Новая редакция пунктов 3, 4 и 8 и приложений 1–2 Правил',
};

describe('operator records a legal amendment in the web app (Order 138 §8; spec C12)', () => {
  let dir: string;
  let database: AppDatabase;
  let ctx: Awaited<ReturnType<typeof startApp>>;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'kzp-amendments-'));
    database = openAppDatabase({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') });
    ctx = await startApp({ amendments: createLegalAmendmentStore(database) });
    starts = await startedSince(ctx.sys, 'rules-change-notice');
  });
  afterEach(async () => {
    await ctx.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** The rules-change notices started in the engine since the test began. */
  let starts: () => Promise<string[]>;

  test('the amendment is recorded with its author and starts one rules-change notice; the same amendment again starts none', async () => {
    const op = client(ctx.base, await ctx.as('operator'));
    const first = await op('POST', '/api/ops/amendments', AMENDMENT);
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ created: true, noticeStarted: true });
    expect(await starts()).toHaveLength(1);
    expect(await variablesOf(ctx.camunda, (await starts())[0])).toMatchObject({
      amendmentEffectiveDate: '2026-07-12',
      actNumber: '138',
      amendmentId: first.json.amendment.id,
    });

    const again = await op('POST', '/api/ops/amendments', AMENDMENT);
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ created: false, noticeStarted: false });
    expect(await starts()).toHaveLength(1);
    const stored = await createLegalAmendmentStore(database).list();
    expect(stored).toHaveLength(1);
    expect(stored[0].author).toBe(first.json.amendment.author);
  });

  test('only an operator may record an amendment', async () => {
    for (const role of ['clerk', 'designer', 'applicant', 'head'] as const) {
      expect(
        (await client(ctx.base, await ctx.as(role))('POST', '/api/ops/amendments', AMENDMENT)).status,
      ).toBe(403);
    }
    expect((await client(ctx.base)('POST', '/api/ops/amendments', AMENDMENT)).status).toBe(401);
    expect(await starts()).toHaveLength(0);
  });

  test('bad input names each field and its problem in Kazakh and Russian, and nothing is stored or started', async () => {
    const op = client(ctx.base, await ctx.as('operator'));
    const res = await op('POST', '/api/ops/amendments', {
      ...AMENDMENT,
      effectiveDate: '2026-02-30',
      changes: '  ',
    });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({
      kk: 'Түзету қате толтырылған',
      ru: 'Изменение заполнено с ошибками',
    });
    expect(res.json.errors).toEqual([
      {
        path: 'effectiveDate',
        kk: 'Қолданысқа енгізілу күні ЖЖЖЖ-АА-КК түріндегі нақты күн болуы керек, берілгені: «2026-02-30»',
        ru: 'Дата вступления в силу должна быть действительной датой в виде ГГГГ-ММ-ДД, указано: «2026-02-30»',
      },
      { path: 'changes', kk: 'Не өзгергені көрсетілмеген', ru: 'Не указано: что изменено' },
    ]);
    expect(await createLegalAmendmentStore(database).list()).toEqual([]);
    expect(await starts()).toHaveLength(0);
  });

  test('Order 923 (services B, C, D) has no such paragraph: the amendment is refused with the reason', async () => {
    const res = await client(ctx.base, await ctx.as('operator'))('POST', '/api/ops/amendments', {
      ...AMENDMENT,
      serviceId: 'training-centre-designation',
      actNumber: '923',
    });
    expect(res.status).toBe(400);
    expect(res.json.errors).toHaveLength(1);
    expect(res.json.errors[0].path).toBe('serviceId');
    expect(res.json.errors[0].ru).toMatch(
      /^Правила услуги «Определение специализированного учебного центра» \(приказ № 923\) не предусматривают/,
    );
    expect(await starts()).toHaveLength(0);
  });
});
