import {
  applicantLine,
  finish,
  headSignature,
  issuedOn,
  officerSignature,
  REQUEST_KINDS,
  requireDecision,
  type DocumentContext,
} from './context';
import { formatDate } from './format';
import { citeRules, LAWS, SERVICES, shortRef } from './services';
import type { DocumentContent, DocumentSection } from './types';

const SUB_TYPES = {
  1: 'document.licence.sub-type.1',
  2: 'document.licence.sub-type.2',
} as const;

/** The paragraph of the licensing rules that governs each kind of request (§9, §10, §11). */
const LICENCE_PARAGRAPH = { issue: 9, reissue: 10, duplicate: 11 } as const;

/**
 * A re-issued or duplicated licence keeps its number, so it must be known; a new licence takes the
 * document's register number unless E-licensing has already assigned one.
 */
function licenceNumberOf(ctx: DocumentContext): string {
  const requestKind = ctx.f.oneOf('requestKind', REQUEST_KINDS);
  if (requestKind !== 'issue') return ctx.f.text('licenceNumber');
  return ctx.f.optionalText('licenceNumber') ?? ctx.number;
}

function licenceParticulars(ctx: DocumentContext): {
  rows: [string, string][];
  requestKind: keyof typeof LICENCE_PARAGRAPH;
} {
  const { f } = ctx;
  const subType = f.oneOf('subType', [1, 2] as const);
  const requestKind = f.oneOf('requestKind', REQUEST_KINDS);
  const licenceNumber = licenceNumberOf(ctx);
  const basis = {
    issue: ctx.t('document.licence.basis.issue'),
    reissue: ctx.t('document.licence.basis.reissue'),
    duplicate: ctx.t('document.licence.basis.duplicate'),
  }[requestKind];
  const rows: [string, string][] = [
    [ctx.t('document.licence.number'), licenceNumber],
    [ctx.t('document.licence.licensee'), ctx.applicant.name],
    [ctx.t('document.particulars.bin'), ctx.applicant.bin],
    [ctx.t('document.particulars.activity'), ctx.t('document.licence.activity')],
    [ctx.t('document.licence.sub-type'), ctx.t(SUB_TYPES[subType])],
    [ctx.t('document.licence.licensor'), ctx.issuer],
    [
      ctx.t('document.licence.basis'),
      `${basis}, ${ctx.t('document.licence.application')} № ${ctx.applicationNumber}`,
    ],
    [ctx.t('document.particulars.issued-on'), issuedOn(ctx)],
  ];
  if (ctx.applicant.address)
    rows.splice(3, 0, [ctx.t('document.particulars.location'), ctx.applicant.address]);
  return { rows, requestKind };
}

function licenceLegalBasis(ctx: DocumentContext, requestKind: keyof typeof LICENCE_PARAGRAPH): string[] {
  return [
    citeRules(
      ctx.service,
      [{ paragraph: 2 }, { paragraph: LICENCE_PARAGRAPH[requestKind] }, { listItem: 5 }],
      ctx.lang,
    ),
    LAWS.securityActivity[ctx.lang],
  ];
}

export function permit(ctx: DocumentContext): DocumentContent {
  const { f, lang } = ctx;
  requireDecision(ctx, true);
  // E-licensing assigns the permit number when it has one; otherwise the register number stands.
  const permitNumber = f.optionalText('permitNumber') ?? ctx.number;
  const activity = ctx.t('document.permit.activity');
  const rows: [string, string][] = [
    [ctx.t('document.permit.number'), permitNumber],
    [ctx.t('document.permit.holder'), ctx.applicant.name],
    [ctx.t('document.particulars.iin-bin'), ctx.applicant.bin],
    [ctx.t('document.particulars.activity'), activity],
    [ctx.t('document.permit.issued-by'), ctx.issuer],
    [ctx.t('document.particulars.issued-on'), issuedOn(ctx)],
    [ctx.t('document.particulars.application'), ctx.applicationRef],
  ];
  if (ctx.applicant.address)
    rows.splice(3, 0, [ctx.t('document.particulars.location'), ctx.applicant.address]);
  if (ctx.applicant.headFullName)
    rows.splice(3, 0, [ctx.t('document.particulars.head'), ctx.applicant.headFullName]);
  return finish(ctx, {
    title: ctx.t('document.permit.title'),
    number: permitNumber,
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [ctx.t('document.permit.grants', { applicantName: ctx.applicant.name, activity })],
      },
      { heading: ctx.t('document.permit.particulars'), paragraphs: [], table: { rows } },
      {
        paragraphs: [ctx.t('document.permit.e-licensing')],
      },
    ],
    legalBasis: [
      ctx.t('document.permit.law'),
      citeRules(ctx.service, [{ paragraph: 3 }, { listItem: 7 }], lang),
    ],
    signature: headSignature(ctx),
  });
}

