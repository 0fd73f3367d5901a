import { z } from 'zod';
import {
  checkSecurityRequirements,
  DEFAULT_SECURITY_REQUIREMENTS_CONFIG,
  type SecurityRequirementsConfig,
} from '../domain/rules/security-requirements';
import { defineWorker } from './define';

const variables = z.object({
  subType: z.union([z.literal(1), z.literal(2)]),
  requestKind: z.enum(['issue', 'reissue', 'duplicate']),
  applicant: z.object({ bin: z.string() }),
  attachments: z.array(z.object({ kind: z.string(), fileName: z.string().optional() })).default([]),
  // Absent lookups count as "none owned": the rule reports it to the clerk.
  vehicles: z
    .array(
      z.object({ plate: z.string(), ownerBin: z.string(), registrationCertificate: z.string().nullish() }),
    )
    .nullish(),
  realEstate: z
    .array(
      z.object({
        ownerBin: z.string().optional(),
        kind: z.string().optional(),
        basis: z.string().optional(),
      }),
    )
    .nullish(),
});

/**
 * Service B: applies the sub-type 1 requirements and writes `securityRequirementsCheck`. Grounds
 * are data for the clerk; unreadable variables are an incident naming them. The thresholds are the
 * act's (no setting changes them).
 */
export default defineWorker({
  type: 'check-security-requirements',
  timeoutMs: 30_000,
  input: variables,
  config: (): SecurityRequirementsConfig => DEFAULT_SECURITY_REQUIREMENTS_CONFIG,
  async run(_job, v, config) {
    const result = checkSecurityRequirements(
      {
        subType: v.subType,
        requestKind: v.requestKind,
        applicantBin: v.applicant.bin,
        attachments: v.attachments,
        vehicles: v.vehicles ?? [],
        realEstate: v.realEstate ?? [],
      },
      config,
    );
    return { securityRequirementsCheck: result };
  },
});
