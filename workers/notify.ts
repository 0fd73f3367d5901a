import { z } from 'zod';
import type { CabinetMessageInput } from '../adapters/gateway';
import {
  almatyTimestamp,
  applicantSchema,
  applicationInput,
  idempotencyKey,
  JobInputError,
  readHeader,
  gatewaySlice,
} from './support';
import { formatDateTime } from '../domain/documents/format';
import { t, type Lang, type MessageKey, type MessageParams } from '../i18n';
import { defineWorker } from './define';

type Channel = NonNullable<CabinetMessageInput['channel']>;
const CHANNELS: readonly Channel[] = ['cabinet', 'sms', 'email'];
/** Diagram-facing channel names: `personal-cabinet` is the applicant's cabinet; `internal` goes to staff. */
const CHANNEL_ALIASES: Record<string, Channel> = { 'personal-cabinet': 'cabinet' };
/** Templates the diagrams name by the step's wording. */
const TEMPLATE_ALIASES: Record<string, string> = {
  'hearing-notice': 'preliminary-refusal-hearing',
  'result-delivered': 'result-ready',
};
/** Notices to the provider's staff (channel `internal`), e.g. the head told of a breached term. */
const INTERNAL_TEMPLATES = new Set(['deadline-breached']);

const input = applicationInput.extend({
  /** The addressee of a notice to the applicant (every channel but `internal`). */
  applicant: applicantSchema.nullish(),
  /** The hearing notice: the time the clerk set (an instant) and the place, if any. */
  hearingAt: z.string().nullish(),
  hearingPlace: z.string().nullish(),
  serviceDeadline: z.string().nullish(),
  /** Internal notices: input mappings of the escalation tasks. */
  recipientGroup: z.string().nullish(),
  breachedStep: z.string().nullish(),
});
type NotifyInput = z.output<typeof input>;

interface Template {
  /** Kazakh / Russian, as the portal shows both. */
  title: string;
  body(v: NotifyInput): string;
}

const present = (v: string | null | undefined): string | undefined => (v && v.trim() !== '' ? v : undefined);

/** A notice in both languages, "kk / ru", as the portal shows both. */
const bothLangs = (key: MessageKey, params: (lang: Lang) => MessageParams = () => ({})): string =>
  `${t('kk', key, params('kk'))} / ${t('ru', key, params('ru'))}`;

/** Notices the diagrams send; header `template` picks one. Texts: the catalogue's `notice.*` keys. */
export const NOTICE_TEMPLATES: Record<string, Template> = {
  'application-registered': {
    title: bothLangs('notice.application-registered.title'),
    body: ({ applicationNumber: number }) =>
      bothLangs('notice.application-registered.body', () => ({ number })),
  },
  'preliminary-refusal-hearing': {
    title: bothLangs('notice.preliminary-refusal-hearing.title'),
    body: ({ applicationNumber: number, ...v }) => {
      const hearingAt = present(v.hearingAt);
      if (!hearingAt) throw new JobInputError('variable hearingAt is missing for the hearing notice');
      const at = new Date(hearingAt);
      if (Number.isNaN(at.getTime())) throw new JobInputError('variable hearingAt is not an ISO date');
      const place = present(v.hearingPlace);
      return bothLangs('notice.preliminary-refusal-hearing.body', (lang) => ({
        number,
        hearingAt: formatDateTime(at, lang),
        place: place ?? t(lang, 'notice.preliminary-refusal-hearing.remote'),
      }));
    },
  },
  'result-ready': {
    title: bothLangs('notice.result-ready.title'),
    body: ({ applicationNumber: number }) => bothLangs('notice.result-ready.body', () => ({ number })),
  },
  'antimonopoly-letter-sent': {
    title: bothLangs('notice.antimonopoly-letter-sent.title'),
    body: ({ applicationNumber: number }) =>
      bothLangs('notice.antimonopoly-letter-sent.body', () => ({ number })),
  },
  'deadline-extended': {
    title: bothLangs('notice.deadline-extended.title'),
    body: ({ applicationNumber: number, serviceDeadline }) => {
      const raw = present(serviceDeadline);
      const at = raw ? new Date(raw) : undefined;
      const known = at && !Number.isNaN(at.getTime()) ? at : undefined;
      return bothLangs('notice.deadline-extended.body', (lang) => ({
        number,
        deadline: known ? formatDateTime(known, lang) : t(lang, 'notice.deadline-extended.later'),
      }));
    },
  },
};

/** Sends the notice named by header `template` to the applicant's cabinet (header `channel`, default cabinet). */
export default defineWorker({
  type: 'notify',
  timeoutMs: 30_000,
  input,
  config: gatewaySlice,
  async run(job, v, deps) {
    const templateName = readHeader(job, 'template');
    const channelName = readHeader(job, 'channel', 'cabinet');
    if (channelName === 'internal') {
      if (!INTERNAL_TEMPLATES.has(templateName))
        throw new JobInputError(`unknown internal notice template ${templateName}`);
      // The head's notice of a breached term: recorded in monitoring (C9) where the operators'
      // deadline board and the provider's staff see it; the applicant is not addressed.
      const recipient = v.recipientGroup ?? 'head';
      const step = v.breachedStep ?? readHeader(job, 'step', 'term');
      await deps.gateway.monitoring.report(
        {
          applicationNumber: v.applicationNumber,
          serviceId: v.serviceId,
          stage: `notice:${templateName}:${step}:${recipient}`,
          at: almatyTimestamp(deps.clock),
        },
        { idempotencyKey: idempotencyKey(job, 'notify-internal') },
      );
      deps.log.warn(`term breached: ${step}`, {
        applicationNumber: v.applicationNumber,
        recipient,
      });
      return {};
    }
    const template = NOTICE_TEMPLATES[TEMPLATE_ALIASES[templateName] ?? templateName];
    if (!template) throw new JobInputError(`unknown notice template ${templateName}`);
    const channel = (CHANNEL_ALIASES[channelName] ?? channelName) as Channel;
    if (!CHANNELS.includes(channel))
      throw new JobInputError(`unknown channel ${channel} (${CHANNELS.join(', ')})`);
    if (!v.applicant) throw new JobInputError('variable applicant is missing');
    const { applicationNumber } = v;
    const { bin } = v.applicant;
    // Header `documentVariable` names a variable holding a generated notice `{documentId}`.
    const documentVariable = readHeader(job, 'documentVariable', '');
    const doc = documentVariable ? job.variables[documentVariable] : undefined;
    const documentId =
      typeof doc === 'object' && doc !== null && 'documentId' in doc && typeof doc.documentId === 'string'
        ? doc.documentId
        : undefined;
    await deps.gateway.cabinet.send(
      bin,
      {
        applicationNumber,
        kind: templateName,
        title: template.title,
        body: template.body(v),
        documentId,
        channel,
      },
      { idempotencyKey: idempotencyKey(job, 'notify') },
    );
    return {};
  },
});
