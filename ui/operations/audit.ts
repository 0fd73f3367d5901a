/**
 * The operators' log: what an operator did to a running application and why, kept in the
 * application database (`adapters/db/web-state.ts`) and read by every replica. Nothing is edited.
 */
export type { OperatorAction, OperatorAuditLog } from '../../adapters/db/web-state';
export { createOperatorLogRepository as createOperatorAuditLog } from '../../adapters/db/web-state';
