import type { CabinetMessageInput, GatewayDeps } from '../adapters/gateway';
import {
  idempotencyKey,
  JobInputError,
  readApplicant,
  readHeader,
  readString,
  runGatewayJob,
} from '../adapters/gateway/worker-support';
import type { WorkerDefinition, WorkerJob } from './types';

type Channel = NonNullable<CabinetMessageInput['channel']>;
const CHANNELS: readonly Channel[] = ['cabinet', 'sms', 'email'];

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
      const place = optional(job, 'hearingPlace') ?? 'онлайн / в режиме видеосвязи';
      return (
        `Өтініш № ${n} бойынша бас тарту туралы алдын ала шешім қабылданды. Тыңдау: ${hearingAt}, ${place}. ` +
        `/ По заявлению № ${n} принято предварительное решение об отказе. Заслушивание: ${hearingAt}, ${place}. ` +
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
    body: (job, n) =>
      `Заявление № ${n}: новый срок оказания услуги ${optional(job, 'serviceDeadline') ?? 'будет сообщён дополнительно'}.`,
  },
};

/** Sends the notice named by header `template` to the applicant's cabinet (header `channel`, default cabinet). */
const notify: WorkerDefinition<GatewayDeps> = {
  type: 'notify',
  timeoutMs: 30_000,
  handler: (job, deps) =>
    runGatewayJob(job, deps, async () => {
      const templateName = readHeader(job, 'template');
      const template = NOTICE_TEMPLATES[templateName];
      if (!template) throw new JobInputError(`unknown notice template ${templateName}`);
      const channel = readHeader(job, 'channel', 'cabinet') as Channel;
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
      return job.complete();
    }),
};
export default notify;
