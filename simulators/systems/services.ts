/**
 * Systems the provider writes to: E-licensing, the applicant's personal cabinet, the public-service
 * monitoring system and the antimonopoly body's correspondence.
 */
import { Router } from 'express';
import { z } from 'zod';
import { binSchema, notFound, parseBody, problem, validBinParam } from '../http';
import type { AntimonopolyLetter, Store } from '../store';

const nowIso = (store: Store): string => store.clock.now().toISOString();

const eLicensingRecord = z.object({
  applicationNumber: z.string().min(1),
  serviceId: z.string().min(1),
  bin: binSchema,
  kind: z.string().min(1),
  documentId: z.string().min(1),
  title: z.string().optional(),
  number: z.string().optional(),
  subType: z.union([z.literal(1), z.literal(2)]).optional(),
  issuedOn: z.string().optional(),
});

/** Kinds of record that create or renew an entry in the register of permits and licences. */
const ISSUING_KINDS = new Set(['licence', 'permit']);

export function eLicensingRouter(store: Store): Router {
  const router = Router();
  router.post('/records', (req, res) => {
    store.idempotency.handle('e-licensing', req, res, () => {
      const body = parseBody(eLicensingRecord, req, res);
      if (!body) return undefined;
      const recordedAt = nowIso(store);
      let number = body.number ?? null;
      if (ISSUING_KINDS.has(body.kind)) {
        // E-licensing assigns the number of a new licence; a re-issue keeps the old one.
        number ??= `KZ${String(10 + store.licences.length).slice(-2)}LAA${String(20_000 + store.licences.length).padStart(8, '0')}`;
        const existing = store.licences.find((l) => l.number === number);
        const entry = {
          number,
          bin: body.bin,
          serviceId: body.serviceId,
          subType: body.subType ?? existing?.subType ?? null,
          status: 'active' as const,
          issuedOn: body.issuedOn ?? recordedAt.slice(0, 10),
        };
        if (existing) Object.assign(existing, entry);
        else store.licences.push(entry);
      }
      const record = {
        recordId: store.nextId('EL'),
        applicationNumber: body.applicationNumber,
        serviceId: body.serviceId,
        bin: body.bin,
        kind: body.kind,
        documentId: body.documentId,
        title: body.title ?? null,
        number,
        recordedAt,
      };
      store.eLicensingRecords.push(record);
      return { status: 201, body: record };
    });
  });
  router.get('/records', (req, res) => {
    const applicationNumber = req.query.applicationNumber;
    res.json(
      store.eLicensingRecords.filter(
        (r) => applicationNumber === undefined || r.applicationNumber === applicationNumber,
      ),
    );
  });
  router.get('/licences/:number', (req, res) => {
    const licence = store.licences.find((l) => l.number === req.params.number);
    if (!licence) return notFound(res, 'licence');
    res.json(licence);
  });
  router.get('/licences', (req, res) => {
    const bin = validBinParam(req.query.bin, res);
    if (!bin) return;
    res.json(store.licences.filter((l) => l.bin === bin));
  });
  return router;
}

const cabinetMessage = z.object({
  applicationNumber: z.string().min(1),
  kind: z.string().min(1),
  title: z.string().min(1),
  body: z.string().optional(),
  documentId: z.string().optional(),
  channel: z.enum(['cabinet', 'sms', 'email']).optional(),
});

/** The applicant's personal cabinet on the e-government portal. */
export function cabinetRouter(store: Store): Router {
  const router = Router();
  const knownBin = (bin: string | undefined): boolean =>
    bin !== undefined && store.legalEntities.some((e) => e.bin === bin);
  router.post('/:bin/messages', (req, res) => {
    const bin = validBinParam(req.params.bin, res);
    if (!bin) return;
    if (!knownBin(bin)) return notFound(res, 'personal cabinet');
    store.idempotency.handle('cabinet', req, res, () => {
      const body = parseBody(cabinetMessage, req, res);
      if (!body) return undefined;
      const message = {
        messageId: store.nextId('MSG'),
        bin,
        applicationNumber: body.applicationNumber,
        kind: body.kind,
        title: body.title,
        body: body.body ?? null,
        documentId: body.documentId ?? null,
        channel: body.channel ?? 'cabinet',
        deliveredAt: nowIso(store),
      };
      store.cabinetMessages.push(message);
      return { status: 201, body: message };
    });
  });
  router.get('/:bin/messages', (req, res) => {
    const bin = validBinParam(req.params.bin, res);
    if (!bin) return;
    if (!knownBin(bin)) return notFound(res, 'personal cabinet');
    res.json(store.cabinetMessages.filter((m) => m.bin === bin));
  });
  return router;
}

