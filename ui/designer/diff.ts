import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** One element of a diagram as the designer's diff shows it. */
export interface DiffElement {
  id: string;
  /** BPMN type without prefix, e.g. `UserTask`. */
  type: string;
  name?: string;
}

export interface DiagramDiff {
  added: DiffElement[];
  removed: DiffElement[];
  /** Same id, different content; `before` holds the running version's name. */
  changed: Array<DiffElement & { before?: string; fields: string[] }>;
  /** Only positions or sizes on the canvas changed. */
  layoutOnly: boolean;
  /** Nothing differs at all. */
  identical: boolean;
}

interface Indexed {
  type: string;
  name?: string;
  /** Each own property (children elements excluded) as canonical JSON. */
  fields: Map<string, string>;
}

const CHILDREN = new Set(['flowElements', 'artifacts', 'laneSets', 'diagrams', 'rootElements']);

/** A value as canonical JSON: references by id, nested elements by their own properties. */
function canonical(value: any, isReference: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, isReference));
  if (value && typeof value === 'object' && value.$type) {
    if (isReference) return { ref: value.id };
    const out: Record<string, unknown> = { $type: value.$type };
    for (const p of value.$descriptor.properties as any[]) {
      const v = value[p.name];
      if (v === undefined || CHILDREN.has(p.name)) continue;
      out[p.name] = canonical(v, Boolean(p.isReference));
    }
    for (const [k, v] of Object.entries(value.$attrs ?? {})) out[`@${k}`] = v;
    return out;
  }
  return value;
}

function index(definitions: any): Map<string, Indexed> {
  const found = new Map<string, Indexed>();
  const visit = (el: any) => {
    if (!el || typeof el !== 'object' || !el.$type) return;
    if (el.id) {
      const fields = new Map<string, string>();
      for (const p of el.$descriptor.properties as any[]) {
        const v = el[p.name];
        if (v === undefined || CHILDREN.has(p.name) || p.name === 'id') continue;
        fields.set(p.name, JSON.stringify(canonical(v, Boolean(p.isReference))));
      }
      found.set(el.id, { type: String(el.$type).replace(/^bpmn:/, ''), name: el.name, fields });
    }
    for (const key of ['flowElements', 'artifacts']) for (const child of el[key] ?? []) visit(child);
    for (const set of el.laneSets ?? []) for (const lane of set.lanes ?? []) visit(lane);
  };
  for (const root of definitions.rootElements ?? []) visit(root);
  return found;
}

async function read(xml: string): Promise<any> {
  return (await new BpmnModdle({ zeebe: zeebeDescriptor }).fromXML(xml)).rootElement;
}

function layout(definitions: any): string {
  return JSON.stringify(canonical(definitions.diagrams ?? [], false));
}

/**
 * The element-level difference between the running version of a diagram (`before`; undefined when
 * none is deployed) and a draft (`after`): added, removed and changed element ids with their names.
 */
export async function diffDiagrams(before: string | undefined, after: string): Promise<DiagramDiff> {
  const next = await read(after);
  const prev = before === undefined ? undefined : await read(before);
  const a = prev ? index(prev) : new Map<string, Indexed>();
  const b = index(next);
  const diff: DiagramDiff = { added: [], removed: [], changed: [], layoutOnly: false, identical: false };
  const element = (id: string, e: Indexed): DiffElement => ({
    id,
    type: e.type,
    ...(e.name ? { name: e.name } : {}),
  });
  for (const [id, e] of b) {
    const old = a.get(id);
    if (!old) {
      diff.added.push(element(id, e));
      continue;
    }
    const fields = [...new Set([...old.fields.keys(), ...e.fields.keys()])].filter(
      (f) => old.fields.get(f) !== e.fields.get(f),
    );
    if (old.type !== e.type) fields.unshift('type');
    if (fields.length)
      diff.changed.push({ ...element(id, e), ...(old.name !== e.name ? { before: old.name } : {}), fields });
  }
  for (const [id, e] of a) if (!b.has(id)) diff.removed.push(element(id, e));
  const semantic = diff.added.length + diff.removed.length + diff.changed.length;
  const sameLayout = prev !== undefined && layout(prev) === layout(next);
  diff.layoutOnly = semantic === 0 && prev !== undefined && !sameLayout;
  diff.identical = semantic === 0 && sameLayout;
  return diff;
}
