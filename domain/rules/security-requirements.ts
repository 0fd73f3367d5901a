import { both } from '../../i18n';
import { listRef } from './legal-ref';
import { finding, type CheckResult, type GroundFinding } from './refusal-grounds';

/**
 * Service B, List row 8 items 1–3 (MIA Order 261 as amended by 923): what a sub-type 1 licence
 * (guarding objects vulnerable to terrorism) needs beyond the application. Sub-type 2 and
 * duplicates need the application only.
 */

/** Attachment kinds the portal uses for the sub-type 1 documents. */
export const SECURITY_DOCUMENT_KINDS = {
  premisesLease: 'central-post-premises-lease',
  consoleStaffing: 'monitoring-console-staffing',
  consoleTechnicalDocs: 'monitoring-console-technical-docs',
  radioPermit: 'radio-frequency-permit',
  radioContract: 'radio-subscriber-contract',
  responseGroupOrders: 'response-group-orders',
  vehicleCertificates: 'vehicle-registration-certificates',
} as const;

export interface SecurityRequirementsConfig {
  /** List row 8 item 1: "at least two vehicles" owned. */
  minimumOwnedVehicles: number;
}

export const DEFAULT_SECURITY_REQUIREMENTS_CONFIG: SecurityRequirementsConfig = { minimumOwnedVehicles: 2 };

export interface SecurityRequirementsInput {
  subType: 1 | 2;
  requestKind: 'issue' | 'reissue' | 'duplicate';
  applicantBin: string;
  attachments: Array<{ kind: string; fileName?: string }>;
  vehicles: Array<{ plate: string; ownerBin: string; registrationCertificate?: string | null }>;
  realEstate: Array<{ ownerBin?: string; kind?: string; basis?: string }>;
}

export interface SecurityRequirementsCheck extends CheckResult {
  ownedVehicleCount: number;
  /** Documents required for this application, by attachment kind. */
  requiredDocuments: string[];
  /**
   * Sub-type 1 documents not attached (Order 923 §6–§7; List row 8 item 1): an incomplete package,
   * for the clerk's refusal of further consideration, never refusal ground 13.
   */
  missingDocuments: MissingDocument[];
}

/** A List row 8 item 1 document the package lacks, with its completeness-form box (`doc*`). */
export interface MissingDocument {
  /** The box of the completeness form (and of the refusal's list) this document belongs to. */
  key: string;
  kinds: string[];
  kk: string;
  ru: string;
}

/** Order 923, licence rules, Annex 1 (List) row 8 item 1: the sub-type 1 requirements. */
const ROW8 = listRef('security-licence', 8, { item: 1 });

/** List row 8 item 1, sub-type 1: the documents besides the application; vehicles are looked up. */
export const SUB_TYPE_ONE_DOCUMENTS: readonly MissingDocument[] = [
  {
    key: 'docMonitoringConsole',
    kinds: [SECURITY_DOCUMENT_KINDS.consoleStaffing],
    ...both('rule.security.document.console-staffing'),
  },
  {
    key: 'docMonitoringConsole',
    kinds: [SECURITY_DOCUMENT_KINDS.consoleTechnicalDocs],
    ...both('rule.security.document.console-technical'),
  },
  {
    key: 'docRadioPermit',
    kinds: [SECURITY_DOCUMENT_KINDS.radioPermit, SECURITY_DOCUMENT_KINDS.radioContract],
    ...both('rule.security.document.radio'),
  },
  {
    key: 'docResponseGroups',
    kinds: [SECURITY_DOCUMENT_KINDS.responseGroupOrders],
    ...both('rule.security.document.response-groups'),
  },
];

/** The premises documents, asked for only when the central post's premises are leased. */
export function premisesDocument(premisesOwned: boolean | undefined): MissingDocument {
  return {
    key: 'docCentralPostPremises',
    kinds: [SECURITY_DOCUMENT_KINDS.premisesLease],
    ...both(
      premisesOwned === false
        ? 'rule.security.document.premises-leased'
        : 'rule.security.document.premises-if-leased',
    ),
  };
}

// Before the real-estate lookup (premisesOwned unknown) the premises documents are listed with their condition.
function required(premisesOwned: boolean | undefined): MissingDocument[] {
  return premisesOwned === true
    ? [...SUB_TYPE_ONE_DOCUMENTS]
    : [premisesDocument(premisesOwned), ...SUB_TYPE_ONE_DOCUMENTS];
}

export interface PackageDocumentsInput {
  subType: 1 | 2;
  requestKind: 'issue' | 'reissue' | 'duplicate';
  attachments: Array<{ kind: string; fileName?: string }>;
  /** From the real-estate lookup; undefined before it (at the completeness check). */
  premisesOwned?: boolean;
}

/**
 * Order 923 §6–§7 (spec C5); List row 8 item 1: the sub-type 1 documents (issue, re-issue) the
 * package lacks. Sub-type 2 and duplicates need the application only.
 */
export function missingSubTypeOneDocuments(input: PackageDocumentsInput): MissingDocument[] {
  if (input.subType === 2 || input.requestKind === 'duplicate') return [];
  const present = new Set(input.attachments.map((a) => a.kind));
  return required(input.premisesOwned).filter((r) => !r.kinds.some((k) => present.has(k)));
}

/**
 * Sub-type 1 after the lookups: fewer than two owned, registered vehicles is refusal ground 13
 * (objects not meeting the Law); missing documents are reported as incompleteness only.
 */
export function checkSecurityRequirements(
  input: SecurityRequirementsInput,
  config: SecurityRequirementsConfig = DEFAULT_SECURITY_REQUIREMENTS_CONFIG,
): SecurityRequirementsCheck {
  const ownedVehicleCount = input.vehicles.filter(
    (v) => v.ownerBin === input.applicantBin && Boolean(v.registrationCertificate),
  ).length;
  if (input.subType === 2 || input.requestKind === 'duplicate') {
    return { passed: true, grounds: [], ownedVehicleCount, requiredDocuments: [], missingDocuments: [] };
  }
  const premisesOwned = input.realEstate.some((r) => r.ownerBin === input.applicantBin);
  const missingDocuments = missingSubTypeOneDocuments({ ...input, premisesOwned });
  const grounds: GroundFinding[] = [];
  if (ownedVehicleCount < config.minimumOwnedVehicles) {
    grounds.push({
      ...finding(
        'B13_SECURITY_LAW_NON_COMPLIANCE',
        both('rule.security.vehicles-short', {
          owned: ownedVehicleCount,
          minimum: config.minimumOwnedVehicles,
        }),
      ),
      ruleRef: ROW8,
    });
  }
  return {
    passed: grounds.length === 0,
    grounds,
    ownedVehicleCount,
    requiredDocuments: required(premisesOwned).map((r) => r.kinds.join('|')),
    missingDocuments,
  };
}
