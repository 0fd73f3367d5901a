/**
 * The clerk's worklist on the real system (embedded engine, the repository's diagrams, the workers):
 * views with counts, search by number, applicant and IIN/BIN, sort, paging of 50 done by the
 * engine's user-task search, drafts per person and task that a claim keeps and a completion discards,
 * and overdue/amber flags by the engine's clock in working days (the licence rules of Order 261 as
 * amended by Order 923, §7: the completeness check of a licence is due in 2 working days), not by the
 * web app's clock.
 */
import { fixedClock } from '../../domain/clock';
import { both } from '../../i18n';
import { makeBin, makeIin } from '../../domain/identifiers';
import { createTaskDraftStore } from '../../ui/worklist/drafts';
import { waitFor } from '../support/system-harness';
import { client, licenceApplication, NOW_IN_ALMATY, sharedSystem, startApp } from './support/harness';

jest.setTimeout(240_000);

type Ctx = Awaited<ReturnType<typeof startApp>>;
type Api = ReturnType<typeof client>;

/** Synthetic companies: valid BINs, invented names. */
const ALATAU = { bin: makeBin('2018-05', 'resident-legal-entity', 1201), name: 'ТОО «Алатау Күзет»' };
const BAITEREK = { bin: makeBin('2017-09', 'resident-legal-entity', 3302), name: 'ТОО «Бәйтерек Қорғау»' };
const SHYMKENT = { bin: makeBin('2016-02', 'resident-legal-entity', 5403), name: 'ТОО «Шымкент Сақшы»' };
const ALATAU_HEAD_IIN = makeIin('1979-04-11', 'male', 808);
const FILLERS = 50;

const calls: string[] = [];
const drafts = createTaskDraftStore(':memory:');
let ctx: Ctx;
let clerk: Api;
/** Application numbers the register issued, by company. */
const numbers: Record<'alatau' | 'baiterek' | 'shymkent', string> = {
  alatau: '',
  baiterek: '',
  shymkent: '',
};
const fillerNumbers: string[] = [];

let sequence = 0;
async function submit(company: { bin: string; name: string }, headIin = makeIin('1981-01-01', 'male', 5)) {
  const sys = await sharedSystem();
  const base = licenceApplication(`SEC-2026-${String(300_000 + ++sequence)}`, company.bin);
  const r = await sys.intake.submit({
    ...base,
    applicant: { ...base.applicant, bin: company.bin, name: company.name, headIin },
  });
  if (r.status !== 201) throw new Error(`intake refused ${company.name}: ${JSON.stringify(r)}`);
  return r.application.applicationNumber as string;
}

const list = async (query: string) => {
  const r = await clerk('GET', `/api/worklist?${query}`);
  expect(r.status).toBe(200);
  return r.json;
};

/** Waits until this many completeness checks are open: a task's creation date is the engine's time then. */
async function openChecks(n: number) {
  const sys = await sharedSystem();
  await waitFor(
    `${n} completeness checks`,
    async () => {
      const r = await sys.client.searchUserTasks(
        { filter: { state: 'CREATED', elementId: 'Task_CheckCompleteness' }, page: { limit: 1 } } as never,
        { consistency: { waitUpToMs: 0 } },
      );
      return Number(r.page?.totalItems) === n ? true : undefined;
    },
    120_000,
  );
}

beforeAll(async () => {
  const sys = await sharedSystem();
  // Registered on three days, so that their completeness terms differ: Shymkent first, Baiterek last.
  await sys.setTime('2026-04-14T10:00:00+05:00');
  numbers.shymkent = await submit(SHYMKENT);
  await openChecks(1);
  await sys.setTime(NOW_IN_ALMATY);
  numbers.alatau = await submit(ALATAU, ALATAU_HEAD_IIN);
  for (let i = 0; i < FILLERS; i += 10)
    fillerNumbers.push(
      ...(await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          submit({
            bin: makeBin('2015-01', 'resident-legal-entity', 6000 + i + j),
            name: `ТОО «Толтырма ${i + j}»`,
          }),
        ),
      )),
    );
  await openChecks(FILLERS + 2);
  await sys.setTime('2026-04-16T10:00:00+05:00');
  numbers.baiterek = await submit(BAITEREK);
  await openChecks(FILLERS + 3);
  await sys.setTime(NOW_IN_ALMATY);
  // The official client, every call counted; the web app's own clock is two weeks behind the engine's.
  const counted = new Proxy(sys.client as object, {
    get(target, prop, recv) {
      const v = Reflect.get(target, prop, recv);
      if (typeof v !== 'function') return v;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        return v.apply(target, args);
      };
    },
  });
  ctx = await startApp({
    camunda: counted as never,
    clock: fixedClock('2026-04-01T10:00:00+05:00'),
    taskDrafts: drafts,
  });
  clerk = client(ctx.base, await ctx.as('clerk', { unit: 'police' }));
}, 240_000);
afterAll(async () => {
  await ctx?.close();
  await drafts.close();
});

