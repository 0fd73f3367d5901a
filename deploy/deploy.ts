/**
 * Deploys every diagram (`bpmn/*.bpmn`) and form (`forms/*.form`), each as its own deployment, after
 * linting them, through the official client. The same code serves `npm run deploy` against a Camunda
 * 8.8 cluster and `npm start` on the embedded engine.
 *
 * A resource with a lint error (or one the engine refuses) is not deployed and is reported with its
 * file, element and reason; every other resource is still deployed, and the version of the bad one
 * deployed before keeps running. An unchanged resource is not a new version (the engine compares it
 * with its latest version).
 *
 *   npm run deploy -- [--address <url>] [--dir <repo root>] [--dry-run]
 *
 * Exit codes: 0 deployed (or dry run clean), 1 some resource refused (the rest deployed) or failed,
 * 2 usage error.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { orchestrationClient } from '../config/camunda';
import { ConfigError, loadConfig, type AppConfig, type Env } from '../config/schema';
import type { LintProblem } from '../engine/lint/index';

export type { LintProblem };
export type LintDiagram = (xml: string) => Promise<LintProblem[]>;

/** A lint problem with the file it was found in, relative to the deployed directory. */
export interface FileLintProblem extends LintProblem {
  file: string;
}

export interface ResourceFile {
  /** Path relative to `dir`, e.g. `bpmn/fire-permit.bpmn`. */
  path: string;
  kind: 'bpmn' | 'form';
  content: string;
}

/** The part of the Orchestration Cluster API client this script uses (a `CamundaClient` fits). */
export interface DeployClient {
  createDeployment(input: { resources: File[] }): PromiseLike<{
    deploymentKey: string;
    processes: Array<{
      processDefinitionId: string;
      processDefinitionVersion: number;
      processDefinitionKey: string;
      resourceName: string;
    }>;
    forms: Array<{ formId?: string; version?: number; formKey?: string; resourceName?: string }>;
  }>;
  /** When present, a refused diagram's running version is looked up and reported. */
  searchProcessDefinitions?(
    input: { filter: { processDefinitionId: string; isLatestVersion: boolean } },
    c: { consistency: { waitUpToMs: number } },
  ): PromiseLike<{ items?: Array<{ version?: number; processDefinitionKey?: unknown }> }>;
}

/** A diagram that was not deployed, and the version of its process that keeps running (if any). */
export interface KeptVersion {
  file: string;
  processId: string;
  /** The latest deployed version, which stays in use; undefined when none was ever deployed. */
  runningVersion?: number;
}

export interface DeployReport {
  address: string;
  dryRun: boolean;
  /** Resource paths relative to `dir`, in deployment order. */
  resources: string[];
  /** Lint warnings: reported, never blocking. */
  warnings: FileLintProblem[];
  /** Why resources were not deployed: lint errors and the engine's refusals, per file and element. */
  refused: FileLintProblem[];
  /** For each refused diagram, the version of its process that keeps running. */
  kept: KeptVersion[];
  deploymentKey?: string;
  processes: Array<{ id: string; version: number; key: string; resource: string }>;
  forms: Array<{ id: string; version: number; key?: string; resource?: string }>;
}

export interface DeployOptions {
  /** REST address without `/v2`; defaults to `config.camunda.restAddress`. */
  address?: string;
  /** Directory holding `bpmn/` and `forms/`; defaults to the repository root. */
  dir?: string;
  log?: (line: string) => void;
  /** Lint only; nothing is sent. */
  dryRun?: boolean;
  /** Auth and defaults; `loadConfig(process.env)` when omitted. */
  config?: AppConfig;
  /** Injected in tests; otherwise built from `config` with the official SDK. */
  client?: DeployClient;
  /** Injected in tests; otherwise `lintDiagram` from `engine/lint`. */
  lint?: LintDiagram;
}

/** Raised for a bad invocation (exit code 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const REPO_ROOT = resolve(__dirname, '..');

const RESOURCE_FOLDERS = [
  { folder: 'bpmn', ext: '.bpmn', kind: 'bpmn' },
  { folder: 'forms', ext: '.form', kind: 'form' },
] as const;

/**
 * Diagrams then forms, each sorted by name, so the deployment is reproducible; a diagram whose
 * process another one calls (a call activity's static `processId`) goes before its caller, so the
 * caller's deployment finds it (the engine notes a call to a process not yet deployed).
 */
