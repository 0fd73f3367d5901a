import { both, t } from '../../i18n';
import { finding, type CheckResult, type GroundFinding } from './refusal-grounds';

/**
 * Service A, Annex 2 row 10 items 2 and 5 (MES Order 372 as amended by Order 138): who counts as
 * a qualified specialist, and whether the applicant has enough of them and a verified measuring
 * instrument.
 */

export interface FireSpecialty {
  key: string;
  en: string;
  kk: string;
  ru: string;
}

/**
 * The listed specialties, in the order of the higher-education list; names as the education
 * registry spells them. Annex 2 row 10 item 2 lists the same sixteen for technical and vocational
 * education (its list names radio engineering, electronics and telecommunications too).
 */
export const FIRE_SPECIALTIES: readonly FireSpecialty[] = (
  [
    ['fire-safety', 'fire safety'],
    ['computer-engineering', 'computer engineering and information networks'],
    ['software', 'software'],
    ['automation-control', 'automation and control'],
    ['electric-power', 'electric power engineering'],
    ['radio-engineering', 'radio engineering, electronics and telecommunications'],
    ['information-systems', 'information systems'],
    ['information-security', 'information security systems'],
    ['engineering-automated-control', 'engineering and automated control systems'],
    ['process-automation', 'automation and control of technological processes'],
    ['automated-production-maintenance', 'maintenance and repair of automated production systems'],
    ['mechatronics', 'mechatronics'],
    ['robotics', 'robotics and embedded systems'],
    ['digital-technology', 'digital technology'],
    ['power-supply', 'power supply'],
    ['electromechanical-equipment', 'maintenance, repair and operation of electromechanical equipment'],
  ] as const
).map(([key, en]) => ({
  key,
  en,
  kk: t('kk', `rule.fire-specialists.specialty.${key}`),
  ru: t('ru', `rule.fire-specialists.specialty.${key}`),
}));

export interface FireSpecialistsConfig {
  /** [config] Qualified specialists required (base rules, not the amendment). Default 2. */
  minimumSpecialists: number;
  /** [config] Verified measuring instruments required. Default 1 (a non-empty list). */
  minimumVerifiedInstruments: number;
  /** Group III or higher (Annex 2 row 10 item 2). */
  minimumClearanceGroup: number;
  higherEducationYears: number;
  vocationalEducationYears: number;
  /** Registry specialty codes mapped to specialty keys, for registries that return codes only. */
  specialtyCodes: Readonly<Record<string, string>>;
}

export const DEFAULT_FIRE_SPECIALISTS_CONFIG: FireSpecialistsConfig = {
  minimumSpecialists: 2,
  minimumVerifiedInstruments: 1,
  minimumClearanceGroup: 3,
  higherEducationYears: 3,
  vocationalEducationYears: 5,
  specialtyCodes: {},
};

export interface Specialist {
  iin: string;
  fullName?: string;
  electricalClearanceGroup: number;
}
export interface EducationRecord {
  iin: string;
  level: 'higher' | 'technical-vocational';
  specialtyCode?: string;
  specialtyName?: string;
  field?: 'technical' | 'legal' | 'other';
  graduatedOn?: string;
}
export interface EmploymentRecord {
  iin: string;
  relevantExperienceYears?: number;
}
export interface MeasuringInstrument {
  name: string;
  serialNumber?: string;
  verifiedUntil: string;
}

export interface FireSpecialistsInput {
  specialists: Specialist[];
  education: EducationRecord[];
  employment: EmploymentRecord[];
  measuringInstruments: MeasuringInstrument[];
  /** `YYYY-MM-DD`: instruments must be verified on this day. */
  registeredOn: string;
}

export interface SpecialistVerdict {
  iin: string;
  qualified: boolean;
  /** Why not, in both languages; empty when qualified. */
  reasons: Array<{ kk: string; ru: string }>;
}

