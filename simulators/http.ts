import type { Request, Response } from 'express';
import { z } from 'zod';
import { parseBin, parseIin } from '../domain/identifiers';

/** RFC 9457 problem details, the error body of every simulated system. */
export function problem(res: Response, status: number, title: string, detail?: string): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail }));
}

export const notFound = (res: Response, what: string): void =>
  problem(res, 404, 'Not Found', `${what} not found`);

/** Validates a request body; answers 400 and returns undefined when it does not fit. */
export function parseBody<T>(schema: z.ZodType<T>, req: Request, res: Response): T | undefined {
  const result = schema.safeParse(req.body ?? {});
  if (result.success) return result.data;
  problem(res, 400, 'Bad Request', z.prettifyError(result.error));
  return undefined;
}

export function validIinParam(value: unknown, res: Response): string | undefined {
  if (typeof value === 'string' && parseIin(value).ok) return value;
  problem(res, 400, 'Bad Request', 'not a valid IIN');
  return undefined;
}

export function validBinParam(value: unknown, res: Response): string | undefined {
  if (typeof value === 'string' && parseBin(value).ok) return value;
  problem(res, 400, 'Bad Request', 'not a valid BIN');
  return undefined;
}

/** A business identifier: the BIN of a legal entity or the IIN of an individual entrepreneur. */
export function validBinOrIinParam(value: unknown, res: Response): string | undefined {
  if (typeof value === 'string' && (parseBin(value).ok || parseIin(value).ok)) return value;
  problem(res, 400, 'Bad Request', 'not a valid BIN or IIN');
  return undefined;
}

export const binSchema = z.string().refine((v) => parseBin(v).ok, 'not a valid BIN');
export const binOrIinSchema = z
  .string()
  .refine((v) => parseBin(v).ok || parseIin(v).ok, 'not a valid BIN or IIN');
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * Replays the first answer to a POST carrying the same `Idempotency-Key`, so a client retrying
 * after a lost response does not send a second letter or message.
 */
export class IdempotencyCache {
  private readonly answers = new Map<string, { status: number; body: unknown }>();

  handle(
    system: string,
    req: Request,
    res: Response,
    run: () => { status: number; body: unknown } | undefined,
  ): void {
    const key = req.get('Idempotency-Key');
    const cacheKey = key ? `${system}:${key}` : undefined;
    const previous = cacheKey ? this.answers.get(cacheKey) : undefined;
    if (previous) {
      res.status(previous.status).setHeader('Idempotent-Replayed', 'true').json(previous.body);
      return;
    }
    const answer = run();
    if (!answer) return; // the handler already answered with an error
    if (cacheKey) this.answers.set(cacheKey, answer);
    res.status(answer.status).json(answer.body);
  }
}
