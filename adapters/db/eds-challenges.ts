import { createHash } from 'node:crypto';
import { guarded, openAppDatabase, type AppDatabase } from './connect';

/**
 * EDS sign-in challenges in the application database: one web-app replica issues a challenge,
 * whichever replica receives the signature takes it, once, before it expires.
 */
export interface EdsChallengeStore {
  issue(challenge: string, issuedAt: number, expiresAt: number): Promise<void>;
  /** True once for a challenge issued and not expired at `now`; a replay (or an unknown one) is false. */
  take(challenge: string, now: number): Promise<boolean>;
}

/** Kept under their SHA-256: the database never holds a challenge that could still be signed. */
const keyOf = (challenge: string) => createHash('sha256').update(challenge, 'utf8').digest('hex');
const iso = (ms: number) => new Date(ms).toISOString();

export function createEdsChallengeRepository(db: AppDatabase | ':memory:'): EdsChallengeStore {
  const appDb = db === ':memory:' ? openAppDatabase({ dialect: 'sqlite', file: ':memory:' }) : db;
  const run = <T>(work: () => Promise<T>) => guarded(appDb.where, work);
  return {
    issue: (challenge, issuedAt, expiresAt) =>
      run(async () => {
        const k = await appDb.ready();
        // Expired challenges go as new ones are issued.
        await k.deleteFrom('eds_challenges').where('expires_at', '<=', iso(issuedAt)).execute();
        await k
          .insertInto('eds_challenges')
          .values({ challenge_key: keyOf(challenge), issued_at: iso(issuedAt), expires_at: iso(expiresAt) })
          .execute();
      }),
    take: (challenge, now) =>
      run(async () => {
        // DELETE … RETURNING: of two sign-ins with one challenge, on any replicas, one gets it.
        const row = await (
          await appDb.ready()
        )
          .deleteFrom('eds_challenges')
          .where('challenge_key', '=', keyOf(challenge))
          .returning('expires_at')
          .executeTakeFirst();
        return row !== undefined && Date.parse(row.expires_at) > now;
      }),
  };
}