function normalise(s: string): string {
  return (
    s
      .toLowerCase()
      // Registries qualify names in brackets, e.g. «Электроснабжение (по отраслям)»: the specialty is the same.
      .replace(/\([^)]*\)/g, ' ')
      .replace(/[«»"'“”.,()]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** The listed specialty an education record is in, if any. */
export function listedSpecialty(
  e: EducationRecord,
  config: FireSpecialistsConfig = DEFAULT_FIRE_SPECIALISTS_CONFIG,
): FireSpecialty | undefined {
  const byCode = e.specialtyCode ? config.specialtyCodes[e.specialtyCode] : undefined;
  if (byCode) return FIRE_SPECIALTIES.find((s) => s.key === byCode);
  if (!e.specialtyName) return undefined;
  const name = normalise(e.specialtyName);
  return FIRE_SPECIALTIES.find((s) => [s.en, s.kk, s.ru].some((n) => normalise(n) === name));
}

function experienceYears(iin: string, employment: EmploymentRecord[]): number {
  return employment
    .filter((e) => e.iin === iin)
    .reduce((sum, e) => sum + (e.relevantExperienceYears ?? 0), 0);
}

export function assessSpecialist(
  sp: Specialist,
  input: Pick<FireSpecialistsInput, 'education' | 'employment'>,
  config: FireSpecialistsConfig = DEFAULT_FIRE_SPECIALISTS_CONFIG,
): SpecialistVerdict {
  const reasons: Array<{ kk: string; ru: string }> = [];
  if (!(sp.electricalClearanceGroup >= config.minimumClearanceGroup)) {
    reasons.push(both('rule.fire-specialists.clearance-group', { group: sp.electricalClearanceGroup }));
  }
  const years = experienceYears(sp.iin, input.employment);
  const records = input.education.filter((e) => e.iin === sp.iin);
  const educationOk = records.some((e) => {
    const specialty = listedSpecialty(e, config);
    if (!specialty) return false;
    if (e.level === 'higher') return years >= config.higherEducationYears;
    return years >= config.vocationalEducationYears;
  });
  if (!educationOk) {
    reasons.push(
      records.length === 0
        ? both('rule.fire-specialists.no-education')
        : both('rule.fire-specialists.no-listed-education', { years }),
    );
  }
  return { iin: sp.iin, qualified: reasons.length === 0, reasons };
}

export interface FireSpecialistsCheck extends CheckResult {
  qualifiedCount: number;
  verifiedInstrumentCount: number;
  specialists: SpecialistVerdict[];
}

/** Annex 2 row 10 items 2, 3 and 5; a failure cites ground 2 of row 11. */
export function checkFireSpecialists(
  input: FireSpecialistsInput,
  config: FireSpecialistsConfig = DEFAULT_FIRE_SPECIALISTS_CONFIG,
): FireSpecialistsCheck {
  const seen = new Set<string>();
  const unique = input.specialists.filter((s) => (seen.has(s.iin) ? false : (seen.add(s.iin), true)));
  const verdicts = unique.map((sp) => assessSpecialist(sp, input, config));
  const grounds: GroundFinding[] = [];
  for (const v of verdicts) {
    for (const r of v.reasons)
      grounds.push(
        finding('A02_PERMIT_REQUIREMENTS', {
          kk: t('kk', 'rule.fire-specialists.specialist', { iin: v.iin, reason: r.kk }),
          ru: t('ru', 'rule.fire-specialists.specialist', { iin: v.iin, reason: r.ru }),
        }),
      );
  }
  const qualifiedCount = verdicts.filter((v) => v.qualified).length;
  if (qualifiedCount < config.minimumSpecialists) {
    grounds.push(
      finding(
        'A02_PERMIT_REQUIREMENTS',
        both('rule.fire-specialists.too-few', {
          qualified: qualifiedCount,
          minimum: config.minimumSpecialists,
        }),
      ),
    );
  }
  // An instrument verified until the registration day is still verified on that day.
  const verifiedInstrumentCount = input.measuringInstruments.filter(
    (m) => m.verifiedUntil.slice(0, 10) >= input.registeredOn,
  ).length;
  if (verifiedInstrumentCount < config.minimumVerifiedInstruments) {
    grounds.push(
      finding(
        'A02_PERMIT_REQUIREMENTS',
        both('rule.fire-specialists.instruments', {
          verified: verifiedInstrumentCount,
          minimum: config.minimumVerifiedInstruments,
        }),
      ),
    );
  }
  // Individual findings are informative; the check fails only when too few qualify or no instrument.
  const passed =
    qualifiedCount >= config.minimumSpecialists &&
    verifiedInstrumentCount >= config.minimumVerifiedInstruments;
  return {
    passed,
    grounds: passed ? [] : grounds,
    qualifiedCount,
    verifiedInstrumentCount,
    specialists: verdicts,
  };
}
