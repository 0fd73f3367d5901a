import type { Scope } from './builder';

/** Message every waiting element correlates on: the portal's application number. */
export const CORRELATION = '=applicationNumber';

export function camel(pascalName: string): string {
  return pascalName[0].toLowerCase() + pascalName.slice(1);
}

/** FEEL string literal. */
export function lit(value: string): string {
  return `="${value}"`;
}

/**
 * A legal term watched without cancelling the work: a non-interrupting timer on the step's
 * deadline tells the head, records the breach in monitoring (C9) and sets
 * `<step>DeadlineBreached = true`. The step itself carries on — a late answer is still owed.
 */
export function escalate(
  scope: Scope,
  host: string,
  o: { step: string; deadline: string; head: string; at: [number, number]; ref: string },
): string {
  const breachVar = `${camel(o.step)}DeadlineBreached`;
  const timer = scope.boundary(`Boundary_${o.step}TermBreached`, host, {
    name: 'Term expired',
    doc: `${o.ref}. The term of this step has run out (deadline variable ${o.deadline.slice(1)}); the step is not cancelled.`,
    event: { timeDate: o.deadline },
    interrupting: false,
  });
  const [c, r] = o.at;
  const notify = scope.service(`Task_Notify${o.step}Breach`, {
    name: 'Tell the head the term expired',
    doc: `${o.ref}. Escalation of a missed term to the head of the provider.`,
    at: [c, r],
    type: 'notify',
    headers: { template: 'deadline-breached', channel: 'internal' },
    inputs: [
      { source: o.head, target: 'recipientGroup' },
      { source: lit(camel(o.step)), target: 'breachedStep' },
    ],
  });
  const report = scope.service(`Task_Report${o.step}Breach`, {
    name: 'Record the breach in monitoring',
    doc: `Order 138 §4 part 9 (C9): every stage, including a missed term, is recorded in the monitoring system.`,
    at: [c + 1, r],
    type: 'report-stage',
    headers: { stage: 'deadline-breached', step: camel(o.step) },
    outputs: [{ source: '=true', target: breachVar }],
  });
  const end = scope.end(`End_${o.step}BreachRecorded`, {
    name: 'Breach recorded',
    doc: `${o.ref}. The escalation branch ends; the step it watched goes on.`,
    at: [c + 2, r],
  });
  scope.chain(timer, notify, report, end);
  return breachVar;
}

export function report(scope: Scope, id: string, stage: string, at: [number, number], name: string) {
  return scope.service(id, {
    name,
    doc: `Order 138 §4 part 9 (C9): the stage "${stage}" is recorded in the monitoring system of public services.`,
    at,
    type: 'report-stage',
    headers: { stage },
  });
}
