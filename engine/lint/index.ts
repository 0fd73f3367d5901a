import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';

/**
 * The deploy gate: the same bpmnlint configuration Camunda Modeler and the bpmnlint CLI read from
 * `bpmn/.bpmnlintrc` (recommended rules + camunda-compat for Camunda 8.8).
 */

export interface LintProblem {
  elementId: string;
  rule: string;
  message: string;
  severity: 'error' | 'warn';
}

/** Where the shared configuration lives, relative to this module. */
export const LINT_CONFIG_PATH = path.resolve(__dirname, '../../bpmn/.bpmnlintrc');

// bpmnlint and bpmn-moddle ship without TypeScript declarations for their entry points; these
// are the parts used here.
interface LintReport {
  id?: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}
interface LinterInstance {
  lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
}
interface ModdleInstance {
  fromXML(
    xml: string,
    typeName?: string,
  ): Promise<{ rootElement: unknown; warnings?: { message: string; element?: { id?: string } }[] }>;
}

const moduleRequire = createRequire(__filename);

let lintConfig: object | undefined;
/**
 * A fresh Linter per diagram: bpmnlint caches rule instances and some rules keep state in them
 * (no-duplicate-sequence-flows), which would leak findings from one diagram into the next.
 */
function createLinter(): LinterInstance {
  const { Linter } = moduleRequire('bpmnlint') as { Linter: new (options: object) => LinterInstance };
  const NodeResolver = moduleRequire('bpmnlint/lib/resolver/node-resolver') as new (
    options: object,
  ) => object;
  lintConfig ??= JSON.parse(readFileSync(LINT_CONFIG_PATH, 'utf8')) as object;
  // Resolve rule packages from here rather than from the process's working directory.
  return new Linter({ config: lintConfig, resolver: new NodeResolver({ require: moduleRequire }) });
}

let moddle: ModdleInstance | undefined;
function getModdle(): ModdleInstance {
  if (!moddle) {
    const { BpmnModdle } = moduleRequire('bpmn-moddle') as {
      BpmnModdle: new (packages: object) => ModdleInstance;
    };
    moddle = new BpmnModdle({ zeebe: zeebeDescriptor });
  }
  return moddle;
}

/** Lints BPMN XML; an unreadable document yields a single problem with rule `parse`. */
export async function lintDiagram(xml: string): Promise<LintProblem[]> {
  let definitions: unknown;
  const problems: LintProblem[] = [];
  try {
    const result = await getModdle().fromXML(xml, 'bpmn:Definitions');
    definitions = result.rootElement;
    for (const warning of result.warnings ?? []) {
      problems.push({
        elementId: warning.element?.id ?? '',
        rule: 'parse',
        message: warning.message,
        severity: 'warn',
      });
    }
  } catch (err) {
    return [
      {
        elementId: '',
        rule: 'parse',
        message: `not a readable BPMN document: ${(err as Error).message}`,
        severity: 'error',
      },
    ];
  }
  const results = await createLinter().lint(definitions);
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      problems.push({
        elementId: report.id ?? '',
        rule,
        message: report.message,
        // A rule that crashed must not let a diagram through.
        severity: report.category === 'error' || report.category === 'rule-error' ? 'error' : 'warn',
      });
    }
  }
  return problems;
}

/** One line per problem: `elementId: message (rule)`. */
export function formatLintProblems(problems: LintProblem[]): string {
  return problems.map((p) => `${p.elementId || '(document)'}: ${p.message} (${p.rule})`).join('\n');
}
