import { both } from '../../i18n';
import { REFUSAL_GROUNDS } from '../rules/refusal-grounds';
import type { DocumentFacts } from './types';

/**
 * Labels of the completeness form's checkboxes (`forms/completeness-check.form`): a box left
 * unticked (`false`) names a document missing from the package.
 */
const PACKAGE_DOCUMENTS: Record<string, { kk: string; ru: string }> = {
  docApplication: both('document.package.application'),
  docSpecialists: both('document.package.specialists'),
  docEmploymentContracts: both('document.package.employment-contracts'),
  docPremises: both('document.package.premises'),
  docMeasuringInstruments: both('document.package.measuring-instruments'),
  docCentralPostPremises: both('document.package.central-post-premises'),
  docMonitoringConsole: both('document.package.monitoring-console'),
  docRadioPermit: both('document.package.radio-permit'),
  docResponseGroups: both('document.package.response-groups'),
  docVehicles: both('document.package.vehicles'),
  docInspectionAct: both('document.package.inspection-act'),
  docTeachers: both('document.package.teachers'),
  docCurricula: both('document.package.curricula'),
  docShootingRange: both('document.package.shooting-range'),
  docAntimonopolyConsent: both('document.package.antimonopoly-consent'),
  docConstituent: both('document.package.constituent'),
  docObjectsList: both('document.package.objects-list'),
};

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * Process variables as the forms leave them (flat: `hearingAt`, `decision: 'approve'`,
 * `complaintAnswer: '…'`, unticked `doc*` boxes) folded into the document facts' shape
 * (`hearing.at`, `decision.approved`, `complaintAnswer.text`, `missingDocuments`).
 * Facts already in that shape win; nothing is invented.
 */
export function factsFromVariables(variables: Readonly<Record<string, unknown>>): DocumentFacts {
  const facts: Record<string, unknown> = { ...variables };

  if (!isObject(variables.hearing)) {
    const hearing: Record<string, unknown> = {};
    if (present(variables.hearingAt)) hearing.at = variables.hearingAt;
    if (present(variables.hearingPlace)) hearing.place = variables.hearingPlace;
    if (present(variables.hearingMethod)) hearing.method = variables.hearingMethod;
    if (present(variables.applicantPositionSummary))
      hearing.applicantPosition = variables.applicantPositionSummary;
    if (present(variables.hearingReasons)) hearing.conclusion = variables.hearingReasons;
    if (Object.keys(hearing).length > 0) facts.hearing = hearing;
  }

  // The signature form's `decision` says whether the head signed ('approve') or returned the draft
  // ('refuse'); it is not the decision on the application. `deliver-result` records `signedAt` when
  // it forms the signed document again, and only then do the signer's name and date appear.
  if (typeof variables.decision === 'string') {
    delete facts.decision;
    if (variables.decision === 'approve' && present(variables.signedAt)) {
      const decision: Record<string, unknown> = { signedAt: variables.signedAt };
      if (present(variables.signerName)) decision.signedBy = variables.signerName;
      facts.decision = decision;
    }
  }

  // The compliance-study form records ground codes; documents quote the catalogue's ground.
  if (Array.isArray(variables.refusalGrounds)) {
    facts.refusalGrounds = variables.refusalGrounds.map((g) => {
      const ground = typeof g === 'string' ? REFUSAL_GROUNDS.find((r) => r.code === g) : undefined;
      return ground
        ? { code: ground.code, ruleRef: ground.ruleRef, textKk: ground.textKk, textRu: ground.textRu }
        : g;
    });
  }

  if (typeof variables.complaintAnswer === 'string') {
    const upheld = variables.complaintUpheld;
    facts.complaintAnswer = {
      text: variables.complaintAnswer,
      ...(present(upheld) ? { upheld: upheld === true || upheld === 'true' } : {}),
    };
  }
  if (typeof variables.complaint === 'string') facts.complaint = { text: variables.complaint };
  // The complaint process carries the complaint's own registration date in `registeredOn`.
  if (isObject(facts.complaint) && !present(facts.complaint.receivedAt) && present(variables.registeredOn)) {
    facts.complaint = { ...facts.complaint, receivedAt: variables.registeredOn };
  }

  // The completeness form names expired documents by their box (`doc*`); documents quote their names.
  if (Array.isArray(variables.expiredDocuments)) {
    facts.expiredDocuments = variables.expiredDocuments.map((d) =>
      typeof d === 'string' && d in PACKAGE_DOCUMENTS ? PACKAGE_DOCUMENTS[d] : d,
    );
  }
  if (!Array.isArray(variables.missingDocuments)) {
    const missing = Object.entries(PACKAGE_DOCUMENTS)
      .filter(([key]) => variables[key] === false)
      .map(([, label]) => label);
    if (missing.length > 0) facts.missingDocuments = missing;
  }
  return facts;
}
