import { readFileSync } from 'node:fs';
import path from 'node:path';

/** One lint finding, shaped like `deploy/deploy.ts`'s LintProblem so both gates read alike. */
export interface LintProblem {
  elementId: string;
  rule: string;
  message: string;
  severity: 'error' | 'warn';
}
export type LintDiagram = (xml: string) => Promise<LintProblem[]>;

const DEFAULT_CONFIG = { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'] };

/**
 * bpmnlint with the deploy gate's configuration (`bpmn/.bpmnlintrc` when present). Used for live
 * lint in the designer when `engine/lint` is not available in this checkout.
 */
export function createBpmnlint(repoDir: string): LintDiagram {
  // bpmnlint ships CommonJS without types; required lazily so pages that never lint do not load it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Linter } = require('bpmnlint') as {
    Linter: new (o: unknown) => {
      lint(root: unknown): Promise<Record<string, { id?: string; message: string; category: string }[]>>;
    };
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json') as object;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { BpmnModdle } = require('bpmn-moddle') as {
    BpmnModdle: new (p: object) => {
      fromXML(
        xml: string,
      ): Promise<{ rootElement: unknown; warnings: { message: string; element?: { id?: string } }[] }>;
    };
  };
  let config: unknown = DEFAULT_CONFIG;
  try {
    config = JSON.parse(readFileSync(path.join(repoDir, 'bpmn', '.bpmnlintrc'), 'utf8'));
  } catch {
    // no project configuration: the default is the deploy gate's documented one
  }
  const linter = new Linter({ config, resolver: new NodeResolver() });
  return async (xml) => {
    const moddle = new BpmnModdle({ zeebe });
    const { rootElement, warnings } = await moddle.fromXML(xml);
    const problems: LintProblem[] = warnings.map((w) => ({
      elementId: w.element?.id ?? '',
      rule: 'parse',
      message: w.message,
      severity: 'error',
    }));
    const results = await linter.lint(rootElement);
    for (const [rule, reports] of Object.entries(results)) {
      for (const r of reports) {
        if (r.category === 'off' || r.category === 'info') continue;
        problems.push({
          elementId: r.id ?? '',
          rule,
          message: r.message,
          severity: r.category === 'warn' ? 'warn' : 'error',
        });
      }
    }
    return problems;
  };
}
