import type { SignedDocument } from '../eds/signed-documents';
import { openAppDatabase, queriesOn, type AppDatabase } from './connect';
import type { ResultSignaturePreparationTable } from './schema';

/** One language of a result laid out for the head's signature. */
export type PreparedDocument = Pick<
  SignedDocument,
  'documentId' | 'applicationNumber' | 'number' | 'kind' | 'lang' | 'title'
> & {
  /** The PDF with its signature placeholder. */
  pdf: Buffer;
  /** The bytes NCALayer signs (the PDF's byte ranges around the placeholder). */
  toBeSigned: Buffer;
};

/** A result prepared for the head's signature: what `sign` needs, whichever replica receives it. */
export interface ResultPreparation {
  /** Random id of this preparation. */
  preparationId: string;
  userId: string;
  iin: string;
  certificatePem: string;
  /** Epoch milliseconds. */
  preparedAt: number;
  documents: PreparedDocument[];
}

/**
 * Results prepared for the head's signature in the application database: one web-app replica
 * prepares, whichever replica receives the signatures takes the preparation, once.
 */
export interface ResultPreparationStore {
  /** Keeps `p` as the task's preparation, replacing an earlier one; drops those prepared before `staleBefore`. */
  put(taskKey: string, p: ResultPreparation, staleBefore: number): Promise<void>;
  get(taskKey: string): Promise<ResultPreparation | null>;
  /** Deletes the task's preparation `preparationId`: true for one caller only, on any replica. */
  take(taskKey: string, preparationId: string): Promise<boolean>;
  /** Puts a taken preparation back (its signatures could not be stored), unless another replaced it. */
  restore(taskKey: string, p: ResultPreparation): Promise<void>;
}

const iso = (ms: number) => new Date(ms).toISOString();

const toRow = (taskKey: string, p: ResultPreparation): ResultSignaturePreparationTable => ({
  task_key: taskKey,
  preparation_id: p.preparationId,
  user_id: p.userId,
  iin: p.iin,
  certificate_pem: p.certificatePem,
  prepared_at: iso(p.preparedAt),
  documents: JSON.stringify(
    p.documents.map((d) => ({
      ...d,
      pdf: d.pdf.toString('base64'),
      toBeSigned: d.toBeSigned.toString('base64'),
    })),
  ),
});

const fromRow = (r: ResultSignaturePreparationTable): ResultPreparation => ({
  preparationId: r.preparation_id,
  userId: r.user_id,
  iin: r.iin,
  certificatePem: r.certificate_pem,
  preparedAt: Date.parse(r.prepared_at),
  documents: (JSON.parse(r.documents) as Array<Record<string, string>>).map((d) => ({
    documentId: d.documentId,
    applicationNumber: d.applicationNumber,
    number: d.number,
    kind: d.kind,
    lang: d.lang,
    title: d.title,
    pdf: Buffer.from(d.pdf, 'base64'),
    toBeSigned: Buffer.from(d.toBeSigned, 'base64'),
  })),
});

/** Preparations in `db` (`':memory:'`: a private in-memory SQLite, for a single process only). */
export function createResultPreparationRepository(db: AppDatabase | ':memory:'): ResultPreparationStore {
  const run = queriesOn(db === ':memory:' ? openAppDatabase({ dialect: 'sqlite', file: ':memory:' }) : db);
  return {
    put: (taskKey, p, staleBefore) =>
      run(async (k) => {
        // Preparations nobody signed in time go as new ones are made.
        await k
          .deleteFrom('result_signature_preparations')
          .where('prepared_at', '<', iso(staleBefore))
          .execute();
        const { task_key: _key, ...values } = toRow(taskKey, p);
        await k
          .insertInto('result_signature_preparations')
          .values(toRow(taskKey, p))
          .onConflict((oc) => oc.column('task_key').doUpdateSet(values))
          .execute();
      }),
    get: (taskKey) =>
      run(async (k) => {
        const r = await k
          .selectFrom('result_signature_preparations')
          .selectAll()
          .where('task_key', '=', taskKey)
          .executeTakeFirst();
        return r ? fromRow(r) : null;
      }),
    take: (taskKey, preparationId) =>
      run(async (k) => {
        // One DELETE: of two replicas taking one preparation at once, the database gives it to one.
        const result = await k
          .deleteFrom('result_signature_preparations')
          .where('task_key', '=', taskKey)
          .where('preparation_id', '=', preparationId)
          .executeTakeFirst();
        return Number(result.numDeletedRows) === 1;
      }),
    restore: (taskKey, p) =>
      run(async (k) => {
        await k
          .insertInto('result_signature_preparations')
          .values(toRow(taskKey, p))
          .onConflict((oc) => oc.column('task_key').doNothing())
          .execute();
      }),
  };
}
