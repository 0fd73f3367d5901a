import { z } from 'zod';
import { almatyDay as almatyDayOf } from '../domain/almaty-time';
import type { GatewayDeps, Payment, PaymentPurpose } from '../adapters/gateway';
import { almatyDay, applicantSchema, gatewaySlice, instantSchema, stateSystemWorker } from './support';
import { shippedFeeSchedule, type FeeSchedule } from '../domain/legal-clock/fees';
import { BpmnError } from './types';

/** The fee schedule with the MCI years operators have recorded, read again for every job. */
export type FeeDeps = GatewayDeps & { currentFeeSchedule?: () => Promise<FeeSchedule> };

/**
 * The security-licence fee is paid before the application is filed (Tax Code): the latest payment
 * for this kind of request made no later than the day of receipt counts, and must reach the fee
 * at the MCI of its own payment year. Unpaid or short ⇒ BPMN error `FEE_NOT_PAID`. A year whose
 * MCI nobody has recorded yet ⇒ incident saying so; once an operator records it, a retry passes.
 */
export default stateSystemWorker({
  type: 'check-licence-fee',
  timeoutMs: 30_000,
  input: z.object({
    requestKind: z.enum(['issue', 'reissue', 'duplicate']),
    applicant: applicantSchema,
    /** When the application was received; without it every payment found counts. */
    receivedAt: instantSchema.nullish(),
  }),
  config: (deps): FeeDeps => ({ ...gatewaySlice(deps), currentFeeSchedule: deps.currentFeeSchedule }),
  async run(job, { requestKind, applicant: { bin }, receivedAt }, deps) {
    const purpose: PaymentPurpose = `security-licence-${requestKind}`;
    const payments = await deps.gateway.payments.find(bin, purpose);
    const until = receivedAt ? almatyDayOf(Date.parse(receivedAt)) : undefined;
    const payment = payments
      .filter((p) => until === undefined || p.paidOn <= until)
      .reduce<Payment | undefined>(
        (latest, p) => (!latest || p.paidOn > latest.paidOn ? p : latest),
        undefined,
      );

    const schedule = deps.currentFeeSchedule ? await deps.currentFeeSchedule() : shippedFeeSchedule;
    const fee = schedule.licenceFee(requestKind, payment?.paidOn ?? until ?? almatyDay(deps.clock));
    const feeCheck = {
      paid: payment !== undefined && payment.amount >= fee.amount,
      amountPaid: payment?.amount ?? 0,
      expectedAmount: fee.amount,
      mci: fee.mci,
      paidOn: payment?.paidOn ?? null,
    };
    if (!feeCheck.paid) {
      deps.log.info('licence fee not paid in full', {
        jobKey: job.key,
        requestKind,
        amountPaid: feeCheck.amountPaid,
        expectedAmount: feeCheck.expectedAmount,
      });
      throw new BpmnError(
        'FEE_NOT_PAID',
        payment
          ? `paid ${feeCheck.amountPaid} of ${feeCheck.expectedAmount} tenge`
          : 'no licence fee payment found',
        { feeCheck },
      );
    }
    return { feeCheck };
  },
});
