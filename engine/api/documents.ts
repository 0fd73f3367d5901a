import express, { NextFunction, Request, Response, Router } from 'express';
import multer from 'multer';
import { DocumentReference, DocumentStore, STORE_ID } from '../documents/store';
import { EngineError, invalid } from '../runtime/errors';

/** How long a document link lives when the request gives no timeToLive (Camunda: one hour). */
export const DEFAULT_LINK_TTL_MS = 3_600_000;

/**
 * The Camunda 8.8 documents API (`/v2/documents`): upload (one or a batch, multipart with
 * metadata), download (with the content hash check), delete, and links that serve the content
 * without the engine token until they expire (mounted outside `/v2` by {@link documentLinkRoute}).
 */
export function documentRoutes(
  v2: Router,
  store: DocumentStore,
  opts: { maxDocumentBytes: number; now: () => number },
): void {
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: opts.maxDocumentBytes, files: 100, fields: 200, fieldSize: 1024 * 1024 },
  });
  /** multer's failures as Zeebe's ProblemDetail: a file over the limit is 413. */
  const parse = (mw: express.RequestHandler) => (req: Request, res: Response, next: NextFunction) =>
    mw(req, res, (err?: unknown) => {
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE')
          return next(
            new EngineError(
              413,
              'PAYLOAD_TOO_LARGE',
              `the document is larger than the limit of ${opts.maxDocumentBytes} bytes (ENGINE_MAX_DOCUMENT_SIZE)`,
            ),
          );
        return next(invalid(`the multipart request is not valid: ${err.message}`));
      }
      next(err);
    });
  const storeId = (req: Request) => {
    const s = req.query.storeId;
    if (s !== undefined && s !== STORE_ID)
      throw invalid(
        `the document store '${String(s)}' does not exist; this engine has the store '${STORE_ID}'`,
      );
  };
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

  v2.post('/documents', parse(upload.single('file')), (req, res) => {
    storeId(req);
    const file = req.file;
    if (!file) throw invalid("an upload needs the file in the multipart field 'file'");
    const meta = DocumentStore.metadata(
      req.body?.metadata,
      file.size,
      file.originalname || undefined,
      opts.now(),
    );
    res.status(201).json(store.create(file.buffer, meta, str(req.query.documentId)));
  });

  v2.post('/documents/batch', parse(upload.array('files')), (req, res) => {
    storeId(req);
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0)
      throw invalid("a batch upload needs at least one file in the multipart field 'files'");
    const raw = req.body?.metadataList;
    const list: unknown[] = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    if (list.length > files.length)
      throw invalid(`'metadataList' has ${list.length} entries for ${files.length} files`);
    const createdDocuments: DocumentReference[] = [];
    const failedDocuments: { fileName: string; detail: string }[] = [];
    files.forEach((f, n) => {
      try {
        const meta = DocumentStore.metadata(list[n], f.size, f.originalname || undefined, opts.now());
        createdDocuments.push(store.create(f.buffer, meta));
      } catch (err) {
        if (!(err instanceof EngineError)) throw err;
        failedDocuments.push({ fileName: f.originalname, detail: err.message });
      }
    });
    res.status(failedDocuments.length ? 207 : 201).json({ createdDocuments, failedDocuments });
  });

  v2.get('/documents/:documentId', (req, res) => {
    storeId(req);
    const { ref, bytes } = store.get(String(req.params.documentId), str(req.query.contentHash));
    send(res, ref, bytes);
  });

  v2.delete('/documents/:documentId', (req, res) => {
    storeId(req);
    store.delete(String(req.params.documentId));
    res.status(204).end();
  });

  v2.post('/documents/:documentId/links', (req, res) => {
    storeId(req);
    const ttl = req.body?.timeToLive;
    if (ttl !== undefined && (!Number.isInteger(ttl) || ttl <= 0))
      throw invalid(`'timeToLive' must be a positive number of milliseconds, got '${String(ttl)}'`);
    const link = store.link(
      String(req.params.documentId),
      ttl ?? DEFAULT_LINK_TTL_MS,
      str(req.query.contentHash),
    );
    res
      .status(201)
      .json({ url: `${req.protocol}://${req.get('host')}${link.path}`, expiresAt: link.expiresAt });
  });
}

/** `GET /document-links/{id}?expires=…&signature=…`: a link's content, without the engine token. */
export function documentLinkRoute(app: express.Express, store: DocumentStore): void {
  app.get('/document-links/:documentId', (req, res) => {
    const { ref, bytes } = store.openLink(
      String(req.params.documentId),
      String(req.query.expires ?? ''),
      String(req.query.signature ?? ''),
    );
    send(res, ref, bytes);
  });
}

function send(res: Response, ref: DocumentReference, bytes: Buffer): void {
  res.type(ref.metadata.contentType || 'application/octet-stream');
  if (ref.metadata.fileName)
    res.set('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(ref.metadata.fileName)}`);
  res.set('X-Content-Type-Options', 'nosniff');
  // Uploaded content is served as it is: never as a page that runs with the engine's origin.
  res.set('Content-Security-Policy', 'sandbox');
  res.send(bytes);
}