export async function findResources(dir: string): Promise<ResourceFile[]> {
  const found = await resourcesByName(dir);
  return [...calleesFirst(found.filter((r) => r.kind === 'bpmn')), ...found.filter((r) => r.kind !== 'bpmn')];
}

const PROCESS_ID = /<(?:[\w-]+:)?process\b[^>]*?\sid="([^"]+)"/g;
const CALLED_ID = /<zeebe:calledElement\b[^>]*?\sprocessId="([^"=][^"]*)"/g;

/**
 * The diagrams in name order, except that each one comes after the diagrams defining the processes
 * it calls; diagrams calling each other in a cycle keep their name order.
 */
export function calleesFirst(diagrams: ResourceFile[]): ResourceFile[] {
  const definedIn = new Map<string, ResourceFile>();
  for (const d of diagrams) for (const [, id] of d.content.matchAll(PROCESS_ID)) definedIn.set(id, d);
  const callees = (d: ResourceFile) =>
    [...d.content.matchAll(CALLED_ID)].map(([, id]) => definedIn.get(id)).filter((c) => c && c !== d);
  const needs = new Map(diagrams.map((d) => [d, callees(d)]));
  const placed: ResourceFile[] = [];
  const left = [...diagrams];
  while (left.length) {
    const ready = left.findIndex((d) => needs.get(d)!.every((callee) => placed.includes(callee!)));
    placed.push(...left.splice(ready === -1 ? 0 : ready, 1));
  }
  return placed;
}

async function resourcesByName(dir: string): Promise<ResourceFile[]> {
  const found: ResourceFile[] = [];
  for (const { folder, ext, kind } of RESOURCE_FOLDERS) {
    let names: string[];
    try {
      names = await readdir(join(dir, folder));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw err;
    }
    for (const name of names.filter((n) => n.endsWith(ext)).sort()) {
      const path = `${folder}/${name}`;
      found.push({ path, kind, content: await readFile(join(dir, path), 'utf8') });
    }
  }
  return found;
}

/** Loaded on first use: a forms-only run, or a test with its own linter, need not load bpmnlint. */
async function defaultLint(): Promise<LintDiagram> {
  const { lintDiagram } = await import('../engine/lint/index');
  return lintDiagram;
}

/**
 * Checks a form the way the engine will use it: JSON with a string `id`, the key user tasks link to.
 */
function lintForm(content: string): LintProblem[] {
  let form: unknown;
  try {
    form = JSON.parse(content);
  } catch (err) {
    return [
      {
        elementId: '',
        rule: 'form-json',
        message: `not valid JSON: ${(err as Error).message}`,
        severity: 'error',
      },
    ];
  }
  const id = (form as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || id === '') {
    return [
      {
        elementId: '',
        rule: 'form-id',
        message: 'form has no "id"; user tasks link forms by it',
        severity: 'error',
      },
    ];
  }
  return [];
}

const formIdOf = (content: string): string | undefined => {
  try {
    const id = (JSON.parse(content) as { id?: unknown }).id;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Linked forms are resolved when a user task is created, not at deployment, so a missing form would
 * only surface as an incident on a live application: catch it here instead.
 */
function lintFormLinks(resources: ResourceFile[]): FileLintProblem[] {
  const formIds = new Set(resources.filter((r) => r.kind === 'form').map((r) => formIdOf(r.content)));
  const problems: FileLintProblem[] = [];
  for (const r of resources.filter((x) => x.kind === 'bpmn')) {
    const tasks = r.content.matchAll(/<bpmn:userTask\b[^>]*\bid="([^"]+)"[\s\S]*?<\/bpmn:userTask>/g);
    for (const [task, elementId] of tasks) {
      const formId = /<zeebe:formDefinition\b[^>]*\bformId="([^"]+)"/.exec(task)?.[1];
      if (formId !== undefined && !formIds.has(formId)) {
        problems.push({
          file: r.path,
          elementId,
          rule: 'form-exists',
          message: `form "${formId}" is not in forms/ (deployed together with the diagrams)`,
          severity: 'error',
        });
      }
    }
  }
  return problems;
}

