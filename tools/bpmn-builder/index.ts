import type { Diagram } from './builder';
import { fireAutomationPermit } from './fire-automation-permit';
import { nationalCompanySecurityApproval } from './national-company-security-approval';
import { securityLicence } from './security-licence';
import { complaint, deliverResult, hearing, rulesChangeNotice } from './shared';
import { trainingCentreDesignation } from './training-centre-designation';

/** File name (without .bpmn) = process id. */
export const diagrams: Record<string, () => Diagram> = {
  hearing,
  'deliver-result': deliverResult,
  complaint,
  'rules-change-notice': rulesChangeNotice,
  'fire-automation-permit': fireAutomationPermit,
  'security-licence': securityLicence,
  'national-company-security-approval': nationalCompanySecurityApproval,
  'training-centre-designation': trainingCentreDesignation,
};
