import type { DocumentService } from './store';

export { FONT_FILES, renderPdf, type RenderOptions } from './pdf';
export { createDocumentService, type DocumentService, type StoredDocument } from './store';

/** The slice of logging the document worker uses; the workers' logger satisfies it. */
export interface Logger {
  info(msg: string, fields?: object): void;
  warn(msg: string, fields?: object): void;
  error(msg: string, fields?: object): void;
}

/** What `workers/generate-document.ts` needs; the full worker dependencies are a superset. */
export interface DocumentDeps {
  documents: DocumentService;
  log: Logger;
}
