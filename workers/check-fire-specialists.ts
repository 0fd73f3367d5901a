import { z } from 'zod';
import {
  checkFireSpecialists,
  DEFAULT_FIRE_SPECIALISTS_CONFIG,
  listedSpecialty,
  type FireSpecialistsConfig,
  type FireSpecialistsInput,
} from '../domain/rules/fire-specialists';
import { defineWorker } from './define';

const variables = z.object({
  registeredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}/),
  specialists: z.array(
    z.object({ iin: z.string(), fullName: z.string().optional(), electricalClearanceGroup: z.number() }),
  ),
  measuringInstruments: z
    .array(z.object({ name: z.string(), serialNumber: z.string().optional(), verifiedUntil: z.string() }))
    .default([]),
  // Missing lookups mean "nothing found", which the rule reports as a ground, not a failure.
  education: z
    .array(
      z.object({
        iin: z.string(),
        level: z.enum(['higher', 'technical-vocational']),
        specialtyCode: z.string().optional(),
        specialtyName: z.string().optional(),
      }),
    )
    .nullish(),
  employment: z
    .array(z.object({ iin: z.string(), relevantExperienceYears: z.number().optional() }))
    .nullish(),
});

/**
 * What the check saw for each specialist, as data a refusal can state (Order 138 Annex 2 row 7: a
 * reasoned refusal): clearance group, the education records with their specialty, the relevant
 * experience and the experience the best education record calls for, and the thresholds applied.
 */
function recordedFacts(
  input: FireSpecialistsInput,
  config: FireSpecialistsConfig,
  verdicts: ReadonlyArray<{ iin: string; qualified: boolean }>,
) {
  const findings = verdicts.map((v) => {
    const sp = input.specialists.find((s) => s.iin === v.iin)!;
    const records = input.education.filter((e) => e.iin === v.iin);
    const listed = records.filter((e) => listedSpecialty(e, config));
    const experienceYears = input.employment
      .filter((e) => e.iin === v.iin)
      .reduce((sum, e) => sum + (e.relevantExperienceYears ?? 0), 0);
    const higher = listed.some((e) => e.level === 'higher');
    return {
      iin: v.iin,
      fullName: sp.fullName ?? null,
      qualified: v.qualified,
      electricalClearanceGroup: sp.electricalClearanceGroup,
      minimumClearanceGroup: config.minimumClearanceGroup,
      education: records.map((e) => ({
        level: e.level,
        specialty: e.specialtyName ?? e.specialtyCode ?? null,
      })),
      listedSpecialty: listed.length > 0,
      experienceYears,
      // Experience counts only with a listed specialty; without one there is nothing to compare.
      requiredExperienceYears:
        listed.length === 0 ? null : higher ? config.higherEducationYears : config.vocationalEducationYears,
    };
  });
  return {
    findings,
    minimumSpecialists: config.minimumSpecialists,
    minimumVerifiedInstruments: config.minimumVerifiedInstruments,
  };
}

/**
 * Service A: applies the specialists and instruments rule and writes `specialistsCheck`. Grounds are
 * data for the clerk's study, never a BPMN error. The number of qualified specialists required is
 * the setting FIRE_MIN_QUALIFIED_SPECIALISTS (`rules.fireMinQualifiedSpecialists`); the other
 * thresholds are the act's.
 */
export default defineWorker({
  type: 'check-fire-specialists',
  timeoutMs: 30_000,
  input: variables,
  config: (deps) => ({ minimumSpecialists: deps.rules.fireMinQualifiedSpecialists }),
  async run(_job, v, slice) {
    const config: FireSpecialistsConfig = { ...DEFAULT_FIRE_SPECIALISTS_CONFIG, ...slice };
    const input: FireSpecialistsInput = {
      specialists: v.specialists,
      measuringInstruments: v.measuringInstruments,
      education: v.education ?? [],
      employment: v.employment ?? [],
      registeredOn: v.registeredOn.slice(0, 10),
    };
    const result = checkFireSpecialists(input, config);
    return { specialistsCheck: { ...result, ...recordedFacts(input, config, result.specialists) } };
  },
});