test('given 53 open tasks, when the worklist is paged, then pages hold 50 and 3, each costs the same fixed engine queries, and every task comes once', async () => {
  const seen: string[] = [];
  for (const page of [1, 2]) {
    calls.length = 0;
    const r = await list(`view=group&page=${page}`);
    // One page search, one count per view, one batched variable read: never one query per row.
    expect(calls.filter((c) => c.startsWith('search')).sort()).toEqual([
      ...Array(5).fill('searchUserTasks'),
      'searchVariables',
    ]);
    expect(r.page).toMatchObject({ number: page, size: 50, totalItems: 53, totalPages: 2 });
    expect(r.items).toHaveLength(page === 1 ? 50 : 3);
    seen.push(...r.items.map((t: any) => t.applicationNumber));
  }
  expect(new Set(seen)).toEqual(new Set([...Object.values(numbers), ...fillerNumbers]));
});

test('given tasks registered on three days, then the default order is the nearest deadline first and "created" the newest first', async () => {
  const first = await list('view=group');
  expect(first.sort).toBe('deadline');
  expect(first.items[0].applicationNumber).toBe(numbers.shymkent);
  const dues = first.items.map((t: any) => Date.parse(t.dueDate));
  expect(dues).toEqual([...dues].sort((a, b) => a - b));
  const last = await list('view=group&page=2');
  expect(last.items.at(-1).applicationNumber).toBe(numbers.baiterek);

  const created = await list('view=group&sort=created');
  expect(created.items[0].applicationNumber).toBe(numbers.baiterek);
  const createdLast = await list('view=group&sort=created&page=2');
  expect(createdLast.items.at(-1).applicationNumber).toBe(numbers.shymkent);

  const bad = await clerk('GET', '/api/worklist?sort=random');
  expect(bad.status).toBe(400);
  expect(bad.json.error.kk).toContain('sort');
  expect(bad.json.error.ru).toContain('sort');
});

test('given the search box, then an application number, part of an applicant’s name, a BIN or the head’s IIN finds exactly that application', async () => {
  const only = async (q: string) =>
    (await list(`view=group&q=${encodeURIComponent(q)}`)).items.map((t: any) => t.applicationNumber);
  expect(await only(numbers.baiterek)).toEqual([numbers.baiterek]);
  expect(await only('Алатау')).toEqual([numbers.alatau]);
  expect(await only(SHYMKENT.bin)).toEqual([numbers.shymkent]);
  expect(await only(ALATAU_HEAD_IIN)).toEqual([numbers.alatau]);
  const found = (await list(`q=${SHYMKENT.bin}`)).items[0];
  expect(found).toMatchObject({ applicantName: SHYMKENT.name, applicantBin: SHYMKENT.bin });
  expect(await only('Жоқ Компания')).toEqual([]);
});

test('given open tasks by the engine’s clock, then the flags count working days from the engine’s time, not the web app’s (licence rules of Order 261 as amended by Order 923, §7: 2 working days)', async () => {
  const sys = await sharedSystem();
  const byNumber = async () =>
    Object.fromEntries(
      [...(await list('view=group')).items, ...(await list('view=group&page=2')).items].map((t: any) => [
        t.applicationNumber,
        t,
      ]),
    );
  // Engine: Wednesday 15 April 10:00. The web app's clock says 1 April, when every term was weeks away.
  let tasks = await byNumber();
  // Registered Tuesday 14 April: due Thursday 16 April 18:30 — today and tomorrow left.
  expect(tasks[numbers.shymkent]).toMatchObject({ flag: 'amber', remainingWorkingDays: 2 });
  // Registered Thursday 16 April: due Monday 20 April 18:30 — Wednesday to Monday, four working days.
  expect(tasks[numbers.baiterek]).toMatchObject({ flag: 'none', remainingWorkingDays: 4 });
  const one = await clerk('GET', `/api/tasks/${tasks[numbers.shymkent].userTaskKey}`);
  expect(one.json.task).toMatchObject({ remainingWorkingDays: 2 });

  // Friday 17 April 10:00 on the engine: Shymkent's term passed yesterday evening.
  await sys.setTime('2026-04-17T10:00:00+05:00');
  try {
    tasks = await byNumber();
    expect(tasks[numbers.shymkent]).toMatchObject({ flag: 'overdue', remainingWorkingDays: -1 });
    expect(tasks[numbers.alatau]).toMatchObject({ flag: 'amber', remainingWorkingDays: 1 });
    expect(tasks[numbers.baiterek]).toMatchObject({ flag: 'amber', remainingWorkingDays: 2 });
    expect((await list('view=group')).now).toBe('2026-04-17T05:00:00.000Z');
  } finally {
    await sys.setTime(NOW_IN_ALMATY);
  }
});

