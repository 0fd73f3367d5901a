import { both } from '../i18n';
import { timingSafeEqual } from 'node:crypto';
import express, { type Router } from 'express';
import { z } from 'zod';
import type { Clock } from '../domain/clock';
import { APPLICATION_NUMBER_PATTERN } from '../domain/applications/schemas';
import { publishOnce, type CamundaPort } from './camunda-port';
import { IntakeError, intakeErrorHandler } from './intake';
import type { ApplicationStore } from './store';

/**
 * The inbound channel: answers of other state bodies that a process waits for. Today one: the
 * antimonopoly body's answer on a national company's request (service D, rules §9–§10), which
 * becomes the message `antimonopoly-answer-received` correlated by the application number.
 *
 * Callers are systems, not people: they present a bearer token (INBOUND_TOKEN). Errors still come
 * in Kazakh and Russian, because an operator reads them in the calling system's log.
 */

export const ANTIMONOPOLY_ANSWER_MESSAGE = 'antimonopoly-answer-received';
const SERVICE_D = 'national-company-security-approval';
/** The answer may arrive a moment before the process reaches its catch event: keep it 30 days. */
const ANSWER_TTL_MS = 30 * 24 * 3600 * 1000;

const antimonopolyAnswer = z
  .object({
    applicationNumber: z.string().regex(APPLICATION_NUMBER_PATTERN),
    letterId: z.string().min(1).max(100),
    consent: z.boolean(),
    comment: z.string().max(5000).nullish(),
    answeredAt: z.string().datetime({ offset: true }).optional(),
  })
  .strict();

export interface InboundDeps {
  camunda: CamundaPort;
  store: ApplicationStore;
  clock: Clock;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

export function createInbound(deps: InboundDeps) {
  const { camunda, store, clock } = deps;

  async function receiveAntimonopolyAnswer(
    body: unknown,
  ): Promise<{ messageName: string; messageId: string; duplicate: boolean }> {
    const parsed = antimonopolyAnswer.safeParse(body);
    if (!parsed.success) {
      throw new IntakeError(
        400,
        'INVALID_ANSWER',
        both('error.inbound.invalidAnswer'),
        parsed.error.issues.map((i) => ({
          path: i.path.join('.') || '(body)',
          ...both('error.inbound.invalidValue', { message: i.message }),
        })),
      );
    }
    const answer = parsed.data;
    const application = await store.get(answer.applicationNumber);
    if (!application || application.serviceId !== SERVICE_D) {
      throw new IntakeError(
        404,
        'NOT_FOUND',
        both('error.inbound.applicationNotFound', { applicationNumber: answer.applicationNumber }),
      );
    }
    // One answer per letter: a repeated delivery of the same letter's answer is the same message.
    const messageId = `${ANTIMONOPOLY_ANSWER_MESSAGE}:${answer.applicationNumber}:${answer.letterId}`;
    const { duplicate } = await publishOnce(camunda, {
      name: ANTIMONOPOLY_ANSWER_MESSAGE,
      correlationKey: answer.applicationNumber,
      timeToLive: ANSWER_TTL_MS,
      messageId,
      variables: {
        antimonopolyAnswer: {
          consent: answer.consent,
          comment: answer.comment ?? null,
          letterId: answer.letterId,
          answeredAt: answer.answeredAt ?? clock.now().toISOString(),
        },
      },
    });
    deps.log?.('antimonopoly answer received', {
      applicationNumber: answer.applicationNumber,
      letterId: answer.letterId,
      consent: answer.consent,
      duplicate,
    });
    return { messageName: ANTIMONOPOLY_ANSWER_MESSAGE, messageId, duplicate };
  }

  /**
   * `POST /antimonopoly-answers` behind a bearer token. Without a configured token the channel is
   * closed (503) rather than open to anyone.
   */
  function router(token: string | undefined): Router {
    const r = express.Router();
    r.use(express.json({ limit: '256kb' }));
    r.use((req, _res, next) => {
      if (!token) {
        throw new IntakeError(
          503,
          'INBOUND_CLOSED',
          both('error.inbound.channelNotConfigured', { setting: 'INBOUND_TOKEN' }),
        );
      }
      const presented = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
      if (!sameSecret(presented, token)) {
        throw new IntakeError(401, 'UNAUTHORIZED', both('error.inbound.tokenMissing'));
      }
      next();
    });
    r.post('/antimonopoly-answers', async (req, res) => {
      res.status(202).json(await receiveAntimonopolyAnswer(req.body));
    });
    r.use(intakeErrorHandler);
    return r;
  }

  return { receiveAntimonopolyAnswer, router };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