const monitoringEvent = z.object({
  applicationNumber: z.string().min(1),
  serviceId: z.string().min(1),
  stage: z.string().min(1),
  at: z.string().min(1),
});

/** Monitoring system of public services: one event per stage of every application (C9). */
export function monitoringRouter(store: Store): Router {
  const router = Router();
  router.post('/events', (req, res) => {
    store.idempotency.handle('monitoring', req, res, () => {
      const body = parseBody(monitoringEvent, req, res);
      if (!body) return undefined;
      const event = { eventId: store.nextId('MON'), ...body, receivedAt: nowIso(store) };
      store.monitoringEvents.push(event);
      return { status: 201, body: event };
    });
  });
  router.get('/events', (req, res) => {
    const applicationNumber = req.query.applicationNumber;
    res.json(
      store.monitoringEvents.filter(
        (e) => applicationNumber === undefined || e.applicationNumber === applicationNumber,
      ),
    );
  });
  return router;
}

const antimonopolyLetter = z.object({
  applicationNumber: z.string().min(1),
  bin: binSchema,
  companyName: z.string().min(1),
  subject: z.string().optional(),
  objects: z.array(z.unknown()).optional(),
  antimonopolyConsentRef: z.string().optional(),
});
const antimonopolyAnswer = z.object({ consent: z.boolean(), comment: z.string().optional() });

export interface AntimonopolyOptions {
  /** Where an answer is announced: `POST {applicationNumber, consent, letterId}`. */
  callbackUrl?: string;
  callbackTimeoutMs?: number;
}

/**
 * The antimonopoly body (service D): receives the confirmation letter; a tester or a demo answers
 * it through `POST /letters/:id/answer`, which the simulator forwards to the callback URL.
 */
export function antimonopolyRouter(store: Store, options: AntimonopolyOptions): Router {
  const router = Router();
  router.post('/letters', (req, res) => {
    store.idempotency.handle('antimonopoly', req, res, () => {
      const body = parseBody(antimonopolyLetter, req, res);
      if (!body) return undefined;
      const letter: AntimonopolyLetter = {
        letterId: store.nextId('AML'),
        applicationNumber: body.applicationNumber,
        bin: body.bin,
        companyName: body.companyName,
        subject: body.subject ?? 'Confirmation of prior consent to create a security organisation',
        objects: body.objects ?? [],
        antimonopolyConsentRef: body.antimonopolyConsentRef ?? null,
        receivedAt: nowIso(store),
        answer: null,
      };
      store.letters.push(letter);
      return { status: 201, body: { letterId: letter.letterId, receivedAt: letter.receivedAt } };
    });
  });
  router.get('/letters', (req, res) => {
    const applicationNumber = req.query.applicationNumber;
    res.json(
      store.letters.filter(
        (l) => applicationNumber === undefined || l.applicationNumber === applicationNumber,
      ),
    );
  });
  router.get('/letters/:id', (req, res) => {
    const letter = store.letters.find((l) => l.letterId === req.params.id);
    if (!letter) return notFound(res, 'letter');
    res.json(letter);
  });
  router.post('/letters/:id/answer', async (req, res) => {
    const letter = store.letters.find((l) => l.letterId === req.params.id);
    if (!letter) return notFound(res, 'letter');
    if (letter.answer) return problem(res, 409, 'Conflict', 'letter already answered');
    const body = parseBody(antimonopolyAnswer, req, res);
    if (!body) return;
    letter.answer = { consent: body.consent, comment: body.comment ?? null, answeredAt: nowIso(store) };
    const callback = options.callbackUrl
      ? await postCallback(
          options.callbackUrl,
          { applicationNumber: letter.applicationNumber, consent: body.consent, letterId: letter.letterId },
          options.callbackTimeoutMs ?? 5000,
        )
      : null;
    res.json({
      letterId: letter.letterId,
      consent: body.consent,
      answeredAt: letter.answer.answeredAt,
      callback,
    });
  });
  return router;
}

/** The answer is recorded whatever happens to the callback; its outcome is reported, not thrown. */
async function postCallback(
  url: string,
  payload: object,
  timeoutMs: number,
): Promise<{ url: string; status: number | null; error: string | null }> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { url, status: response.status, error: null };
  } catch (err) {
    return { url, status: null, error: err instanceof Error ? err.message : String(err) };
  }
}
