import {
  applicantLine,
  finish,
  headSignature,
  officerSignature,
  REQUEST_KINDS,
  requireDecision,
  signatoryRole,
  type DocumentContext,
} from './context';
import { factsSection, hearingHeldSection } from './findings';
import { enumerate, formatDate, formatDateTime } from './format';
import { citeRules, groundRuleRef, LAWS, shortRef, type RuleRef } from './services';
import type { DocumentContent, DocumentSection } from './types';
import type { MessageKey } from '../../i18n';

/** Where each service's rules put the list of documents and the grounds for refusal. */
function documentsListRef(ctx: DocumentContext): RuleRef {
  return { listItem: ctx.service === 'fire-automation-permit' ? 10 : 8 };
}
function groundsListRef(ctx: DocumentContext): RuleRef {
  return { listItem: ctx.service === 'fire-automation-permit' ? 11 : 9 };
}

/** The security rules' hearing paragraph (§8, second indent); order 138 does not restate service A's. */
function hearingRefs(ctx: DocumentContext): RuleRef[] {
  return ctx.service === 'fire-automation-permit' ? [] : [{ paragraph: 8, indent: 2 }];
}

/**
 * The paragraph behind a completeness refusal (C5). Licence re-issue and duplicate have their
 * own (§10, §11), which call the result a refusal to provide the service rather than a refusal
 * of further consideration. Order 138 does not restate service A's internal steps, so there
 * the documents row of the list is the only citable rule.
 */
function completenessRef(ctx: DocumentContext): { ref: RuleRef; refusesService: boolean } {
  if (ctx.service === 'fire-automation-permit') return { ref: documentsListRef(ctx), refusesService: false };
  if (ctx.service === 'security-licence') {
    const requestKind = ctx.f.oneOf('requestKind', REQUEST_KINDS);
    if (requestKind === 'reissue') return { ref: { paragraph: 10 }, refusesService: true };
    if (requestKind === 'duplicate') return { ref: { paragraph: 11 }, refusesService: true };
  }
  return { ref: { paragraph: 7 }, refusesService: false };
}

/**
 * Each ground in the catalogue's wording with the rule it rests on, cited in the document's
 * language (the catalogue's `ruleRef` is a note for staff and is not printed).
 */
function groundsSection(ctx: DocumentContext, heading: string): DocumentSection {
  const grounds = ctx.f.refusalGrounds();
  return {
    heading,
    paragraphs: enumerate(
      grounds.map((g, i) => {
        const ref = groundRuleRef(ctx.service, g.code);
        if (!ref) ctx.f.fail(`refusalGrounds.${i}.code`, 'invalid', `not a refusal ground of ${ctx.service}`);
        return `${ctx.lang === 'kk' ? g.textKk : g.textRu} (${ctx.t('document.grounds.basis')}: ${shortRef(ctx.service, ref, ctx.lang)})`;
      }),
    ),
  };
}

const HEARING_METHODS: Record<string, MessageKey> = {
  'in-person': 'document.hearing.method.in-person',
  video: 'document.hearing.method.video',
  videoconference: 'document.hearing.method.video',
  online: 'document.hearing.method.video',
  phone: 'document.hearing.method.phone',
  written: 'document.hearing.method.written',
};

function hearingRows(ctx: DocumentContext): [string, string][] {
  const { f, lang } = ctx;
  const method = f.text('hearing.method');
  return [
    [ctx.t('document.hearing.time'), formatDateTime(f.instant('hearing.at'), lang)],
    [ctx.t('document.hearing.place'), f.bilingual('hearing.place', lang)],
    [
      ctx.t('document.hearing.method'),
      // An unknown method would print an internal value; it is a data error the operator must see.
      (Object.prototype.hasOwnProperty.call(HEARING_METHODS, method)
        ? ctx.t(HEARING_METHODS[method])
        : undefined) ??
        f.fail('hearing.method', 'invalid', `expected one of ${Object.keys(HEARING_METHODS).join(', ')}`),
    ],
  ];
}

function appealParagraph(ctx: DocumentContext): string {
  // Order 138 sets service A's complaint term (§9 part two); the security rules leave it to the law.
  const term = ctx.service === 'fire-automation-permit' ? ctx.t('document.appeal.term-fire') : '';
  return ctx.t('document.appeal.text', { term });
}

function complaintRefs(ctx: DocumentContext): RuleRef[] {
  return ctx.service === 'fire-automation-permit' ? [{ paragraph: 9, part: 2 }] : [];
}

