/**
 * Read-only registries reached through the digital-government gateway: one router per system.
 * Path identifiers are checked first (400 when malformed), then looked up (404 when unknown).
 */
import { Router } from 'express';
import { z } from 'zod';
import { cleanCriminalRecord, type PaymentPurpose } from '../data/types';
import {
  binSchema,
  isoDate,
  notFound,
  parseBody,
  problem,
  validBinOrIinParam,
  validBinParam,
  validIinParam,
} from '../http';
import type { Store } from '../store';

/**
 * State database "Legal entities": registration, charter, head, founders, court restrictions; an
 * individual entrepreneur is found by IIN (head and only founder: the entrepreneur).
 */
export function legalEntitiesRouter(store: Store): Router {
  const router = Router();
  router.get('/:bin', (req, res) => {
    const bin = validBinOrIinParam(req.params.bin, res);
    if (!bin) return;
    const entity = store.legalEntities.find((e) => e.bin === bin);
    if (!entity) return notFound(res, 'legal entity');
    res.json(entity);
  });
  return router;
}

/** State database "Individuals": identity and identity-document validity. */
export function personsRouter(store: Store): Router {
  const router = Router();
  router.get('/:iin', (req, res) => {
    const iin = validIinParam(req.params.iin, res);
    if (!iin) return;
    const person = store.persons.find((p) => p.iin === iin);
    if (!person) return notFound(res, 'person');
    res.json(person);
  });
  return router;
}

/** Person-level list registries answer 404 when the person has no entry at all. */
function perPersonList<T extends { iin: string }>(list: (s: Store) => T[], what: string) {
  return (store: Store): Router => {
    const router = Router();
    router.get('/:iin', (req, res) => {
      const iin = validIinParam(req.params.iin, res);
      if (!iin) return;
      const found = list(store).filter((r) => r.iin === iin);
      if (found.length === 0) return notFound(res, what);
      res.json(found);
    });
    return router;
  };
}

/** National education database: diplomas. */
export const educationRouter = perPersonList((s) => s.education, 'education record');
/** Employment contracts registry (ЕСУТД). */
export const employmentRouter = perPersonList((s) => s.employment, 'employment record');

/**
 * Certificates issued for anyone in the population register: a person with nothing on record
 * gets a clean certificate, an IIN unknown to the register gets 404.
 */
export function criminalRecordsRouter(store: Store): Router {
  const router = Router();
  router.get('/:iin', (req, res) => {
    const iin = validIinParam(req.params.iin, res);
    if (!iin) return;
    if (!store.persons.some((p) => p.iin === iin)) return notFound(res, 'person');
    const record = store.criminalRecords.find((r) => r.iin === iin);
    res.json(record ?? cleanCriminalRecord(iin));
  });
  return router;
}

export function mentalHealthRouter(store: Store): Router {
  const router = Router();
  router.get('/:iin', (req, res) => {
    const iin = validIinParam(req.params.iin, res);
    if (!iin) return;
    if (!store.persons.some((p) => p.iin === iin)) return notFound(res, 'person');
    res.json(store.mentalHealth.find((r) => r.iin === iin) ?? { iin, registered: false });
  });
  return router;
}

/** Real-estate rights register: objects the company owns or holds under a registered lease. */
export function realEstateRouter(store: Store): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const bin = validBinOrIinParam(req.query.owner, res);
    if (!bin) return;
    res.json(
      store.realEstate
        .filter((r) => r.rightHolderBin === bin)
        .map(({ rightHolderBin: _holder, ...rest }) => rest),
    );
  });
  return router;
}

export function vehiclesRouter(store: Store): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const bin = validBinParam(req.query.owner, res);
    if (!bin) return;
    res.json(store.vehicles.filter((v) => v.ownerBin === bin));
  });
  return router;
}

const PURPOSES = [
  'security-licence-issue',
  'security-licence-reissue',
  'security-licence-duplicate',
] as const satisfies readonly PaymentPurpose[];

const newPayment = z.object({
  payerBin: binSchema,
  purpose: z.enum(PURPOSES),
  amount: z.number().int().positive(),
  paidOn: isoDate,
  bank: z.string().optional(),
});

/** E-government payment gateway: fees paid by a payer for a purpose. */
export function paymentsRouter(store: Store): Router {
  const router = Router();
  router.get('/', (req, res) => {
    const bin = validBinParam(req.query.payer, res);
    if (!bin) return;
    const purpose = req.query.purpose;
    if (purpose !== undefined && !PURPOSES.includes(purpose as PaymentPurpose)) {
      return problem(res, 400, 'Bad Request', `purpose must be one of ${PURPOSES.join(', ')}`);
    }
    res.json(
      store.payments.filter((p) => p.payerBin === bin && (purpose === undefined || p.purpose === purpose)),
    );
  });
  // Lets demos and tests pay a fee the way an applicant would through the portal.
  router.post('/', (req, res) => {
    store.idempotency.handle('payments', req, res, () => {
      const body = parseBody(newPayment, req, res);
      if (!body) return undefined;
      const payment = { paymentId: store.nextId('PAY'), bank: 'АО «Halyk Bank Kazakhstan»', ...body };
      store.payments.push(payment);
      return { status: 201, body: payment };
    });
  });
  return router;
}