export function licence(ctx: DocumentContext): DocumentContent {
  requireDecision(ctx, true);
  const { rows, requestKind } = licenceParticulars(ctx);
  const sections: DocumentSection[] = [
    {
      paragraphs: [ctx.t('document.licence.issued-to', { applicantName: ctx.applicant.name })],
    },
  ];
  if (requestKind === 'reissue') {
    sections.push({
      paragraphs: [ctx.t('document.licence.reissued')],
    });
  }
  if (requestKind === 'duplicate') {
    sections.push({
      paragraphs: [ctx.t('document.licence.duplicate-note')],
    });
  }
  sections.push({
    heading: ctx.t('document.licence.particulars'),
    paragraphs: [],
    table: { rows },
  });
  return finish(ctx, {
    title:
      requestKind === 'duplicate'
        ? ctx.t('document.licence.duplicate-title')
        : ctx.t('document.licence.title'),
    number: licenceNumberOf(ctx),
    addressee: applicantLine(ctx),
    sections,
    legalBasis: licenceLegalBasis(ctx, requestKind),
    signature: headSignature(ctx),
  });
}

export function licenceAnnex(ctx: DocumentContext): DocumentContent {
  const { lang } = ctx;
  requireDecision(ctx, true);
  const { rows, requestKind } = licenceParticulars(ctx);
  const subType = ctx.f.oneOf('subType', [1, 2] as const);
  // Annex 5: the places where the activity is carried on; the licensee's location when none are given.
  const places = ctx.f.labels('placesOfActivity', lang, false);
  const seat = ctx.applicant.address ?? ctx.f.optionalText('applicant.location');
  const where = places.length > 0 ? places : seat ? [seat] : [];
  if (where.length > 0)
    rows.splice(rows.length - 1, 0, [ctx.t('document.licence-annex.places'), where.join('; ')]);
  return finish(ctx, {
    title:
      requestKind === 'duplicate'
        ? ctx.t('document.licence-annex.duplicate-title')
        : ctx.t('document.licence-annex.title'),
    // The annex carries the number of its licence.
    number: licenceNumberOf(ctx),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          ctx.t('document.licence-annex.confirms', {
            licenceNumber: licenceNumberOf(ctx),
            subType: ctx.t(SUB_TYPES[subType]),
          }),
          ctx.t('document.licence-annex.valid-with-licence'),
        ],
      },
      { heading: ctx.t('document.licence-annex.particulars'), paragraphs: [], table: { rows } },
    ],
    legalBasis: licenceLegalBasis(ctx, requestKind),
    signature: headSignature(ctx),
  });
}

function objectsSection(ctx: DocumentContext): DocumentSection {
  return {
    heading: ctx.t('document.objects.heading'),
    paragraphs: [],
    table: { rows: ctx.f.objects().map((o, i): [string, string] => [`${i + 1}. ${o.name}`, o.location]) },
  };
}

/** A reference to an outside document given as `{ number, date }`, e.g. the antimonopoly consent. */
function outsideDocument(ctx: DocumentContext, path: string): string | undefined {
  // An answer may come without its outgoing number (the antimonopoly body's answer carries only
  // consent and comment): it is then cited without number and date rather than stopping the result.
  if (!ctx.f.has(`${path}.number`)) return undefined;
  const number = ctx.f.text(`${path}.number`);
  const date = formatDate(ctx.f.instant(`${path}.date`));
  return ctx.t('document.outside-document.reference', { number, date });
}

export function antimonopolyLetter(ctx: DocumentContext): DocumentContent {
  const { lang } = ctx;
  const consent = outsideDocument(ctx, 'antimonopolyConsent');
  const paragraphs = [
    ctx.t('document.antimonopoly-letter.considering', {
      applicationRef: ctx.applicationRef,
      applicantName: ctx.applicant.name,
      bin: ctx.applicant.bin,
    }),
    ctx.t('document.antimonopoly-letter.request', { paragraph: 9 }),
  ];
  if (consent) {
    paragraphs.push(ctx.t('document.antimonopoly-letter.consent-submitted', { consent }));
  }
  return finish(ctx, {
    title: ctx.t('document.antimonopoly-letter.title'),
    addressee: ctx.f.has('antimonopolyBody')
      ? ctx.f.bilingual('antimonopolyBody', lang)
      : ctx.t('document.antimonopoly-letter.addressee'),
    sections: [
      { paragraphs },
      objectsSection(ctx),
      {
        paragraphs: [ctx.t('document.antimonopoly-letter.reply')],
      },
    ],
    legalBasis: [
      citeRules(ctx.service, [{ paragraph: 9 }, { listItem: 8 }], lang),
      LAWS.entrepreneurialCode[lang],
      LAWS.mia863[lang],
    ],
    signature: officerSignature(ctx),
  });
}

