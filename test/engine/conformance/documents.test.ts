import { Camunda8 } from '@camunda8/sdk';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedEngine } from '../../../engine';
import { CamundaClient, startTestEngine } from '../../support/engine-harness';
import { pin, rejection, useEngine } from './support';

/**
 * The Camunda 8.8 documents API, written from Camunda's REST reference ("Upload document",
 * "Upload multiple documents", "Download document", "Delete document", "Create document link";
 * apis-tools/orchestration-cluster-api-rest/specifications/*-document*) and the "Document handling"
 * concept page (components/document-handling): a document is uploaded as multipart with metadata
 * (contentType, fileName, expiresAt, customProperties) and an optional documentId (an existing id
 * is an error); the answer (201) is a document reference with a content hash; download checks the
 * hash when it is given; a link is a URL with an expiry that serves the content without
 * authentication; errors are RFC 9457 ProblemDetail.
 */

const PDF = Buffer.from('%PDF-1.4\n% synthetic permit scan\n', 'utf8');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function bytesOf(result: unknown): Promise<Buffer> {
  if (result instanceof Blob) return Buffer.from(await result.arrayBuffer());
  if (result instanceof ArrayBuffer) return Buffer.from(result);
  if (Buffer.isBuffer(result)) return result;
  if (typeof result === 'string') return Buffer.from(result, 'utf8');
  throw new Error(`unexpected download result ${Object.prototype.toString.call(result)}`);
}

async function problem(err: any): Promise<any> {
  if (err?.response?.json) return err.response.json();
  if (err?.body) return typeof err.body === 'string' ? JSON.parse(err.body) : err.body;
  return err;
}

