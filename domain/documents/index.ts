export { buildDocument } from './build';
export { documentNumber, KIND_CODES } from './number';
export { factsFromVariables } from './variables';
export { SERVICE_IDS, type ServiceId } from './services';
export {
  DOCUMENT_KINDS,
  DocumentFactsError,
  isDocumentKind,
  type DocumentContent,
  type DocumentFacts,
  type DocumentKind,
  type DocumentSection,
  type DocumentSignature,
  type Lang,
} from './types';