test('given a clerk’s draft, then fields wait for the claim, a release and a new claim keep the draft, a reload reads it back and completion discards it', async () => {
  const task = (await list(`q=${numbers.alatau}`)).items[0];
  const key = task.userTaskKey;
  const data = { documentsComplete: false, missingDocumentsNote: 'Жалға алу шартының көшірмесі жоқ' };
  // Read-only until claimed: nothing to keep yet.
  const early = await clerk('PUT', `/api/tasks/${key}/draft`, { data });
  expect(early.status).toBe(409);
  expect(early.json.error.ru).toContain('возьмите задачу');
  expect(early.json.error).toMatchObject(both('error.worklist.claimFirst'));

  expect((await clerk('POST', `/api/tasks/${key}/claim`)).status).toBe(200);
  expect((await clerk('PUT', `/api/tasks/${key}/draft`, { data })).status).toBe(200);
  expect((await clerk('GET', `/api/tasks/${key}/draft`)).json.draft.data).toEqual(data);

  expect((await clerk('POST', `/api/tasks/${key}/release`)).status).toBe(200);
  expect((await clerk('POST', `/api/tasks/${key}/claim`)).status).toBe(200);
  expect((await clerk('GET', `/api/tasks/${key}/draft`)).json.draft.data).toEqual(data);

  const notObject = await clerk('PUT', `/api/tasks/${key}/draft`, { data: 'текст' });
  expect(notObject.status).toBe(400);
  expect(notObject.json.error.kk).toContain('data');
  // The draft that was there is still there.
  expect((await clerk('GET', `/api/tasks/${key}/draft`)).json.draft.data).toEqual(data);

  // A head of the same unit is not in the clerks' group: neither reads nor writes it.
  const head = client(ctx.base, await ctx.as('head', { unit: 'police' }));
  const denied = await head('GET', `/api/tasks/${key}/draft`);
  expect(denied.status).toBe(403);
  expect(denied.json.error).toMatchObject(both('error.worklist.forbidden'));

  const me = (await list('view=mine')).items.find((t: any) => t.userTaskKey === key).assignee;
  expect((await drafts.get(me, key))?.data).toEqual(data);
  const done = await clerk('POST', `/api/tasks/${key}/complete`, {
    variables: { documentsComplete: true, documentsExpired: false },
  });
  expect(done.status).toBe(200);
  // Gone from the store, not merely hidden.
  await waitFor(
    "the completed task's draft to go",
    async () => ((await drafts.get(me, key)) ? undefined : true),
    5_000,
  );
  expect((await clerk('GET', `/api/tasks/${key}/draft`)).json.draft).toBeNull();
});

test('given one task claimed and one completed by the clerk, then each view lists its own and the counts agree; another unit sees none', async () => {
  const claimed = (await list(`q=${numbers.baiterek}`)).items[0];
  expect((await clerk('POST', `/api/tasks/${claimed.userTaskKey}/claim`)).status).toBe(200);
  // The draft test completed Alatau's check.
  const mine = await list('view=mine');
  expect(mine.items.map((t: any) => t.applicationNumber)).toEqual([numbers.baiterek]);
  const unassigned = await list('view=unassigned');
  expect(unassigned.page.totalItems).toBe(FILLERS + 1);
  expect(unassigned.items.some((t: any) => t.assignee)).toBe(false);
  const group = await list('view=group');
  expect(group.page.totalItems).toBe(FILLERS + 2);
  const completed = await list('view=completed');
  expect(completed.items.map((t: any) => t.applicationNumber)).toEqual([numbers.alatau]);
  expect(completed.items[0]).toMatchObject({ state: 'COMPLETED', flag: 'none' });
  expect(mine.counts).toEqual({ mine: 1, unassigned: FILLERS + 1, group: FILLERS + 2, completed: 1 });

  const bad = await clerk('GET', '/api/worklist?view=everything');
  expect(bad.status).toBe(400);
  expect(bad.json.error.ru).toContain('view');

  const fire = client(ctx.base, await ctx.as('clerk', { unit: 'fire' }));
  const theirs = await fire('GET', '/api/worklist?view=group');
  expect(theirs.json.counts).toEqual({ mine: 0, unassigned: 0, group: 0, completed: 0 });
  expect(theirs.json.items).toEqual([]);
});