export async function lintResources(
  resources: ResourceFile[],
  lint?: LintDiagram,
): Promise<FileLintProblem[]> {
  const problems: FileLintProblem[] = [];
  const lintDiagram = resources.some((r) => r.kind === 'bpmn') ? (lint ?? (await defaultLint())) : undefined;
  for (const r of resources) {
    const found = r.kind === 'bpmn' && lintDiagram ? await lintDiagram(r.content) : lintForm(r.content);
    problems.push(...found.map((p) => ({ ...p, file: r.path })));
  }
  problems.push(...lintFormLinks(resources));
  return problems;
}

/** `file  elementId  severity  rule  message`, one line each: what an editor or a CI log can point at. */
export function formatFileProblems(problems: readonly FileLintProblem[]): string {
  return problems
    .map((p) => `  ${p.file}  ${p.elementId || '-'}  ${p.severity}  ${p.rule}  ${p.message}`)
    .join('\n');
}

async function sdkClient(config: AppConfig, address: string): Promise<DeployClient> {
  return orchestrationClient({ ...config, camunda: { ...config.camunda, restAddress: address } }, {});
}

const CONTENT_TYPE = { bpmn: 'application/xml', form: 'application/json' } as const;

/** The process id a diagram declares (its first process), read without parsing all of it. */
export function processIdOf(xml: string): string | undefined {
  return /<(?:bpmn:)?process\b[^>]*\bid="([^"]+)"/.exec(xml)?.[1];
}

/**
 * Lints every resource, then deploys each good one as its own deployment; a resource with a lint
 * error, or one the engine refuses, is reported and skipped, and the rest still go.
 * @throws UsageError when `dir` holds nothing to deploy; transport failures (engine unreachable).
 */
export async function deployResources(options: DeployOptions = {}): Promise<DeployReport> {
  const config = options.config ?? loadConfig(process.env);
  const address = options.address ?? config.camunda.restAddress;
  const dir = resolve(options.dir ?? REPO_ROOT);
  const log = options.log ?? (() => undefined);
  const dryRun = options.dryRun ?? false;

  const resources = await findResources(dir);
  if (resources.length === 0)
    throw new UsageError(`nothing to deploy: no bpmn/*.bpmn or forms/*.form under ${dir}`);

  const problems = await lintResources(resources, options.lint);
  const refused = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warn');
  if (warnings.length) log(`${warnings.length} lint warning(s):\n${formatFileProblems(warnings)}`);
  const bad = new Set(refused.map((p) => p.file));
  const good = resources.filter((r) => !bad.has(r.path));

  const report: DeployReport = {
    address,
    dryRun,
    resources: good.map((r) => r.path),
    warnings,
    refused,
    kept: [],
    processes: [],
    forms: [],
  };
  if (dryRun) {
    log(`dry run: ${good.length} resource(s) lint clean, nothing deployed`);
    await reportRefused(report, resources, undefined, log);
    return report;
  }

  const client = options.client ?? (await sdkClient(config, address));
  const deployed: string[] = [];
  for (const r of good) {
    const file = new File([r.content], basename(r.path), { type: CONTENT_TYPE[r.kind] });
    let result: Awaited<ReturnType<DeployClient['createDeployment']>>;
    try {
      result = await client.createDeployment({ resources: [file] });
    } catch (e) {
      const status =
        (e as { status?: number; statusCode?: number }).status ?? (e as { statusCode?: number }).statusCode;
      // The engine refused this resource (4xx): report it and go on; anything else is a failure of the run.
      if (!status || status < 400 || status >= 500) throw e;
      refused.push({
        file: r.path,
        elementId: '',
        rule: 'engine',
        message: `refused by the engine: ${describeFailure(e)}`,
        severity: 'error',
      });
      continue;
    }
    deployed.push(r.path);
    report.deploymentKey = String(result.deploymentKey);
    report.processes.push(
      ...result.processes.map((p) => ({
        id: p.processDefinitionId,
        version: p.processDefinitionVersion,
        key: String(p.processDefinitionKey),
        resource: p.resourceName,
      })),
    );
    report.forms.push(
      ...result.forms.map((f) => ({
        id: f.formId ?? '(unknown)',
        version: f.version ?? 0,
        ...(f.formKey === undefined ? {} : { key: String(f.formKey) }),
        ...(f.resourceName === undefined ? {} : { resource: f.resourceName }),
      })),
    );
  }
  report.resources = deployed;
  log(`deployed ${deployed.length} of ${resources.length} resource(s) to ${address}`);
  for (const p of report.processes) log(`  process ${p.id} version ${p.version}`);
  for (const f of report.forms) log(`  form ${f.id} version ${f.version}`);
  await reportRefused(report, resources, client, log);
  return report;
}

