import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDocumentService, renderPdf } from '../../../adapters/documents';
import { fixedClock } from '../../../domain/clock';
import { buildDocument, DocumentFactsError } from '../../../domain/documents';
import { FACTS, without } from './fixtures';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const AT = new Date('2026-04-14T06:30:00Z');

describe('renderPdf', () => {
  const permitKk = buildDocument('permit', FACTS.permit, 'kk');

  it('produces an A4 PDF with DejaVu embedded for the Kazakh letters', async () => {
    const pdf = await renderPdf(permitKk, { createdAt: AT });
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/FontName \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/FontFile2 /);
    expect(raw).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it('gives the same bytes, hence the same SHA-256, for the same content and clock', async () => {
    const a = await renderPdf(permitKk, { createdAt: AT });
    const b = await renderPdf(permitKk, { createdAt: AT });
    expect(sha256(a)).toBe(sha256(b));
  });

  it('gives different bytes for a different creation time or language', async () => {
    const base = sha256(await renderPdf(permitKk, { createdAt: AT }));
    expect(sha256(await renderPdf(permitKk, { createdAt: new Date('2026-04-15T06:30:00Z') }))).not.toBe(base);
    expect(sha256(await renderPdf(buildDocument('permit', FACTS.permit, 'ru'), { createdAt: AT }))).not.toBe(
      base,
    );
  });

  it('lays out a long document over several pages', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      name: `Объект ${i + 1}`,
      location: 'Астана қ., Мәңгілік Ел даңғылы',
    }));
    const pdf = await renderPdf(
      buildDocument('consent-letter', { ...FACTS['consent-letter'], objects: many }, 'ru'),
      { createdAt: AT },
    );
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThan(1);
  });
});

describe('document store', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'documents-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const service = (at = '2026-04-14T06:30:00Z') => createDocumentService({ dir, clock: fixedClock(at) });

  it('stores both languages and returns each file with its digest, by id and by application', async () => {
    const stored = await service().generate('refusal', FACTS.refusal, ['kk', 'ru']);
    expect(stored.map((d) => [d.documentId, d.lang, d.kind])).toEqual([
      ['KZ-2026-000123-REF-01-kk', 'kk', 'refusal'],
      ['KZ-2026-000123-REF-01-ru', 'ru', 'refusal'],
    ]);
    expect(stored[0]).toMatchObject({
      applicationNumber: 'KZ-2026-000123',
      fileName: 'KZ-2026-000123-REF-01-kk.pdf',
      createdAt: '2026-04-14T06:30:00.000Z',
    });
    // Nothing here signs the file, so nothing says it is signed (Order 923 §7, §10: the EDS is the provider's act).
    expect(stored[1].stamp).toEqual([`SHA-256: ${stored[1].sha256}`]);

    const fetched = await service().get(stored[1].documentId);
    expect(fetched?.meta).toEqual(stored[1]);
    expect(sha256(fetched!.bytes)).toBe(stored[1].sha256);
    expect(fetched!.bytes.length).toBe(stored[1].size);

    expect(await service().list('KZ-2026-000123')).toEqual(stored);
    expect(await service().list('KZ-2026-999999')).toEqual([]);
  });

  it('returns the documents already stored when the same facts come again, as on a retried job', async () => {
    const first = await service().generate('preliminary-decision', FACTS['preliminary-decision'], [
      'kk',
      'ru',
    ]);
    const again = await service('2026-04-14T09:00:00Z').generate(
      'preliminary-decision',
      { ...FACTS['preliminary-decision'] },
      ['kk', 'ru'],
    );
    expect(again).toEqual(first);
    expect(await service().list('KZ-2026-000123')).toHaveLength(2);
  });

  it('numbers a second document of the same kind with new facts 02', async () => {
    await service().generate('missing-documents-request', FACTS['missing-documents-request'], ['ru']);
    const second = await service().generate(
      'missing-documents-request',
      { ...FACTS['missing-documents-request'], missingDocuments: ['трудовая книжка'] },
      ['ru'],
    );
    expect(second[0].documentId).toBe('KZ-2026-000123-MDR-02-ru');
  });

  it('writes the same bytes for the same facts and clock in another folder', async () => {
    const a = await service().generate('permit', FACTS.permit, ['kk']);
    const other = mkdtempSync(path.join(tmpdir(), 'documents-'));
    try {
      const b = await createDocumentService({
        dir: other,
        clock: fixedClock('2026-04-14T06:30:00Z'),
      }).generate('permit', FACTS.permit, ['kk']);
      expect(b[0].sha256).toBe(a[0].sha256);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('writes nothing when a fact is missing', async () => {
    await expect(
      service().generate('refusal', without(FACTS.refusal, 'refusalGrounds'), ['kk', 'ru']),
    ).rejects.toBeInstanceOf(DocumentFactsError);
    expect(await service().list('KZ-2026-000123')).toEqual([]);
  });

  it('does not serve an unknown id, a path, or a file altered after it was stored', async () => {
    const [doc] = await service().generate('permit', FACTS.permit, ['ru']);
    expect(await service().get('KZ-2026-000123-PRM-09-ru')).toBeNull();
    expect(await service().get('../index')).toBeNull();
    // The PDF is kept under a key of its own write: `<document id>.<random>.pdf`.
    const key = readdirSync(dir).find((f) => f.startsWith(`${doc.documentId}.`) && f.endsWith('.pdf'))!;
    const file = path.join(dir, key);
    writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from('%tampered')]));
    await expect(service().get(doc.documentId)).rejects.toThrow(/SHA-256/);
  });

  it('keeps the index consistent under concurrent generation', async () => {
    const s = service();
    await Promise.all([
      s.generate('refusal', FACTS.refusal, ['kk']),
      s.generate('hearing-record', FACTS['hearing-record'], ['kk']),
      s.generate('missing-documents-request', FACTS['missing-documents-request'], ['kk']),
    ]);
    expect((await s.list('KZ-2026-000123')).map((d) => d.kind).sort()).toEqual([
      'hearing-record',
      'missing-documents-request',
      'refusal',
    ]);
  });
});