describe('documents API', () => {
  const e = useEngine();
  const upload = (opts: { bytes?: Buffer; name?: string; metadata?: any; documentId?: string } = {}) =>
    e.client.createDocument({
      file: new File([new Uint8Array(opts.bytes ?? PDF)], opts.name ?? 'scan.pdf', {
        type: 'application/pdf',
      }),
      metadata: opts.metadata,
      documentId: opts.documentId,
    } as any) as Promise<any>;

  test('given a file with metadata, when uploaded, then 201 with a reference whose hash is the content SHA-256, and download returns the bytes', async () => {
    const ref = await upload({
      metadata: {
        contentType: 'application/pdf',
        fileName: 'scan.pdf',
        customProperties: { applicationId: 'APP-0001' },
      },
    });
    expect(ref).toMatchObject({
      'camunda.document.type': 'camunda',
      storeId: 'local',
      contentHash: sha(PDF),
      metadata: {
        contentType: 'application/pdf',
        fileName: 'scan.pdf',
        size: PDF.length,
        customProperties: { applicationId: 'APP-0001' },
      },
    });
    const got = await e.client.getDocument({
      documentId: ref.documentId,
      contentHash: ref.contentHash,
    } as any);
    expect((await bytesOf(got)).equals(PDF)).toBe(true);
  });

  test('given a documentId, when uploaded, then the document has that id; when uploaded again with it, then the upload is refused', async () => {
    const ref = await upload({ documentId: 'permit-scan-1' });
    expect(ref.documentId).toBe('permit-scan-1');
    const err = await rejection(upload({ documentId: 'permit-scan-1' }));
    expect(err).toMatchObject({ status: 409 });
    expect(await problem(err)).toMatchObject({ title: 'ALREADY_EXISTS', status: 409 });
  });

  test('given a wrong content hash, when downloaded, then 400; given an unknown id, then 404 ProblemDetail', async () => {
    const ref = await upload();
    const bad = await rejection(
      e.client.getDocument({ documentId: ref.documentId, contentHash: 'ab'.repeat(32) } as any),
    );
    expect(bad).toMatchObject({ status: 400 });
    const missing = await rejection(
      e.client.getDocument({ documentId: 'no-such-document', contentHash: '' } as any),
    );
    expect(missing).toMatchObject({ status: 404 });
    expect(await problem(missing)).toMatchObject({ title: 'NOT_FOUND', status: 404, type: 'about:blank' });
  });

  test('given several files and their metadata, when uploaded as a batch, then each is created with its own metadata', async () => {
    const a = Buffer.from('first');
    const b = Buffer.from('second');
    const r: any = await e.client.createDocuments({
      files: [new File([a], 'a.txt'), new File([b], 'b.txt')],
      metadataList: [
        { contentType: 'text/plain', fileName: 'a.txt' },
        { contentType: 'text/plain', fileName: 'b.txt' },
      ],
    } as any);
    expect(r.failedDocuments).toEqual([]);
    expect(r.createdDocuments.map((d: any) => [d.metadata.fileName, d.contentHash])).toEqual([
      ['a.txt', sha(a)],
      ['b.txt', sha(b)],
    ]);
    const second = await e.client.getDocument({
      documentId: r.createdDocuments[1].documentId,
      contentHash: r.createdDocuments[1].contentHash,
    } as any);
    expect((await bytesOf(second)).toString()).toBe('second');
  });

  test('given a document, when deleted, then it cannot be downloaded any more', async () => {
    const ref = await upload();
    await e.client.deleteDocument({ documentId: ref.documentId } as any);
    expect(
      await rejection(e.client.getDocument({ documentId: ref.documentId, contentHash: '' } as any)),
    ).toMatchObject({
      status: 404,
    });
    expect(await rejection(e.client.deleteDocument({ documentId: ref.documentId } as any))).toMatchObject({
      status: 404,
    });
  });

  test('given a link with a time to live, then it serves the content without the token until it expires', async () => {
    const ref = await upload({ metadata: { contentType: 'application/pdf' } });
    await pin(e.client, '2026-03-02T09:00:00Z');
    const link: any = await e.client.createDocumentLink({
      documentId: ref.documentId,
      contentHash: ref.contentHash,
      timeToLive: 60_000,
    } as any);
    expect(link.expiresAt).toBe('2026-03-02T09:01:00.000Z');
    const ok = await fetch(link.url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('application/pdf');
    expect(Buffer.from(await ok.arrayBuffer()).equals(PDF)).toBe(true);
    const forged = await fetch(link.url.replace(/signature=[^&]+/, 'signature=forged'));
    expect(forged.status).toBe(401);
    await pin(e.client, '2026-03-02T09:01:00Z');
    const expired = await fetch(link.url);
    expect(expired.status).toBe(401);
    expect((await expired.json()).detail).toContain('expired');
  });

  test('given expiresAt in the metadata, when that instant has passed, then the document is gone', async () => {
    await pin(e.client, '2026-03-02T09:00:00Z');
    const ref = await upload({ metadata: { expiresAt: '2026-03-02T10:00:00Z' } });
    expect(ref.metadata.expiresAt).toBe('2026-03-02T10:00:00Z');
    await e.client.getDocument({ documentId: ref.documentId, contentHash: ref.contentHash } as any);
    await pin(e.client, '2026-03-02T10:00:01Z');
    expect(
      await rejection(
        e.client.getDocument({ documentId: ref.documentId, contentHash: ref.contentHash } as any),
      ),
    ).toMatchObject({ status: 404 });
  });

  test('given metadata that is not valid, when uploaded, then 400 ProblemDetail names the field', async () => {
    const err = await rejection(upload({ metadata: { expiresAt: 'next tuesday' } }));
    expect(err).toMatchObject({ status: 400 });
    const body = await problem(err);
    expect(body).toMatchObject({ title: 'INVALID_ARGUMENT', status: 400 });
    expect(body.detail).toContain('metadata.expiresAt');
  });

  test('given an uploaded document, when form-js document preview reads {documentId, endpoint, metadata}, then the endpoint returns the bytes', async () => {
    // form-js documentPreview: each document is `{ documentId, endpoint, metadata }` and the viewer
    // fetches `endpoint`; the engine's download endpoint (or a link) is that endpoint.
    const ref = await upload({ metadata: { contentType: 'application/pdf', fileName: 'scan.pdf' } });
    const link: any = await e.client.createDocumentLink({
      documentId: ref.documentId,
      contentHash: ref.contentHash,
    } as any);
    const preview = { documentId: ref.documentId, endpoint: link.url, metadata: ref.metadata };
    const viaLink = await fetch(preview.endpoint);
    expect(Buffer.from(await viaLink.arrayBuffer()).equals(PDF)).toBe(true);
    const direct = await fetch(
      `${e.t.running.address}/v2/documents/${preview.documentId}?contentHash=${ref.contentHash}`,
    );
    expect(direct.status).toBe(200);
    expect(direct.headers.get('content-disposition')).toContain('scan.pdf');
    expect(Buffer.from(await direct.arrayBuffer()).equals(PDF)).toBe(true);
  });
});

describe('documents API: limits and restart', () => {
  test('given a document over ENGINE_MAX_DOCUMENT_SIZE, when uploaded, then 413 ProblemDetail and nothing is stored', async () => {
    const running = await startEmbeddedEngine({
      dataDir: ':memory:',
      port: 0,
      limits: { maxDocumentBytes: 2048 },
    });
    try {
      const client: CamundaClient = new Camunda8({
        ZEEBE_REST_ADDRESS: running.address,
        CAMUNDA_AUTH_STRATEGY: 'NONE',
        CAMUNDA_SDK_LOG_LEVEL: 'error',
      } as any).getOrchestrationClusterApiClient();
      const err = await rejection(
        client.createDocument({
          file: new File([Buffer.alloc(4096, 1)], 'big.bin'),
          documentId: 'too-big',
        } as any),
      );
      expect(err).toMatchObject({ status: 413 });
      expect(await problem(err)).toMatchObject({ title: 'PAYLOAD_TOO_LARGE', status: 413 });
      expect(
        await rejection(client.getDocument({ documentId: 'too-big', contentHash: '' } as any)),
      ).toMatchObject({
        status: 404,
      });
      const small: any = await client.createDocument({
        file: new File([Buffer.alloc(1024, 1)], 'ok.bin'),
      } as any);
      expect(small.metadata.size).toBe(1024);
    } finally {
      await running.close();
    }
  });

  test('given uploaded documents and a link, when the engine restarts, then both still serve the content', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'documents-restart-'));
    try {
      let t = await startTestEngine({ dataDir: dir });
      const ref: any = await t.client.createDocument({ file: new File([PDF], 'scan.pdf') } as any);
      const link: any = await t.client.createDocumentLink({
        documentId: ref.documentId,
        contentHash: ref.contentHash,
      } as any);
      const linkPath = new URL(link.url);
      await t.close();
      t = await startTestEngine({ dataDir: dir });
      try {
        const got = await t.client.getDocument({
          documentId: ref.documentId,
          contentHash: ref.contentHash,
        } as any);
        expect((await bytesOf(got)).equals(PDF)).toBe(true);
        const again = await fetch(`${t.running.address}${linkPath.pathname}${linkPath.search}`);
        expect(again.status).toBe(200);
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
