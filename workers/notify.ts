import { z } from 'zod';
import type { CabinetMessageInput } from '../adapters/gateway';
import {
  almatyTimestamp,
  idempotencyKey,
  JobInputError,
  readApplicant,
  readHeader,
  readString,
  gatewaySlice,
} from './support';
import { formatDateTime } from '../domain/documents/format';
import { defineWorker } from './define';
import type { WorkerJob } from './types';

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

interface Template {
  /** Kazakh / Russian, as the portal shows both. */
  title: string;
  body(job: WorkerJob, applicationNumber: string): string;
}

const optional = (job: WorkerJob, name: string): string | undefined => {
  const v = job.variables[name];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};

/** Notices the diagrams send; header `template` picks one. */
export const NOTICE_TEMPLATES: Record<string, Template> = {
  'application-registered': {
    title: 'Өтініш тіркелді / Заявление зарегистрировано',
    body: (_job, n) => `Өтініш № ${n} тіркелді. / Заявление № ${n} зарегистрировано.`,
  },
  'preliminary-refusal-hearing': {
    title: 'Бас тарту туралы алдын ала шешім және тыңдау / Предварительное решение об отказе и заслушивание',
    body: (job, n) => {
      const hearingAt = optional(job, 'hearingAt');
      if (!hearingAt) throw new JobInputError('variable hearingAt is missing for the hearing notice');
      const at = new Date(hearingAt);
      if (Number.isNaN(at.getTime()))
        throw new JobInputError(`variable hearingAt is not an ISO date: ${hearingAt}`);
      const place = optional(job, 'hearingPlace');
      return (
        `Өтініш № ${n} бойынша бас тарту туралы алдын ала шешім қабылданды. Тыңдау: ${formatDateTime(at, 'kk')}, ${place ?? 'бейнебайланыс арқылы'}. ` +
        'Сіз позицияңызды білдіруге құқылысыз (ҚР ӘРПК 73-бабы). ' +
        `/ По заявлению № ${n} принято предварительное решение об отказе. Заслушивание: ${formatDateTime(at, 'ru')}, ${place ?? 'в режиме видеосвязи'}. ` +
        'Вы вправе выразить позицию (ст. 73 АППК РК).'
      );
    },
  },
  'result-ready': {
    title: 'Мемлекеттік қызмет нәтижесі / Результат государственной услуги',
    body: (_job, n) =>
      `Өтініш № ${n} бойынша нәтиже жеке кабинетке жіберілді. / Результат по заявлению № ${n} направлен в личный кабинет.`,
  },
  'antimonopoly-letter-sent': {
    title: 'Монополияға қарсы органға сұрау салу / Запрос в антимонопольный орган',
    body: (_job, n) =>
      `Өтініш № ${n} бойынша монополияға қарсы органға хат жіберілді. / По заявлению № ${n} направлено письмо в антимонопольный орган; срок приостановлен до получения ответа.`,
  },
  'deadline-extended': {
    title: 'Мерзім өзгерді / Изменение срока',
    body: (job, n) => {
      const raw = optional(job, 'serviceDeadline');
      const at = raw ? new Date(raw) : undefined;
      const known = at && !Number.isNaN(at.getTime()) ? at : undefined;
      return (
        `Өтініш № ${n}: қызмет көрсетудің жаңа мерзімі ${known ? formatDateTime(known, 'kk') : 'қосымша хабарланады'}. ` +
        `/ Заявление № ${n}: новый срок оказания услуги ${known ? formatDateTime(known, 'ru') : 'будет сообщён дополнительно'}.`
      );
    },
  },
};

/** Sends the notice named by header `template` to the applicant's cabinet (header `channel`, default cabinet). */
export default defineWorker({
  type: 'notify',
  timeoutMs: 30_000,
  input: z.object({}),
  config: gatewaySlice,
  async run(job, _input, deps) {
    const templateName = readHeader(job, 'template');
    const channelName = readHeader(job, 'channel', 'cabinet');
    if (channelName === 'internal') {
      if (!INTERNAL_TEMPLATES.has(templateName))
        throw new JobInputError(`unknown internal notice template ${templateName}`);
      // The head's notice of a breached term: recorded in monitoring (C9) where the operators'
      // deadline board and the provider's staff see it; the applicant is not addressed.
      const recipient =
        typeof job.variables.recipientGroup === 'string' ? job.variables.recipientGroup : 'head';
      const step =
        typeof job.variables.breachedStep === 'string'
          ? job.variables.breachedStep
          : readHeader(job, 'step', 'term');
      await deps.gateway.monitoring.report(
        {
          applicationNumber: readString(job, 'applicationNumber'),
          serviceId: readString(job, 'serviceId'),
          stage: `notice:${templateName}:${step}:${recipient}`,
          at: almatyTimestamp(deps.clock),
        },
        { idempotencyKey: idempotencyKey(job, 'notify-internal') },
      );
      deps.log.warn(`term breached: ${step}`, {
        applicationNumber: job.variables.applicationNumber,
        recipient,
      });
      return {};
    }
    const template = NOTICE_TEMPLATES[TEMPLATE_ALIASES[templateName] ?? templateName];
    if (!template) throw new JobInputError(`unknown notice template ${templateName}`);
    const channel = (CHANNEL_ALIASES[channelName] ?? channelName) as Channel;
    if (!CHANNELS.includes(channel))
      throw new JobInputError(`unknown channel ${channel} (${CHANNELS.join(', ')})`);
    const applicationNumber = readString(job, 'applicationNumber');
    const { bin } = readApplicant(job);
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
        body: template.body(job, applicationNumber),
        documentId,
        channel,
      },
      { idempotencyKey: idempotencyKey(job, 'notify') },
    );
    return {};
  },
});
