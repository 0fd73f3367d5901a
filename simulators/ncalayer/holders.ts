/**
 * Who has keys in the NCALayer stand-in: the seeded officials who sign results (the heads of the
 * provider units and the Minister) and the heads of the seeded applicant companies, plus three
 * certificates made to be refused (expired, revoked, issued by an untrusted CA). All synthetic.
 */
import { SEEDED_STAFF } from '../../ui/auth/staff';
import { fixtures } from '../data/seed';
import type { KeyHolder } from './pki';

function split(fullName: string) {
  const [surname = '', givenName = '', ...rest] = fullName.split(/\s+/);
  return {
    surname: surname.toUpperCase(),
    givenName: givenName.toUpperCase(),
    patronymic: rest.join(' ').toUpperCase() || undefined,
  };
}

/**
 * Officials who sign results: the seeded staff of the embedded identity provider who sign (the
 * heads of the provider units and the Minister), with the same IIN and name as their sign-in, so
 * that the signer of a result is checked against the signed-in head. `userId` is their user name.
 */
const SIGNER_ALIASES: Record<string, string> = {
  'fire.head': 'fire-head',
  'police.head': 'police-head',
  'mia.head': 'mia-head',
  minister: 'minister',
};
export const STAFF_SIGNERS: Array<KeyHolder & { userId: string }> = SEEDED_STAFF.filter(
  (s) => SIGNER_ALIASES[s.username],
).map((s) => ({ alias: SIGNER_ALIASES[s.username], userId: s.username, iin: s.iin, ...split(s.name) }));

function companyHead(
  alias: string,
  company: { bin: string; name: string; headIin: string; headFullName: string },
  variant?: KeyHolder['variant'],
): KeyHolder {
  return {
    alias,
    iin: company.headIin,
    ...split(company.headFullName),
    bin: company.bin,
    organization: company.name,
    variant,
  };
}

/** Heads of seeded applicant companies: they sign in to the portal and sign applications. */
export const APPLICANTS: KeyHolder[] = [
  companyHead('licence-applicant', fixtures.licence.approved),
  companyHead('fire-applicant', fixtures.fire.approved),
  companyHead('training-applicant', fixtures.training.approved),
  companyHead('national-applicant', fixtures.national.approved),
  companyHead('licence-unpaid-applicant', fixtures.licence.unpaid),
];

/** Certificates every refusal test needs: same person as `licence-applicant`, bad certificate. */
export const BAD_CERTIFICATES: KeyHolder[] = [
  companyHead('expired', fixtures.licence.approved, 'expired'),
  companyHead('revoked', fixtures.licence.approved, 'revoked'),
  companyHead('untrusted', fixtures.licence.approved, 'untrusted'),
];

export const ALL_HOLDERS: KeyHolder[] = [...STAFF_SIGNERS, ...APPLICANTS, ...BAD_CERTIFICATES];
