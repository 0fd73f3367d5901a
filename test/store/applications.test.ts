import { DatabaseUnavailableError, openAppDatabase, parseDatabaseUrl } from '../../adapters/db/connect';
import { createApplicationStore, type ApplicationRecord } from '../../intake/store';
import { DIALECTS, databasesPerTest, describeOnOwnPostgres } from '../support/postgres';
import { makeBin } from '../../domain/identifiers';

const BIN = makeBin('2019-03', 'resident-legal-entity', 4521);
const OTHER_BIN = makeBin('2020-07', 'resident-legal-entity', 777);

const fields = (bin = BIN, receivedAt = '2026-04-15T05:00:00.000Z') => ({
  serviceId: 'security-licence',
  requestKind: 'issue',
  applicantBin: bin,
  receivedAt,
  registeredOn: '2026-04-15',
  state: 'starting' as const,
  processInstanceKey: null,
});
const payloadFor = (n: string) => JSON.stringify({ applicationNumber: n, serviceId: 'security-licence' });

describe.each(DIALECTS)('applications and idempotency records on $name', (dialect) => {
  const db = databasesPerTest(dialect);

  test('the register issues consecutive numbers per prefix, and a repeat with the same idempotency key on another replica registers nothing and returns the first', async () => {
    const a = createApplicationStore(db.database);
    const b = createApplicationStore(db.replica);
    const first = await a.insertWithNewNumber(fields(), 'SEC-2026', payloadFor, 'form-0001-aaaa');
    expect(first).toEqual({
      inserted: true,
      record: { ...fields(), applicationNumber: 'SEC-2026-000001', payload: payloadFor('SEC-2026-000001') },
    });
    const repeat = await b.insertWithNewNumber(fields(), 'SEC-2026', payloadFor, 'form-0001-aaaa');
    expect(repeat).toEqual({ inserted: false, record: first.record });
    // The key is the applicant's own: another applicant's same key is another application.
    const other = await b.insertWithNewNumber(fields(OTHER_BIN), 'SEC-2026', payloadFor, 'form-0001-aaaa');
    expect([other.inserted, other.record.applicationNumber]).toEqual([true, 'SEC-2026-000002']);
    expect((await a.insertWithNewNumber(fields(), 'FIRE-2026', payloadFor)).record.applicationNumber).toBe(
      'FIRE-2026-000001',
    );
    expect(await a.getByIdempotencyKey(BIN, 'form-0001-aaaa')).toEqual(first.record);
  });

  test('concurrent registrations on two replicas take distinct numbers, and concurrent repeats of one key register one application', async () => {
    const replicas = [createApplicationStore(db.database), createApplicationStore(db.replica)];
    const numbers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        replicas[i % 2].insertWithNewNumber(fields(), 'SEC-2026', payloadFor, `form-${i}`),
      ),
    );
    expect(new Set(numbers.map((n) => n.record.applicationNumber)).size).toBe(10);
    const repeats = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        replicas[i % 2].insertWithNewNumber(fields(), 'SEC-2026', payloadFor, 'form-same'),
      ),
    );
    expect(repeats.filter((r) => r.inserted)).toHaveLength(1);
    expect(new Set(repeats.map((r) => r.record.applicationNumber)).size).toBe(1);
    expect(await replicas[0].list()).toHaveLength(11);
    // No number was lost to the repeats: the next is the twelfth.
    const next = await replicas[1].insertWithNewNumber(fields(), 'SEC-2026', payloadFor, 'form-next');
    expect(next.record.applicationNumber).toBe('SEC-2026-000012');
  });

  test('a registration failing midway leaves neither an application nor a number taken', async () => {
    const store = createApplicationStore(db.database);
    const failing = () => {
      throw new Error('the e-request cannot be serialised');
    };
    await expect(store.insertWithNewNumber(fields(), 'SEC-2026', failing, 'form-1')).rejects.toThrow(
      'cannot be serialised',
    );
    expect(await store.list()).toEqual([]);
    const retried = await store.insertWithNewNumber(fields(), 'SEC-2026', payloadFor, 'form-1');
    expect([retried.inserted, retried.record.applicationNumber]).toEqual([true, 'SEC-2026-000001']);
  });

  test('a number taken by an office registration is skipped; an office number is registered once', async () => {
    const store = createApplicationStore(db.database);
    const office: ApplicationRecord = {
      ...fields(),
      applicationNumber: 'SEC-2026-000001',
      payload: payloadFor('SEC-2026-000001'),
    };
    expect((await store.insertIfAbsent(office)).inserted).toBe(true);
    expect(await store.insertIfAbsent({ ...office, payload: '{}' })).toEqual({
      inserted: false,
      record: office,
    });
    const portal = await store.insertWithNewNumber(fields(), 'SEC-2026', payloadFor, 'form-1');
    expect(portal.record.applicationNumber).toBe('SEC-2026-000002');
  });

  test('started, listed, paged: what one replica writes the other reads', async () => {
    const a = createApplicationStore(db.database);
    const b = createApplicationStore(db.replica);
    for (let i = 1; i <= 3; i++)
      await a.insertWithNewNumber(
        fields(BIN, `2026-04-1${i}T05:00:00.000Z`),
        'SEC-2026',
        payloadFor,
        `k${i}`,
      );
    await a.insertWithNewNumber(fields(OTHER_BIN), 'SEC-2026', payloadFor, 'k4');
    await b.markStarted('SEC-2026-000002', '2251799813685249');
    expect((await a.get('SEC-2026-000002'))?.processInstanceKey).toBe('2251799813685249');
    expect((await a.listStarting()).map((r) => r.applicationNumber)).toEqual([
      'SEC-2026-000001',
      'SEC-2026-000003',
      'SEC-2026-000004',
    ]);
    expect((await b.listByBin(BIN)).map((r) => r.applicationNumber)).toEqual([
      'SEC-2026-000003',
      'SEC-2026-000002',
      'SEC-2026-000001',
    ]);
    const page = await b.pageByBin(BIN, { offset: 1, limit: 1 });
    expect([page.items.map((r) => r.applicationNumber), page.total]).toEqual([['SEC-2026-000002'], 3]);
    const found = await b.pageByBin(BIN, { offset: 0, limit: 50, number: 'sec-2026-000003' });
    expect([found.items.map((r) => r.applicationNumber), found.total]).toEqual([['SEC-2026-000003'], 1]);
    // LIKE's wildcards are taken literally.
    expect((await b.pageByBin(BIN, { offset: 0, limit: 50, number: '%' })).total).toBe(0);
    expect(
      (await b.pageByBin(BIN, { offset: 0, limit: 50, serviceId: 'fire-automation-permit' })).total,
    ).toBe(0);
  });
});

describeOnOwnPostgres('applications while PostgreSQL is down', (server) => {
  test('a registration while the server is down is refused as unavailable, keeps nothing, and the same request later registers once', async () => {
    const database = openAppDatabase(parseDatabaseUrl(await server.pg.createDatabase('intake')), {
      migrate: true,
    });
    const store = createApplicationStore(database);
    await database.ready();
    server.pg.stopServer();
    try {
      await expect(store.insertWithNewNumber(fields(), 'SEC-2026', payloadFor, 'form-1')).rejects.toThrow(
        DatabaseUnavailableError,
      );
    } finally {
      server.pg.startServer();
    }
    const retried = await store.insertWithNewNumber(fields(), 'SEC-2026', payloadFor, 'form-1');
    expect([retried.inserted, retried.record.applicationNumber]).toEqual([true, 'SEC-2026-000001']);
    expect(await store.list()).toHaveLength(1);
    await database.close();
  }, 60_000);
});