export function consentLetter(ctx: DocumentContext): DocumentContent {
  const { lang } = ctx;
  requireDecision(ctx, true);
  const reference = outsideDocument(ctx, 'antimonopolyAnswer');
  const answer = reference
    ? ctx.t('document.consent-letter.answer', { reference })
    : ctx.t('document.consent-letter.answer-unnumbered');
  return finish(ctx, {
    title: ctx.t('document.consent-letter.title'),
    addressee: applicantLine(ctx),
    sections: [
      {
        paragraphs: [
          ctx.t('document.consent-letter.consents', {
            applicationRef: ctx.applicationRef,
            answer,
            applicantName: ctx.applicant.name,
          }),
          ctx.t('document.consent-letter.objects'),
        ],
      },
      objectsSection(ctx),
      {
        paragraphs: [ctx.t('document.consent-letter.result', { serviceName: ctx.serviceName })],
      },
    ],
    legalBasis: [
      citeRules(ctx.service, [{ paragraph: 10 }], lang),
      LAWS.mia863[lang],
      LAWS.securityActivity[lang],
    ],
    signature: headSignature(ctx),
  });
}

/**
 * The Minister's order designating the training centre (service C, §9–§10). The draft goes to the
 * ministry's legal and editorial services; the final order, agreed after their conclusions and
 * signed by the Minister, is the result sent to the applicant's personal cabinet.
 */
function ministersOrder(ctx: DocumentContext, draft: boolean): DocumentContent {
  const { lang } = ctx;
  if (!draft) requireDecision(ctx, true);
  const name = ctx.applicant.name;
  const rows: [string, string][] = [
    [ctx.t('document.particulars.application'), ctx.applicationRef],
    [ctx.t('document.ministers-order.legal-entity'), name],
    [ctx.t('document.particulars.bin'), ctx.applicant.bin],
  ];
  if (ctx.applicant.address) rows.push([ctx.t('document.particulars.location'), ctx.applicant.address]);
  return finish(ctx, {
    title: draft ? ctx.t('document.ministers-order.draft-title') : ctx.t('document.ministers-order.title'),
    addressee: draft ? ctx.t('document.ministers-order.draft-addressee') : name,
    sections: [
      {
        heading: ctx.t('document.ministers-order.heading'),
        paragraphs: [
          ctx.t('document.ministers-order.preamble', { serviceName: ctx.serviceName }),
          ctx.t('document.ministers-order.item1', { name, bin: ctx.applicant.bin }),
          ctx.t('document.ministers-order.item2'),
          ctx.t('document.ministers-order.item3'),
          ctx.t('document.ministers-order.item4'),
        ],
      },
      { heading: ctx.t('document.ministers-order.particulars'), paragraphs: [], table: { rows } },
      {
        paragraphs: [
          draft
            ? ctx.t('document.ministers-order.draft-procedure', {
                ref9: shortRef(ctx.service, { paragraph: 9 }, lang),
                ref10: shortRef(ctx.service, { paragraph: 10 }, lang),
              })
            : ctx.t('document.ministers-order.agreed', {
                ref9: shortRef(ctx.service, { paragraph: 9 }, lang),
                ref10: shortRef(ctx.service, { paragraph: 10 }, lang),
              }),
        ],
      },
    ],
    legalBasis: [
      LAWS.securityActivity[lang],
      citeRules(ctx.service, [{ paragraph: 9 }, { paragraph: 10 }], lang),
    ],
    // A draft carries the signatory's post only; the Minister signs the final order.
    signature: draft ? { role: SERVICES[ctx.service].head[lang] } : headSignature(ctx),
  });
}

export const ministersOrderDraft = (ctx: DocumentContext): DocumentContent => ministersOrder(ctx, true);
export const ministersOrderFinal = (ctx: DocumentContext): DocumentContent => ministersOrder(ctx, false);
