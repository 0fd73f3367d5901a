/**
 * Systems the provider writes to: E-licensing, the applicant's personal cabinet, the public-service
 * monitoring system. The antimonopoly body lives in ./antimonopoly.ts.
 */
import { Router } from 'express';
import { z } from 'zod';
import { almatyDay } from '../../domain/almaty-time';
import { binOrIinSchema, notFound, parseBody, validBinOrIinParam, validBinParam } from '../http';
import type { Store } from '../store';

const nowIso = (store: Store): string => store.clock.now().toISOString();

const eLicensingRecord = z.object({
  applicationNumber: z.string().min(1),
  serviceId: z.string().min(1),
  // Service A's applicant may be an individual entrepreneur, identified by IIN.
  bin: binOrIinSchema,
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
          issuedOn: body.issuedOn ?? almatyDay(recordedAt),
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
    const bin = validBinOrIinParam(req.params.bin, res);
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
    const bin = validBinOrIinParam(req.params.bin, res);
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
