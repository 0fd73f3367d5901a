/** Zeebe's `ExpressionProcessor`: FEEL expressions (`=...`, else a literal) evaluated with a scope's variables, within the engine's limits. */
import { evaluateExpression, FeelOptions } from '../../feel';
import type { Vars } from '../elements/processor';
import { StepFailure } from '../errors';
import type { EngineLimits } from '../limits';
import type { VariableBehaviour } from './variables';

export class ExpressionBehaviour {
  constructor(
    private readonly deps: {
      readonly vars: VariableBehaviour;
      readonly limits: () => EngineLimits;
      now(): number;
    },
  ) {}

  feelOptions(): FeelOptions {
    const limits = this.deps.limits();
    return {
      now: new Date(this.deps.now()),
      maxOutputBytes: limits.maxMessageBytes,
      timeoutMs: limits.feelTimeoutMs,
    };
  }

  /** Evaluates with the variables visible from a scope (and `extra` over them). */
  evalIn(expr: string, scopeKey: string, extra?: Vars): unknown {
    const visible = this.deps.vars.visible(scopeKey);
    return this.evalWith(expr, extra ? { ...visible, ...extra } : visible);
  }

  /** A failed evaluation is a StepFailure (EXTRACT_VALUE_ERROR), which becomes an incident. */
  evalWith(expr: string, vars: Vars): unknown {
    if (!expr.startsWith('=')) return expr;
    try {
      return evaluateExpression(expr.slice(1), vars, this.feelOptions());
    } catch (err) {
      throw new StepFailure('EXTRACT_VALUE_ERROR', (err as Error).message);
    }
  }
}