export function refusalFurtherConsideration(ctx: DocumentContext): DocumentContent {
  const { f, lang } = ctx;
  const missing = f.labels('missingDocuments', lang, false);
  const expired = f.labels('expiredDocuments', lang, false);
  const reason = f.optionalText('incompletenessReason');
  if (missing.length === 0 && expired.length === 0 && !reason) {
    f.fail(
      'missingDocuments',
      'missing',
      'name the missing or expired documents, or give incompletenessReason',
    );
  }
  const { ref, refusesService } = completenessRef(ctx);
  const basis = shortRef(ctx.service, ref, lang);

  const sections: DocumentSection[] = [
    {
      paragraphs: [
        ctx.t('document.refusal-further-consideration.checked', {
          applicationRef: ctx.applicationRef,
          serviceName: ctx.serviceName,
        }),
        ctx.t('document.refusal-further-consideration.found'),
      ],
    },
  ];
  if (missing.length > 0)
    sections.push({
      heading: ctx.t('document.refusal-further-consideration.missing'),
      paragraphs: enumerate(missing),
    });
  if (expired.length > 0)
    sections.push({
      heading: ctx.t('document.refusal-further-consideration.expired'),
      paragraphs: enumerate(expired),
    });
  if (reason)
    sections.push({ heading: ctx.t('document.refusal-further-consideration.reason'), paragraphs: [reason] });
  sections.push({
    paragraphs: [
      refusesService
        ? ctx.t('document.refusal-further-consideration.service-refused', { basis })
        : ctx.t('document.refusal-further-consideration.consideration-refused', { basis }),
      ctx.t('document.refusal-further-consideration.reapply'),
      appealParagraph(ctx),
    ],
  });

  const refs = 'listItem' in ref ? [ref] : [ref, documentsListRef(ctx)];
  return finish(ctx, {
    title: refusesService
      ? ctx.t('document.refusal.title')
      : ctx.t('document.refusal-further-consideration.title'),
    addressee: applicantLine(ctx),
    sections,
    legalBasis: [citeRules(ctx.service, refs, lang)],
    // Signed in deliver-result by the head (service C: the MIA department head), an authorised person (§7).
    signature: headSignature(ctx),
  });
}

export function refusal(ctx: DocumentContext): DocumentContent {
  const { f, lang } = ctx;
  requireDecision(ctx, false);
  const heardAt = f.optionalInstant('hearing.at');
  const decided = heardAt
    ? ctx.t('document.refusal.decided-after-hearing', { heardAt: formatDateTime(heardAt, lang) })
    : ctx.t('document.refusal.decided');
  const legalBasis = [
    citeRules(ctx.service, [groundsListRef(ctx), ...hearingRefs(ctx), ...complaintRefs(ctx)], lang),
  ];
  if (heardAt) legalBasis.push(LAWS.appc73[lang]);
  legalBasis.push(LAWS.publicServices25[lang]);
  return finish(ctx, {
    title: ctx.t('document.refusal.title'),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          ctx.t('document.refusal.considered', {
            applicationRef: ctx.applicationRef,
            serviceName: ctx.serviceName,
          }),
          decided,
        ],
      },
      ...factsSection(ctx),
      ...hearingHeldSection(ctx),
      groundsSection(ctx, ctx.t('document.refusal.grounds')),
      { paragraphs: [appealParagraph(ctx)] },
    ],
    legalBasis,
    signature: headSignature(ctx),
  });
}

export function preliminaryDecision(ctx: DocumentContext): DocumentContent {
  const { f, lang } = ctx;
  const rows = hearingRows(ctx);
  return finish(ctx, {
    title: ctx.t('document.preliminary-decision.title'),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          ctx.t('document.preliminary-decision.grounds-exist', {
            applicationRef: ctx.applicationRef,
            serviceName: ctx.serviceName,
          }),
        ],
      },
      ...factsSection(ctx),
      groundsSection(ctx, ctx.t('document.preliminary-decision.grounds')),
      ...(f.has('preliminaryDecisionText')
        ? [
            {
              heading: ctx.t('document.preliminary-decision.reasoning'),
              paragraphs: [f.text('preliminaryDecisionText')],
            },
          ]
        : []),
      {
        heading: ctx.t('document.hearing.heading'),
        paragraphs: [ctx.t('document.preliminary-decision.hearing-offered')],
        table: { rows },
      },
      {
        paragraphs: [
          ctx.t('document.preliminary-decision.position-rights'),
          ctx.t('document.preliminary-decision.final-decision'),
        ],
      },
    ],
    legalBasis: [LAWS.appc73[lang], citeRules(ctx.service, [...hearingRefs(ctx), groundsListRef(ctx)], lang)],
    signature: officerSignature(ctx),
  });
}

