/** Shapes of the worklist's JSON (ui/routes/worklist.ts, the task routes of ui/app.ts), read by the worklist page. */
import type { PageInfo } from '../api-types';

export type WorklistViewName = 'mine' | 'unassigned' | 'group' | 'completed';
export type WorklistSort = 'deadline' | 'created' | 'step';
export type DeadlineFlag = 'overdue' | 'amber' | 'none';

/** One row of GET /api/worklist. */
export interface WorklistItem {
  userTaskKey: string;
  name?: string;
  elementId?: string;
  processDefinitionId?: string;
  processInstanceKey: string;
  applicationNumber?: string;
  applicantName?: string;
  applicantBin?: string;
  assignee: string | null;
  state?: string;
  dueDate?: string;
  creationDate?: string;
  completionDate?: string;
  remainingWorkingDays: number | null;
  flag: DeadlineFlag;
}

/** GET /api/worklist?view=&q=&sort=&page= */
export interface WorklistView {
  items: WorklistItem[];
  counts: Record<WorklistViewName, number>;
  view: WorklistViewName;
  sort: WorklistSort;
  /** The engine's time of the answer. */
  now: string;
  page: PageInfo;
}

/** A form-js schema as the worklist reads it. */
export interface FormSchemaComponent {
  type?: string;
  subtype?: string;
  key?: string;
  id?: string;
  label?: string;
  text?: string;
  components?: FormSchemaComponent[];
}
export interface FormSchema {
  id?: string;
  components?: FormSchemaComponent[];
}

/** GET /api/tasks/:key */
export interface TaskDetail {
  task: {
    userTaskKey: string;
    name?: string;
    elementId?: string;
    processDefinitionId?: string;
    assignee?: string | null;
    dueDate?: string;
    remainingWorkingDays: number | null;
    urgency: 'overdue' | 'last-day' | 'ok' | string;
  };
  form: { formId?: string; schema: FormSchema } | null;
  variables: Record<string, unknown> & { applicationNumber?: string };
  documents: { documentId: string; title?: string; lang?: 'kk' | 'ru' }[];
}

/** GET /api/tasks/:key/draft */
export interface TaskDraft {
  draft: { data: Record<string, unknown>; savedAt: string } | null;
}
