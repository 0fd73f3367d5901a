/**
 * Who has keys in the NCALayer stand-in: the seeded officials who sign results (the heads of the
 * provider units and the Minister) and the heads of the seeded applicant companies, plus three
 * certificates made to be refused (expired, revoked, issued by an untrusted CA). All synthetic.
 */
import { makeIin } from '../../domain/identifiers';
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

/** Officials who sign results; `userId` is the worklist session's user id on the embedded default. */
export const STAFF_SIGNERS: Array<KeyHolder & { userId: string }> = [
  {
    alias: 'fire-head',
    userId: 'fire-head',
    iin: makeIin('1972-03-14', 'male', 2101),
    surname: 'ЖАКУПОВ',
    givenName: 'ЕРЛАН',
    patronymic: 'МАРАТҰЛЫ',
  },
  {
    alias: 'police-head',
    userId: 'police-head',
    iin: makeIin('1975-07-02', 'female', 2102),
    surname: 'АХМЕТОВА',
    givenName: 'ДИНАРА',
    patronymic: 'СЕРІКҚЫЗЫ',
  },
  {
    alias: 'mia-head',
    userId: 'mia-head',
    iin: makeIin('1970-11-20', 'male', 2103),
    surname: 'СӘРСЕНБАЕВ',
    givenName: 'ТИМУР',
    patronymic: 'АСҚАРҰЛЫ',
  },
  {
    alias: 'minister',
    userId: 'minister-head',
    iin: makeIin('1968-05-09', 'male', 2104),
    surname: 'ҚАЛИЕВ',
    givenName: 'БОЛАТ',
    patronymic: 'ЕРЖАНҰЛЫ',
  },
];

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
