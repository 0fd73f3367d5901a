import worker from '../../../workers/check-licence-fee';
import { fixtures } from '../../../simulators';
import { applicantOf, itMapsGatewayFailures, run, useSimulators } from '../../simulators/support';

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
