/**
 * Live refresh of the worklist by server-sent events, on the real system (embedded engine, the
 * repository's diagrams, the workers): the page's view, open as a stream, stays quiet while nothing
 * changes and says "changed" when a task of the view is taken or a new one comes in.
 */
import { makeBin } from '../../domain/identifiers';
import { waitFor } from '../support/system-harness';
import { client, licenceApplication, sharedSystem, startApp } from './support/harness';

jest.setTimeout(240_000);

type Ctx = Awaited<ReturnType<typeof startApp>>;
type Api = ReturnType<typeof client>;

let ctx: Ctx;
let clerk: Api;
let cookie = '';
let sequence = 0;

/** A security-licence application of an invented company; resolves when its completeness check is open. */
async function submitAndWait(): Promise<string> {
  const sys = await sharedSystem();
  const bin = makeBin('2014-06', 'resident-legal-entity', 7100 + ++sequence);
  const base = licenceApplication(`SEC-2026-${String(400_000 + sequence)}`, bin);
  const r = await sys.intake.submit({
    ...base,
    applicant: { ...base.applicant, bin, name: `ТОО «Жаңа ${sequence}»` },
  });
  if (r.status !== 201) throw new Error(`intake refused: ${JSON.stringify(r)}`);
  return r.application.applicationNumber as string;
}

const taskOf = (number: string) =>
  waitFor(
    `the completeness check of ${number}`,
    async () => {
      const r = await clerk('GET', `/api/worklist?view=unassigned&q=${number}`);
      return r.json?.items?.[0];
    },
    120_000,
  );

/** An open server-sent event stream: the events read so far, and a wait for one of a kind. */
async function eventStream(path: string) {
  const abort = new AbortController();
  const res = await fetch(ctx.base + path, { headers: { cookie }, signal: abort.signal });
  const events: { event: string; data: string }[] = [];
  let raw = '';
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      raw += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = raw.indexOf('\n\n')) >= 0) {
        const block = raw.slice(0, end);
        raw = raw.slice(end + 2);
        if (block.startsWith(':')) continue;
        const field = (name: string) =>
          block
            .split('\n')
            .filter((l) => l.startsWith(`${name}:`))
            .map((l) => l.slice(name.length + 1).trim())
            .join('\n');
        events.push({ event: field('event') || (field('retry') ? 'retry' : 'message'), data: field('data') });
      }
    }
  })().catch(() => undefined);
  return {
    res,
    events,
    changes: () => events.filter((e) => e.event === 'changed').length,
    waitFor: (what: string, test: () => boolean, timeoutMs: number) =>
      waitFor(what, async () => (test() ? true : undefined), timeoutMs),
    close: async () => {
      abort.abort();
      await reading;
    },
  };
}

beforeAll(async () => {
  ctx = await startApp();
  const auth = await ctx.as('clerk', { unit: 'police' });
  cookie = auth.cookie;
  clerk = client(ctx.base, auth);
}, 240_000);
afterAll(async () => ctx?.close());

test('given the "not taken" view open as an event stream, then it is quiet while nothing changes and says "changed" when a task is taken and when a new one comes in', async () => {
  const first = await submitAndWait();
  const task = await taskOf(first);
  const stream = await eventStream('/api/tasks/events?view=unassigned');
  try {
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await stream.waitFor('the stream to open', () => stream.events.some((e) => e.event === 'retry'), 10_000);
    // Three looks at the engine (every 2 s) with nothing changed: no event.
    await new Promise((r) => setTimeout(r, 6_500));
    expect(stream.changes()).toBe(0);

    // Taken by the clerk: it leaves "not taken".
    expect((await clerk('POST', `/api/tasks/${task.userTaskKey}/claim`)).status).toBe(200);
    await stream.waitFor('"changed" after a claim', () => stream.changes() === 1, 30_000);

    // A new application's check comes in without anyone touching the page.
    const second = await submitAndWait();
    await taskOf(second);
    await stream.waitFor('"changed" after a new task', () => stream.changes() >= 2, 30_000);
  } finally {
    await stream.close();
  }
});

test('given a wrong view or no session, then no stream starts', async () => {
  const bad = await clerk('GET', '/api/tasks/events?view=everything');
  expect(bad.status).toBe(400);
  expect(bad.json.error.ru).toContain('view');
  expect((await client(ctx.base)('GET', '/api/tasks/events')).status).toBe(401);
});
