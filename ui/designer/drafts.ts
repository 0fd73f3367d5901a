/**
 * The designer's drafts, in the application database (`adapters/db/web-state.ts`): every save is
 * kept with who saved it and when, and the latest per file is the draft. The repository's bpmn/ and
 * forms/ are never written (docs/decisions/0007-diagrams-source-of-truth.md).
 */
export type { Draft, DraftKind, DraftStore } from '../../adapters/db/web-state';
export { createDesignerDraftRepository as createDraftStore } from '../../adapters/db/web-state';
