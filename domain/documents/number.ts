import type { DocumentKind } from './types';

/** Short register codes, so a document number tells its kind at a glance. */
export const KIND_CODES: Record<DocumentKind, string> = {
  permit: 'PRM',
  licence: 'LIC',
  'licence-annex': 'LAN',
  'refusal-further-consideration': 'RFC',
  refusal: 'REF',
  'preliminary-decision': 'PRD',
  'hearing-record': 'HRG',
  'antimonopoly-letter': 'AML',
  'consent-letter': 'CNL',
  'ministers-order-draft': 'ORD',
  'ministers-order': 'MOR',
  'complaint-answer': 'CMP',
  'missing-documents-request': 'MDR',
};

/**
 * Outgoing register number of a document: `<applicationNumber>-<CODE>-<seq, 2 digits>`,
 * e.g. `KZ-2026-000123-REF-01`. Characters other than letters, digits and `-` in the
 * application number become `-`, because the number doubles as a file and URL name.
 */
export function documentNumber(kind: DocumentKind, applicationNumber: string, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`seq must be a positive integer, got ${seq}`);
  const app = applicationNumber.trim().replace(/[^A-Za-z0-9-]+/g, '-');
  if (app === '') throw new RangeError('applicationNumber is empty');
  return `${app}-${KIND_CODES[kind]}-${String(seq).padStart(2, '0')}`;
}
