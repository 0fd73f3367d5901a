import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import worker from '../../../workers/check-licence-fee';
import { openAppDatabase } from '../../../adapters/db/connect';
import {
  createMciRecordStore,
  MciRecordConflictError,
  recordedFeeSchedule,
} from '../../../adapters/mci-records';
import { fixtures } from '../../../simulators';
import { applicantOf, fakeJob, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

const h = useSimulators();
const vars = (
  f: Parameters<typeof applicantOf>[0],
  requestKind: string,
  receivedAt = '2026-03-10T10:00:00+05:00',
) => ({
  applicant: applicantOf(f),
  requestKind,
  receivedAt,
});

test('an issue fee of 6 MCI at the 2026 rate (25 950 tenge) paid in full passes', async () => {
  expect(await run(h, worker, vars(fixtures.licence.approved, 'issue'))).toEqual({
    kind: 'complete',
    variables: {
      feeCheck: { paid: true, amountPaid: 25_950, expectedAmount: 25_950, mci: 6, paidOn: '2026-02-16' },
    },
  });
});

test('a re-issue fee is 10 % of the issue fee: 2 595 tenge', async () => {
  expect(await run(h, worker, vars(fixtures.licence.reissue, 'reissue'))).toEqual({
    kind: 'complete',
    variables: {
      feeCheck: { paid: true, amountPaid: 2_595, expectedAmount: 2_595, mci: 0.6, paidOn: '2026-03-03' },
    },
  });
});

test('a duplicate costs the full issue fee', async () => {
  expect(await run(h, worker, vars(fixtures.licence.duplicate, 'duplicate'))).toMatchObject({
    kind: 'complete',
    variables: { feeCheck: { paid: true, expectedAmount: 25_950 } },
  });
});

test('when no fee was paid, the job throws FEE_NOT_PAID carrying feeCheck', async () => {
  expect(await run(h, worker, vars(fixtures.licence.unpaid, 'issue'))).toEqual({
    kind: 'error',
    errorCode: 'FEE_NOT_PAID',
    errorMessage: 'no licence fee payment found',
    variables: { feeCheck: { paid: false, amountPaid: 0, expectedAmount: 25_950, mci: 6, paidOn: null } },
  });
});

test('a fee paid in 2026 at the 2025 rate is short: FEE_NOT_PAID', async () => {
  expect(await run(h, worker, vars(fixtures.licence.shortFee, 'issue'))).toEqual({
    kind: 'error',
    errorCode: 'FEE_NOT_PAID',
    errorMessage: 'paid 23592 of 25950 tenge',
    variables: {
      feeCheck: { paid: false, amountPaid: 23_592, expectedAmount: 25_950, mci: 6, paidOn: '2026-01-20' },
    },
  });
});

test('a payment for another kind of request does not count', async () => {
  expect(await run(h, worker, vars(fixtures.licence.reissue, 'issue'))).toMatchObject({
    kind: 'error',
    errorCode: 'FEE_NOT_PAID',
  });
});

test('a payment made after the application was received does not count', async () => {
  expect(
    await run(h, worker, vars(fixtures.licence.approved, 'issue', '2026-02-15T17:00:00+05:00')),
  ).toMatchObject({ kind: 'error', errorCode: 'FEE_NOT_PAID' });
});

test('an unknown request kind raises an incident', async () => {
  expect(await run(h, worker, vars(fixtures.licence.approved, 'renewal'))).toMatchObject({
    kind: 'fail',
    retries: 0,
  });
});

itMapsGatewayFailures(h, worker, 'payments', () => vars(fixtures.licence.approved, 'issue'));

describe('a year whose MCI is not recorded yet (Order 923 licence List row 6: the fee is set in MCI)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'mci-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('raises an incident saying no MCI is recorded for 2027; once an operator records it, the next job uses it without a restart', async () => {
    const database = openAppDatabase({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') });
    const store = createMciRecordStore(database);
    // Another process (the operator's command) records on the same database.
    const operatorsDatabase = openAppDatabase({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') });
    const deps = { ...h.deps, currentFeeSchedule: recordedFeeSchedule(store) };
    const variables = vars(fixtures.licence.unpaid, 'issue', '2027-01-05T10:00:00+05:00');
    const first = fakeJob(worker.type, variables);
    await worker.handler(first, deps);
    expect(first.outcome()).toEqual({
      kind: 'fail',
      retries: 0,
      errorMessage:
        '2027 жылға АЕК тіркелмеген (төлем күні 2027-01-05): оны құқықтық негізімен тіркеңіз / ' +
        'МРП на 2027 год не записан (дата платежа 2027-01-05): запишите его с правовым основанием',
    });

    await createMciRecordStore(operatorsDatabase).append(
      {
        year: 2027,
        mci: 4500,
        legalBasis: 'Закон РК «О республиканском бюджете на 2027–2029 годы»',
        author: 'operator-1',
      },
      new Date('2026-12-10T09:00:00Z'),
    );
    expect(await store.list()).toEqual([
      expect.objectContaining({ year: 2027, mci: 4500, recordedAt: '2026-12-10T09:00:00.000Z' }),
    ]);
    const retry = fakeJob(worker.type, variables);
    await worker.handler(retry, deps);
    expect(retry.outcome()).toMatchObject({
      kind: 'error',
      errorCode: 'FEE_NOT_PAID',
      variables: { feeCheck: { expectedAmount: 27_000, mci: 6 } },
    });
    await database.close();
    await operatorsDatabase.close();
  });

  test('a year already shipped or recorded cannot be recorded again', async () => {
    const database = openAppDatabase({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') });
    const store = createMciRecordStore(database);
    const r = { year: 2026, mci: 1, legalBasis: 'Закон о бюджете', author: 'operator-1' };
    await expect(store.append(r, new Date())).rejects.toThrow(MciRecordConflictError);
    await store.append({ ...r, year: 2027, mci: 4500 }, new Date());
    await expect(store.append({ ...r, year: 2027, mci: 4600 }, new Date())).rejects.toThrow(
      'already recorded',
    );
    await database.close();
  });
});
