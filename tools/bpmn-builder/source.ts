/**
 * What the builder owns in the repository, and a check that the repository equals it: every
 * diagram in bpmn/, every form and forms/i18n, every element template in .camunda/element-templates.
 * See docs/decisions/0007-diagrams-source-of-truth.md.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { formFiles } from './forms';
import { diagrams } from './index';
import { JOB_TYPES, template } from './templates';

/** The folders the builder owns, relative to the repository root. */
export const OWNED_FOLDERS = ['bpmn', 'forms', '.camunda/element-templates'] as const;

/** Every file the builder writes: path relative to the repository root → content. */
export async function builtFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [file, build] of Object.entries(diagrams)) files.set(`bpmn/${file}.bpmn`, await build().toXml());
  for (const [file, content] of formFiles()) files.set(`forms/${file}`, content);
  for (const type of Object.keys(JOB_TYPES))
    files.set(`.camunda/element-templates/${type}.json`, JSON.stringify(template(type), null, 2) + '\n');
  return files;
}

function walk(root: string, dir: string, out: string[]) {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue; // bpmn/.bpmnlintrc: the linter's settings, not a diagram
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(root, full, out);
    else out.push(relative(root, full).split(sep).join('/'));
  }
}

export interface SourceDifference {
  file: string;
  problem: 'differs' | 'missing' | 'not built';
}

/**
 * Compares the owned folders under `root` with the builder's output: a file that differs, one the
 * builder writes but `root` lacks, and one in `root` the builder does not write are each reported.
 */
export function differences(root: string, built: Map<string, string>): SourceDifference[] {
  const found: string[] = [];
  for (const folder of OWNED_FOLDERS) walk(root, join(root, folder), found);
  const out: SourceDifference[] = [];
  for (const [file, content] of built) {
    if (!found.includes(file)) out.push({ file, problem: 'missing' });
    else if (readFileSync(join(root, file), 'utf8') !== content) out.push({ file, problem: 'differs' });
  }
  for (const file of found) if (!built.has(file)) out.push({ file, problem: 'not built' });
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
