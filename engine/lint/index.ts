import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';

/**
 * Two uses of bpmnlint:
 * - the deploy gate (`gateDiagram`) rejects exactly what Zeebe 8.8 rejects: unreadable XML and the
 *   errors of camunda-compat's `camunda-cloud-8-8` configuration, which is how Camunda Modeler
 *   predicts Zeebe's validation. Layout (DI) is ignored, as Zeebe ignores it.
 * - modelling advice (`lintDiagram`: `npm run lint`, the designer, `npm run deploy`) reads the
 *   configuration Camunda Modeler and the bpmnlint CLI read from `bpmn/.bpmnlintrc` (recommended
 *   rules + camunda-compat); findings of the general `recommended` rules are warnings only, since
 *   Zeebe deploys such diagrams (unnamed events, missing layout, flows given only by
 *   sourceRef/targetRef).
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

/** Zeebe 8.8's validation as camunda-compat states it (errors reject, warnings are advice). */
export const GATE_CONFIG = { extends: 'plugin:camunda-compat/camunda-cloud-8-8' } as const;

let lintConfig: object | undefined;
/**
 * A fresh Linter per diagram: bpmnlint caches rule instances and some rules keep state in them
 * (no-duplicate-sequence-flows), which would leak findings from one diagram into the next.
 */
function createLinter(config?: object): LinterInstance {
  const { Linter } = moduleRequire('bpmnlint') as { Linter: new (options: object) => LinterInstance };
  const NodeResolver = moduleRequire('bpmnlint/lib/resolver/node-resolver') as new (
    options: object,
  ) => object;
  lintConfig ??= JSON.parse(readFileSync(LINT_CONFIG_PATH, 'utf8')) as object;
  // Resolve rule packages from here rather than from the process's working directory.
  return new Linter({
    config: config ?? lintConfig,
    resolver: new NodeResolver({ require: moduleRequire }),
  });
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

interface Parsed {
  definitions?: { diagrams?: { plane?: { bpmnElement?: unknown } }[] };
  problems: LintProblem[];
}

async function parse(xml: string): Promise<Parsed> {
  const problems: LintProblem[] = [];
  try {
    const result = await getModdle().fromXML(xml, 'bpmn:Definitions');
    for (const warning of result.warnings ?? []) {
      problems.push({
        elementId: warning.element?.id ?? '',
        rule: 'parse',
        message: warning.message,
        severity: 'warn',
      });
    }
    return { definitions: result.rootElement as Parsed['definitions'], problems };
  } catch (err) {
    return {
      problems: [
        {
          elementId: '',
          rule: 'parse',
          message: `not a readable BPMN document: ${(err as Error).message}`,
          severity: 'error',
        },
      ],
    };
  }
}

async function run(
  definitions: unknown,
  config: object | undefined,
  severityOf: (rule: string, category: LintReport['category']) => LintProblem['severity'],
): Promise<LintProblem[]> {
  const problems: LintProblem[] = [];
  const results = await createLinter(config).lint(definitions);
  for (const [rule, reports] of Object.entries(results)) {
    for (const report of reports) {
      problems.push({
        elementId: report.id ?? '',
        rule,
        message: report.message,
        severity: severityOf(rule, report.category),
      });
    }
  }
  return problems;
}

// A rule that crashed must not let a diagram through.
const gateSeverity = (_rule: string, category: LintReport['category']): LintProblem['severity'] =>
  category === 'error' || category === 'rule-error' ? 'error' : 'warn';

/**
 * The deploy gate: what Zeebe 8.8 rejects. An unreadable document yields a single problem with
 * rule `parse`; otherwise camunda-compat 8.8's findings, over the process model without its layout.
 */
export async function gateDiagram(xml: string): Promise<LintProblem[]> {
  const { definitions, problems } = await parse(xml);
  if (!definitions) return problems;
  // Zeebe never reads the layout: a plane that points at a missing element must not matter.
  const layout = definitions.diagrams;
  definitions.diagrams = [];
  try {
    return [...problems, ...(await run(definitions, GATE_CONFIG, gateSeverity))];
  } finally {
    definitions.diagrams = layout;
  }
}

/** The smallest diagram Zeebe deploys: a process with one start event. */
const MINIMAL_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="warm-up" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="warm-up" isExecutable="true"><bpmn:startEvent id="start" /></bpmn:process>
</bpmn:definitions>`;

/**
 * Loads what the gate needs (bpmn-moddle, bpmnlint and every rule of the 8.8 configuration) by
 * gating a minimal diagram. bpmnlint requires its rules on first use: without this, a freshly
 * started engine's first deployment held its event loop 100–150 ms while the rules loaded, and
 * every request in flight (job activations among them) waited for it. The engine runs it while it
 * starts, before it serves anything.
 */
export async function warmGate(): Promise<void> {
  const problems = await gateDiagram(MINIMAL_DIAGRAM);
  if (problems.some((p) => p.severity === 'error'))
    throw new Error(`the deploy gate rejects a minimal diagram:\n${formatLintProblems(problems)}`);
}

/**
 * Modelling advice for `npm run lint` and the designer: the gate's findings, plus bpmnlint's
 * `recommended` rules as warnings. A layout plane that points at a missing element is left out.
 */
export async function lintDiagram(xml: string): Promise<LintProblem[]> {
  const gate = await gateDiagram(xml);
  const { definitions } = await parse(xml);
  if (!definitions) return gate;
  definitions.diagrams = (definitions.diagrams ?? []).filter((d) => d.plane?.bpmnElement);
  const seen = new Set(gate.map((p) => `${p.rule}|${p.elementId}|${p.message}`));
  const advice = (await run(definitions, undefined, () => 'warn')).filter(
    (p) => !seen.has(`${p.rule}|${p.elementId}|${p.message}`),
  );
  return [...gate, ...advice];
}

/** One line per problem: `elementId: message (rule)`. */
export function formatLintProblems(problems: LintProblem[]): string {
  return problems.map((p) => `${p.elementId || '(document)'}: ${p.message} (${p.rule})`).join('\n');
}
