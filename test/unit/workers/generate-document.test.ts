import type { DocumentDeps, DocumentService, StoredDocument } from '../../../adapters/documents';
import { DocumentFactsError } from '../../../domain/documents';
import generateDocument from '../../../workers/generate-document';
import { fakeJob } from '../../support/jobs';
import { FACTS } from '../documents/fixtures';

/** The shared fake job, read as lists of completions, failures and BPMN errors. */
function documentJob(
  customHeaders: Record<string, unknown>,
  variables: Record<string, unknown>,
  retries = 3,
) {
  const job = fakeJob('generate-document', variables, customHeaders, { retries });
  const strip = (kind: string) => {
    const o = job.settled();
    if (!o || o.kind !== kind) return [];
    const { kind: _kind, ...rest } = o;
    return [kind === 'complete' && 'variables' in rest ? rest.variables : rest];
  };
  const calls = {
    get complete() {
      return strip('complete');
    },
    get fail() {
      return strip('fail');
    },
    get error() {
      return strip('error');
    },
  };
  return { job, calls };
}

const stored = (lang: 'kk' | 'ru'): StoredDocument => ({
  documentId: `KZ-2026-000123-REF-01-${lang}`,
  applicationNumber: 'KZ-2026-000123',
  kind: 'refusal',
  lang,
  date: '14.04.2026',
  title:
    lang === 'kk'
      ? 'Мемлекеттік қызмет көрсетуден дәлелді бас тарту'
      : 'Мотивированный отказ в оказании государственной услуги',
  number: 'KZ-2026-000123-REF-01',
  fileName: `KZ-2026-000123-REF-01-${lang}.pdf`,
  contentType: 'application/pdf',
  sha256: lang.repeat(32),
  size: 1000,
  createdAt: '2026-04-14T06:30:00.000Z',
  stamp: [],
});

function deps(generate: DocumentService['generate']) {
  const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  const documents: DocumentService = { generate: jest.fn(generate), get: jest.fn(), list: jest.fn() };
  return { documents, log } satisfies DocumentDeps;
}

