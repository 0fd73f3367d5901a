import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EngineError, invalid } from '../runtime/errors';

/**
 * Camunda 8.8's document store of type "local": each document's bytes and metadata are files in
 * the engine's data directory, so they survive a restart. A document past its `expiresAt` is gone.
 * Links are signed with a key kept beside the documents, so a link stays valid across restarts
 * until it expires.
 */

export const STORE_ID = 'local';

export interface DocumentMetadata {
  contentType?: string;
  fileName?: string;
  expiresAt?: string;
  size: number;
  processDefinitionId?: string;
  processInstanceKey?: string;
  customProperties?: Record<string, unknown>;
}

export interface DocumentReference {
  'camunda.document.type': 'camunda';
  storeId: string;
  documentId: string;
  contentHash: string;
  metadata: DocumentMetadata;
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export class DocumentStore {
  private readonly linkKey: Buffer;

  constructor(
    readonly dir: string,
    private readonly now: () => number,
  ) {
    fs.mkdirSync(dir, { recursive: true });
    const keyFile = path.join(dir, '.link-key');
    if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
    this.linkKey = fs.readFileSync(keyFile);
  }

  private file(id: string, ext: 'bin' | 'json'): string {
    return path.join(this.dir, `${id}.${ext}`);
  }

  /** Validates the metadata a client sent (a JSON object) and returns what is stored. */
  static metadata(raw: unknown, size: number, fileName: string | undefined, now: number): DocumentMetadata {
    if (raw === undefined || raw === null || raw === '') return { size, fileName };
    let m: any = raw;
    if (typeof raw === 'string') {
      try {
        m = JSON.parse(raw);
      } catch {
        throw invalid("'metadata' must be a JSON object");
      }
    }
    if (typeof m !== 'object' || m === null || Array.isArray(m))
      throw invalid("'metadata' must be a JSON object");
    const str = (name: string) => {
      if (m[name] !== undefined && m[name] !== null && typeof m[name] !== 'string')
        throw invalid(`'metadata.${name}' must be a string`);
      return (m[name] as string | undefined) ?? undefined;
    };
    const expiresAt = str('expiresAt');
    if (expiresAt !== undefined) {
      const at = Date.parse(expiresAt);
      if (!Number.isFinite(at) || !/^\d{4}-\d{2}-\d{2}T/.test(expiresAt))
        throw invalid(`'metadata.expiresAt' must be an ISO 8601 date-time, got '${expiresAt}'`);
      if (at <= now) throw invalid(`'metadata.expiresAt' must be in the future, got '${expiresAt}'`);
    }
    if (
      m.customProperties !== undefined &&
      (typeof m.customProperties !== 'object' ||
        m.customProperties === null ||
        Array.isArray(m.customProperties))
    )
      throw invalid("'metadata.customProperties' must be a JSON object");
    return {
      contentType: str('contentType'),
      fileName: str('fileName') ?? fileName,
      expiresAt,
      size,
      processDefinitionId: str('processDefinitionId'),
      processInstanceKey: str('processInstanceKey'),
      customProperties: m.customProperties,
    };
  }

  create(bytes: Buffer, metadata: DocumentMetadata, documentId?: string): DocumentReference {
    if (documentId !== undefined && !ID.test(documentId))
      throw invalid(
        `'documentId' must be 1 to 200 letters, digits, '.', '_' or '-', starting with a letter or digit, got '${documentId.slice(0, 100)}'`,
      );
    const id = documentId ?? randomUUID();
    if (this.read(id))
      throw new EngineError(409, 'ALREADY_EXISTS', `Document with id '${id}' already exists`);
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    const ref: DocumentReference = {
      'camunda.document.type': 'camunda',
      storeId: STORE_ID,
      documentId: id,
      contentHash,
      metadata: JSON.parse(JSON.stringify(metadata)),
    };
    // Bytes first, then the metadata that makes the document visible: a crash between leaves no
    // half-written document, only an orphan file that the next upload of that id overwrites.
    writeAtomically(this.file(id, 'bin'), bytes);
    writeAtomically(this.file(id, 'json'), Buffer.from(JSON.stringify(ref)));
    return ref;
  }

  private read(id: string): DocumentReference | undefined {
    if (!ID.test(id)) return undefined;
    let ref: DocumentReference;
    try {
      ref = JSON.parse(fs.readFileSync(this.file(id, 'json'), 'utf8'));
    } catch {
      return undefined;
    }
    if (ref.metadata.expiresAt && Date.parse(ref.metadata.expiresAt) <= this.now()) return undefined;
    return ref;
  }

  private found(id: string, contentHash?: string): DocumentReference {
    const ref = this.read(id);
    if (!ref) throw new EngineError(404, 'NOT_FOUND', `Document with id '${id}' not found`);
    if (contentHash !== undefined && contentHash !== '' && contentHash !== ref.contentHash)
      throw invalid(`The document hash does not match the hash of document '${id}'`);
    return ref;
  }

  get(id: string, contentHash?: string): { ref: DocumentReference; bytes: Buffer } {
    const ref = this.found(id, contentHash);
    return { ref, bytes: fs.readFileSync(this.file(id, 'bin')) };
  }

  delete(id: string): void {
    this.found(id);
    fs.rmSync(this.file(id, 'json'), { force: true });
    fs.rmSync(this.file(id, 'bin'), { force: true });
  }

  /** A signed path that serves the document without the engine token until `expiresAt`. */
  link(id: string, timeToLiveMs: number, contentHash?: string): { path: string; expiresAt: string } {
    this.found(id, contentHash);
    const expires = this.now() + timeToLiveMs;
    const sig = this.sign(id, expires);
    return {
      path: `/document-links/${encodeURIComponent(id)}?expires=${expires}&signature=${sig}`,
      expiresAt: new Date(expires).toISOString(),
    };
  }

  /** The document a link names, or why not: 403 for a bad or expired link, 404 when it is gone. */
  openLink(id: string, expires: string, signature: string): { ref: DocumentReference; bytes: Buffer } {
    const at = Number(expires);
    const expected = Buffer.from(this.sign(id, at));
    const given = Buffer.from(String(signature));
    if (!Number.isFinite(at) || expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new EngineError(401, 'UNAUTHENTICATED', 'the document link is not valid');
    if (at <= this.now()) throw new EngineError(401, 'UNAUTHENTICATED', 'the document link has expired');
    return this.get(id);
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.linkKey).update(`${id}\n${expires}`).digest('base64url');
  }
}

function writeAtomically(file: string, data: Buffer): void {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}