export function hearingRecord(ctx: DocumentContext): DocumentContent {
  const { f, lang } = ctx;
  const rows = hearingRows(ctx);
  const participants = f.labels('hearing.participants', lang, false);
  if (participants.length > 0)
    rows.push([ctx.t('document.hearing-record.participants'), participants.join('; ')]);
  const position = f.has('hearing.applicantPosition')
    ? f.bilingual('hearing.applicantPosition', lang)
    : ctx.t('document.hearing.no-position');
  const conclusion = f.has('hearing.conclusion') ? [f.bilingual('hearing.conclusion', lang)] : [];
  return finish(ctx, {
    title: ctx.t('document.hearing-record.title'),
    addressee: ctx.t('document.hearing-record.addressee', { applicationRef: ctx.applicationRef }),
    sections: [
      {
        paragraphs: [
          ctx.t('document.hearing-record.held', {
            serviceName: ctx.serviceName,
            applicant: applicantLine(ctx),
          }),
        ],
        table: { rows },
      },
      groundsSection(ctx, ctx.t('document.hearing-record.grounds')),
      {
        heading: ctx.t('document.hearing-record.position'),
        paragraphs: [position],
      },
      {
        heading: ctx.t('document.hearing-record.outcome'),
        paragraphs: [...conclusion, ctx.t('document.hearing-record.considered')],
      },
    ],
    legalBasis: [LAWS.appc73[lang], citeRules(ctx.service, [...hearingRefs(ctx), groundsListRef(ctx)], lang)],
    signature: {
      role: ctx.t('document.hearing-record.signatory'),
      name: f.optionalText('hearing.conductedBy') ?? f.optionalText('officerName'),
    },
  });
}

export function complaintAnswer(ctx: DocumentContext): DocumentContent {
  const { f, lang } = ctx;
  const receivedAt = formatDate(f.instant('complaint.receivedAt'));
  const complaintText = f.text('complaint.text');
  const upheld = f.boolean('complaintAnswer.upheld');
  const answer = f.bilingual('complaintAnswer.text', lang);
  return finish(ctx, {
    title: ctx.t('document.complaint-answer.title'),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          ctx.t('document.complaint-answer.considered', {
            receivedAt,
            applicationRef: ctx.applicationRef,
            serviceName: ctx.serviceName,
          }),
        ],
      },
      { heading: ctx.t('document.complaint-answer.content'), paragraphs: [complaintText] },
      {
        heading: ctx.t('document.complaint-answer.result'),
        paragraphs: [
          upheld ? ctx.t('document.complaint-answer.upheld') : ctx.t('document.complaint-answer.dismissed'),
          answer,
        ],
      },
      {
        paragraphs: [ctx.t('document.complaint-answer.further-appeal')],
      },
    ],
    legalBasis: [
      LAWS.publicServices25[lang],
      ...(complaintRefs(ctx).length > 0 ? [citeRules(ctx.service, complaintRefs(ctx), lang)] : []),
    ],
    signature: {
      role: signatoryRole(ctx),
      name: f.optionalText('complaintAnswer.signedBy') ?? f.optionalText('officerName'),
    },
  });
}

export function missingDocumentsRequest(ctx: DocumentContext): DocumentContent {
  const { f, lang } = ctx;
  const documents = f.labels('missingDocuments', lang, true);
  const dueAt = f.optionalInstant('responseDueAt');
  const listRef = documentsListRef(ctx);
  // Service B's list lets the provider ask for the head's diploma or employment record when
  // the state systems cannot supply them; elsewhere the request names the documents row.
  const why =
    ctx.service === 'security-licence'
      ? ctx.t('document.missing-documents-request.not-in-state-systems')
      : ctx.t('document.missing-documents-request.documents-needed');
  const paragraphs = [
    ctx.t('document.missing-documents-request.under-review', {
      applicationRef: ctx.applicationRef,
      serviceName: ctx.serviceName,
      why,
    }),
  ];
  const closing = [
    ctx.t('document.missing-documents-request.submit', { ref: shortRef(ctx.service, listRef, lang) }),
  ];
  if (dueAt)
    closing.push(ctx.t('document.missing-documents-request.due', { dueAt: formatDateTime(dueAt, lang) }));
  return finish(ctx, {
    title: ctx.t('document.missing-documents-request.title'),
    addressee: applicantLine(ctx),
    sections: [
      { paragraphs },
      { heading: ctx.t('document.missing-documents-request.documents'), paragraphs: enumerate(documents) },
      { paragraphs: closing },
    ],
    legalBasis: [citeRules(ctx.service, [listRef], lang)],
    signature: officerSignature(ctx),
  });
}