describe('generate-document worker', () => {
  it('forms the document in Kazakh and Russian and completes with both, the Kazakh one first', async () => {
    const d = deps(async () => [stored('kk'), stored('ru')]);
    const { job, calls } = documentJob({ documentKind: 'refusal' }, { ...FACTS.refusal });
    await generateDocument.handler(job, d);
    expect(d.documents.generate).toHaveBeenCalledWith(
      'refusal',
      expect.objectContaining({ applicationNumber: 'KZ-2026-000123' }),
      ['kk', 'ru'],
    );
    expect(calls.complete).toEqual([
      {
        resultDocument: {
          documentId: 'KZ-2026-000123-REF-01-kk',
          kind: 'refusal',
          title: 'Мемлекеттік қызмет көрсетуден дәлелді бас тарту',
          number: 'KZ-2026-000123-REF-01',
          sha256: 'kk'.repeat(32),
          documents: [
            { lang: 'kk', documentId: 'KZ-2026-000123-REF-01-kk', sha256: 'kk'.repeat(32) },
            { lang: 'ru', documentId: 'KZ-2026-000123-REF-01-ru', sha256: 'ru'.repeat(32) },
          ],
        },
      },
    ]);
  });

  it('puts the result in the variable named by the resultVariable header', async () => {
    const { job, calls } = documentJob(
      { documentKind: 'hearing-record', resultVariable: 'hearingRecordDocument' },
      FACTS['hearing-record'],
    );
    await generateDocument.handler(
      job,
      deps(async () => [stored('kk'), stored('ru')]),
    );
    expect(Object.keys(calls.complete[0] as object)).toEqual(['hearingRecordDocument']);
  });

  it("reads the forms' flat hearing variables as the hearing facts", async () => {
    const d = deps(async () => [stored('kk'), stored('ru')]);
    const { job } = documentJob(
      { documentKind: 'preliminary-decision' },
      {
        ...FACTS.refusal,
        hearing: undefined,
        hearingAt: '2026-04-17T10:00:00+05:00',
        hearingPlace: 'каб. 305',
        hearingMethod: 'video',
      },
    );
    await generateDocument.handler(job, d);
    expect(d.documents.generate).toHaveBeenCalledWith(
      'preliminary-decision',
      expect.objectContaining({
        hearing: { at: '2026-04-17T10:00:00+05:00', place: 'каб. 305', method: 'video' },
      }),
      ['kk', 'ru'],
    );
  });

  it('when a fact is missing, fails without retries so an operator sees which variable to fix', async () => {
    const d = deps(async () => {
      throw new DocumentFactsError('refusal', 'refusalGrounds', 'missing');
    });
    const { job, calls } = documentJob(
      { documentKind: 'refusal' },
      { applicationNumber: 'KZ-2026-000123', serviceId: 'security-licence' },
    );
    await generateDocument.handler(job, d);
    expect(calls.complete).toEqual([]);
    expect(calls.fail).toEqual([{ errorMessage: expect.stringContaining('refusalGrounds'), retries: 0 }]);
    expect(d.log.error).toHaveBeenCalled();
  });

  it('forms the kind a variable names (deliver-result forms the signed result again) with the signing facts', async () => {
    const d = deps(async () => [stored('kk'), stored('ru')]);
    const { job } = documentJob(
      { documentKindVariable: 'resultKind' },
      {
        ...FACTS.refusal,
        decision: 'approve',
        signerName: 'Серікбаев Ә. Қ.',
        signedAt: '2026-04-16T09:00Z',
        resultKind: 'refusal',
      },
    );
    await generateDocument.handler(job, d);
    expect(d.documents.generate).toHaveBeenCalledWith(
      'refusal',
      expect.objectContaining({ decision: { signedBy: 'Серікбаев Ә. Қ.', signedAt: '2026-04-16T09:00Z' } }),
      ['kk', 'ru'],
    );
  });

  it('when the named variable holds no known kind, fails without retries and names the variable', async () => {
    const d = deps(async () => []);
    const { job, calls } = documentJob(
      { documentKindVariable: 'resultKind' },
      { ...FACTS.refusal, resultKind: 'memo' },
    );
    await generateDocument.handler(job, d);
    expect(calls.fail).toEqual([
      { errorMessage: expect.stringContaining('variable resultKind'), retries: 0 },
    ]);
    expect(d.documents.generate).not.toHaveBeenCalled();
  });

  it('when the header names no known kind, fails without retries and stores nothing', async () => {
    const d = deps(async () => []);
    const { job, calls } = documentJob({ documentKind: 'certificate' }, FACTS.refusal);
    await generateDocument.handler(job, d);
    expect(calls.fail).toEqual([{ errorMessage: expect.stringContaining('certificate'), retries: 0 }]);
    expect(d.documents.generate).not.toHaveBeenCalled();
  });

  it('when storage fails, fails with one retry fewer and a back-off', async () => {
    const d = deps(async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    const { job, calls } = documentJob({ documentKind: 'refusal' }, FACTS.refusal, 3);
    await generateDocument.handler(job, d);
    expect(calls.fail).toEqual([
      { errorMessage: expect.stringContaining('ENOSPC'), retries: 2, retryBackOff: 10_000 },
    ]);
  });

  // Order 923 List row 9: the grounds are listed per service; a refusal never quotes another's.
  it('stops with an incident naming the code and both services when a ground belongs to another service (Order 923 List row 9)', async () => {
    const d = deps(async () => [stored('kk'), stored('ru')]);
    const { job, calls } = documentJob(
      { documentKind: 'refusal' },
      {
        ...FACTS.refusal,
        serviceId: 'security-licence',
        refusalGrounds: ['B03_FEE_NOT_PAID', 'C_UNRELIABLE_DATA'],
      },
    );
    await generateDocument.handler(job, d);
    expect(d.documents.generate).not.toHaveBeenCalled();
    expect(calls.complete).toEqual([]);
    expect(calls.fail).toEqual([{ errorMessage: expect.stringContaining('C_UNRELIABLE_DATA'), retries: 0 }]);
    const message = (calls.fail[0] as { errorMessage: string }).errorMessage;
    expect(message).toContain('специализированного учебного центра');
    expect(message).toContain('Выдача лицензии на право занятия охранной деятельностью');
    expect(message).not.toContain('B03_FEE_NOT_PAID');
  });
});