/** Says which resources were not deployed, why, and which version of each refused diagram keeps running. */
async function reportRefused(
  report: DeployReport,
  resources: ResourceFile[],
  client: DeployClient | undefined,
  log: (line: string) => void,
) {
  if (!report.refused.length) return;
  const files = [...new Set(report.refused.map((p) => p.file))];
  log(`${files.length} resource(s) NOT deployed (${report.refused.length} error(s)):`);
  log(formatFileProblems(report.refused));
  for (const file of files) {
    const resource = resources.find((r) => r.path === file);
    const processId = resource?.kind === 'bpmn' ? processIdOf(resource.content) : undefined;
    if (!processId) continue;
    let runningVersion: number | undefined;
    if (client?.searchProcessDefinitions) {
      const found = await client.searchProcessDefinitions(
        { filter: { processDefinitionId: processId, isLatestVersion: true } },
        { consistency: { waitUpToMs: 0 } },
      );
      runningVersion = found.items?.[0]?.version;
    }
    report.kept.push({ file, processId, runningVersion });
    if (!client) continue;
    log(
      runningVersion === undefined
        ? `  ${file}: process ${processId} has no deployed version; it cannot be started until fixed`
        : `  ${file}: process ${processId} keeps running version ${runningVersion}`,
    );
  }
}

export interface DeployArgs {
  address?: string;
  dir?: string;
  dryRun: boolean;
}

export function parseDeployArgs(argv: string[]): DeployArgs {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        address: { type: 'string' },
        dir: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.address !== undefined && !/^https?:\/\/\S+$/.test(values.address)) {
      throw new UsageError(`--address must be an http(s) URL, got "${values.address}"`);
    }
    return { address: values.address, dir: values.dir, dryRun: values['dry-run'] ?? false };
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError((err as Error).message);
  }
}

export const USAGE =
  'usage: npm run deploy -- [--address <url>] [--dir <directory with bpmn/ and forms/>] [--dry-run]';

/** The command line, with its output injected so tests can read it. Returns the exit code. */
export async function main(
  argv: string[],
  env: Env,
  out: (line: string) => void = console.log,
  err: (line: string) => void = console.error,
): Promise<number> {
  let args: DeployArgs;
  let config: AppConfig;
  try {
    args = parseDeployArgs(argv);
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof UsageError) err(`${e.message}\n${USAGE}`);
    else if (e instanceof ConfigError) err(e.message);
    else throw e;
    return 2;
  }
  try {
    const report = await deployResources({ ...args, config, log: out });
    if (args.dryRun) {
      for (const path of report.resources) out(`  ${path}`);
    }
    if (report.refused.length) {
      err(`refused, not deployed:\n${formatFileProblems(report.refused)}`);
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    err(`deployment failed: ${describeFailure(e)}`);
    return 1;
  }
}

/** Problem details from the cluster say more than the HTTP status; show them when present. */
function describeFailure(e: unknown): string {
  const detail = (e as { detail?: unknown; title?: unknown; body?: { detail?: unknown } } | null) ?? {};
  const text = detail.detail ?? detail.body?.detail ?? detail.title;
  return typeof text === 'string'
    ? `${(e as Error).message ?? ''} ${text}`.trim()
    : String((e as Error)?.message ?? e);
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
