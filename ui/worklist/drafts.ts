/**
 * What a clerk has typed into a task's form and not yet completed, kept per person and task in the
 * application database (`adapters/db/web-state.ts`), so it survives a reload, a release, a claim
 * and a restart, on every replica. A task's drafts go when it is completed.
 */
export type { TaskDraft, TaskDraftStore } from '../../adapters/db/web-state';
export { createTaskDraftRepository as createTaskDraftStore } from '../../adapters/db/web-state';
