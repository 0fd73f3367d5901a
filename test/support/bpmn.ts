/**
 * A compact builder of Camunda 8.8 BPMN XML with full diagram interchange (BPMNDI), so conformance
 * tests describe a diagram in a few lines and still pass the deploy gate (bpmnlint camunda-cloud-8-8).
 *
 *   process('order', [start('Start'), service('Task_Pay', 'pay'), end('End')], ['Start > Task_Pay > End'])
 *
 * Flows are chains `A > B > C`; a single flow may carry a condition (`Gw > B : =x > 1`) or be the
 * gateway's default (`Gw > C : default`). Names default to the element id (label-required).
 */

export type Timer = { date: string } | { duration: string } | { cycle: string };
export type Mapping = [source: string, target: string];

interface Common {
  id: string;
  name?: string;
  inputs?: Mapping[];
  outputs?: Mapping[];
  multiInstance?: {
    sequential?: boolean;
    inputCollection: string;
    inputElement?: string;
    outputCollection?: string;
    outputElement?: string;
    completionCondition?: string;
  };
}

interface JobTask {
  type: string;
  retries?: number;
  headers?: Record<string, string>;
}

export type Node = Common &
  (
    | {
        kind: 'start';
        signal?: string;
        message?: string;
        correlationKey?: string;
        timer?: Timer;
        error?: string | null;
        interrupting?: boolean;
      }
    | { kind: 'end'; error?: string; terminate?: boolean; messageJobType?: string; signal?: string }
    | { kind: 'throw'; signal?: string }
    | ({ kind: 'serviceTask' } & JobTask)
    | ({ kind: 'sendTask' } & JobTask)
    | ({ kind: 'businessRuleTask' } & JobTask)
    | { kind: 'scriptTask'; expression: string; resultVariable: string }
    | { kind: 'receiveTask'; message: string; correlationKey: string }
    | { kind: 'manualTask' }
    | { kind: 'task' }
    | {
        kind: 'userTask';
        formId?: string;
        assignee?: string;
        candidateGroups?: string;
        dueDate?: string;
        priority?: string | number;
      }
    | { kind: 'exclusive' }
    | { kind: 'parallel' }
    | { kind: 'inclusive' }
    | { kind: 'eventGateway' }
    | { kind: 'catch'; message?: string; correlationKey?: string; timer?: Timer; signal?: string }
    | {
        kind: 'boundary';
        attachedTo: string;
        signal?: string;
        interrupting?: boolean;
        message?: string;
        correlationKey?: string;
        timer?: Timer;
        error?: string | null;
      }
    | { kind: 'subProcess'; elements: Node[]; flows: string[] }
    | { kind: 'eventSubProcess'; elements: Node[]; flows: string[] }
    | { kind: 'callActivity'; processId: string; propagateAllChildVariables?: boolean }
  );

type Of<K extends Node['kind']> = Extract<Node, { kind: K }>;
type Opts<K extends Node['kind']> = Omit<Of<K>, 'kind' | 'id'>;

export const start = (id: string, o: Opts<'start'> = {}): Node => ({ kind: 'start', id, ...o });
export const end = (id: string, o: Opts<'end'> = {}): Node => ({ kind: 'end', id, ...o });
export const service = (id: string, type: string, o: Omit<Opts<'serviceTask'>, 'type'> = {}): Node => ({
  kind: 'serviceTask',
  id,
  type,
  ...o,
});
export const send = (id: string, type: string, o: Omit<Opts<'sendTask'>, 'type'> = {}): Node => ({
  kind: 'sendTask',
  id,
  type,
  ...o,
});
export const businessRule = (
  id: string,
  type: string,
  o: Omit<Opts<'businessRuleTask'>, 'type'> = {},
): Node => ({ kind: 'businessRuleTask', id, type, ...o });
export const script = (
  id: string,
  expression: string,
  resultVariable: string,
  o: Omit<Opts<'scriptTask'>, 'expression' | 'resultVariable'> = {},
): Node => ({ kind: 'scriptTask', id, expression, resultVariable, ...o });
export const receive = (
  id: string,
  message: string,
  correlationKey: string,
  o: Omit<Opts<'receiveTask'>, 'message' | 'correlationKey'> = {},
): Node => ({ kind: 'receiveTask', id, message, correlationKey, ...o });
export const manual = (id: string, o: Opts<'manualTask'> = {}): Node => ({ kind: 'manualTask', id, ...o });
export const userTask = (id: string, o: Opts<'userTask'> = {}): Node => ({ kind: 'userTask', id, ...o });
export const exclusive = (id: string, o: Opts<'exclusive'> = {}): Node => ({ kind: 'exclusive', id, ...o });
export const parallel = (id: string): Node => ({ kind: 'parallel', id });
export const inclusive = (id: string, o: Opts<'inclusive'> = {}): Node => ({ kind: 'inclusive', id, ...o });
export const eventGateway = (id: string): Node => ({ kind: 'eventGateway', id });
export const catchEvent = (id: string, o: Opts<'catch'>): Node => ({ kind: 'catch', id, ...o });
export const throwEvent = (id: string, o: Opts<'throw'> = {}): Node => ({ kind: 'throw', id, ...o });
export const boundary = (id: string, attachedTo: string, o: Omit<Opts<'boundary'>, 'attachedTo'>): Node => ({
  kind: 'boundary',
  id,
  attachedTo,
  ...o,
});
export const subProcess = (
  id: string,
  elements: Node[],
  flows: string[],
  o: Omit<Opts<'subProcess'>, 'elements' | 'flows'> = {},
): Node => ({ kind: 'subProcess', id, elements, flows, ...o });
export const eventSubProcess = (id: string, elements: Node[], flows: string[]): Node => ({
  kind: 'eventSubProcess',
  id,
  elements,
  flows,
});
export const callActivity = (
  id: string,
  processId: string,
  o: Omit<Opts<'callActivity'>, 'processId'> = {},
): Node => ({ kind: 'callActivity', id, processId, ...o });

/** A Camunda form (`.form` JSON) with one text field per key. */
export function form(id: string, fields: string[] = ['comment']): string {
  return JSON.stringify({
    id,
    type: 'default',
    schemaVersion: 16,
    executionPlatform: 'Camunda Cloud',
    executionPlatformVersion: '8.8.0',
    components: fields.map((key, i) => ({ id: `Field_${i}`, key, label: key, type: 'textfield' })),
  });
}

// ---------------------------------------------------------------------------------------------

interface Flow {
  id: string;
  source: string;
  target: string;
  condition?: string;
  isDefault?: boolean;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function parseFlows(chains: string[]): Flow[] {
  const flows: Flow[] = [];
  for (const chain of chains) {
    const [path, extra] = splitOnce(chain, ' : ');
    const ids = path.split('>').map((s) => s.trim());
    for (let i = 0; i < ids.length - 1; i++) {
      const f: Flow = { id: `Flow_${ids[i]}_${ids[i + 1]}`, source: ids[i], target: ids[i + 1] };
      if (extra !== undefined) {
        if (extra.trim() === 'default') f.isDefault = true;
        else f.condition = extra.trim();
      }
      flows.push(f);
    }
  }
  return flows;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + sep.length)];
}

const SIZES: Record<string, [number, number]> = { event: [36, 36], gateway: [50, 50], task: [100, 80] };
function sizeClass(n: Node): 'event' | 'gateway' | 'task' {
  if (['start', 'end', 'catch', 'throw', 'boundary'].includes(n.kind)) return 'event';
  if (['exclusive', 'parallel', 'inclusive', 'eventGateway'].includes(n.kind)) return 'gateway';
  return 'task';
}

/** Shared definitions collected while rendering: messages, errors, signals. */
class Defs {
  messages = new Map<string, { id: string; name: string; correlationKey?: string }>();
  errors = new Map<string, string>();
  signals = new Map<string, string>();
  message(name: string, correlationKey?: string): string {
    const k = `${name}\u0000${correlationKey ?? ''}`;
    let m = this.messages.get(k);
    if (!m) this.messages.set(k, (m = { id: `Message_${this.messages.size + 1}`, name, correlationKey }));
    return m.id;
  }
  error(code: string): string {
    let id = this.errors.get(code);
    if (!id) this.errors.set(code, (id = `Error_${this.errors.size + 1}`));
    return id;
  }
  signal(name: string): string {
    let id = this.signals.get(name);
    if (!id) this.signals.set(name, (id = `Signal_${this.signals.size + 1}`));
    return id;
  }
}

function timerXml(t: Timer): string {
  const [tag, body] =
    'date' in t
      ? ['timeDate', t.date]
      : 'duration' in t
        ? ['timeDuration', t.duration]
        : ['timeCycle', t.cycle];
  return `<bpmn:timerEventDefinition><bpmn:${tag} xsi:type="bpmn:tFormalExpression">${esc(body)}</bpmn:${tag}></bpmn:timerEventDefinition>`;
}

function eventDefinitionXml(n: any, defs: Defs): string {
  if (n.timer) return timerXml(n.timer);
  if (n.message)
    return `<bpmn:messageEventDefinition messageRef="${defs.message(n.message, n.correlationKey)}" />`;
  if (n.signal) return `<bpmn:signalEventDefinition signalRef="${defs.signal(n.signal)}" />`;
  if (n.error === null) return '<bpmn:errorEventDefinition />';
  if (n.error !== undefined) return `<bpmn:errorEventDefinition errorRef="${defs.error(n.error)}" />`;
  if (n.terminate) return '<bpmn:terminateEventDefinition />';
  if (n.messageJobType) return '<bpmn:messageEventDefinition />';
  return '';
}

function extensionXml(n: any): string {
  const parts: string[] = [];
  if (n.type !== undefined && ['serviceTask', 'sendTask', 'businessRuleTask'].includes(n.kind)) {
    parts.push(
      `<zeebe:taskDefinition type="${esc(n.type)}"${n.retries !== undefined ? ` retries="${n.retries}"` : ''} />`,
    );
  }
  if (n.kind === 'end' && n.messageJobType)
    parts.push(`<zeebe:taskDefinition type="${esc(n.messageJobType)}" />`);
  if (n.headers) {
    parts.push(
      `<zeebe:taskHeaders>${Object.entries(n.headers)
        .map(([k, v]) => `<zeebe:header key="${esc(k)}" value="${esc(String(v))}" />`)
        .join('')}</zeebe:taskHeaders>`,
    );
  }
  if (n.kind === 'scriptTask')
    parts.push(
      `<zeebe:script expression="${esc(n.expression)}" resultVariable="${esc(n.resultVariable)}" />`,
    );
  if (n.kind === 'userTask') {
    parts.push('<zeebe:userTask />');
    if (n.formId) parts.push(`<zeebe:formDefinition formId="${esc(n.formId)}" />`);
    if (n.assignee || n.candidateGroups) {
      parts.push(
        `<zeebe:assignmentDefinition${n.assignee ? ` assignee="${esc(n.assignee)}"` : ''}${n.candidateGroups ? ` candidateGroups="${esc(n.candidateGroups)}"` : ''} />`,
      );
    }
    if (n.dueDate) parts.push(`<zeebe:taskSchedule dueDate="${esc(n.dueDate)}" />`);
    if (n.priority !== undefined)
      parts.push(`<zeebe:priorityDefinition priority="${esc(String(n.priority))}" />`);
  }
  if (n.kind === 'callActivity') {
    parts.push(
      `<zeebe:calledElement processId="${esc(n.processId)}" propagateAllChildVariables="${n.propagateAllChildVariables !== false}" />`,
    );
  }
  if (n.inputs?.length || n.outputs?.length) {
    const io = [
      ...(n.inputs ?? []).map(([s, t]: Mapping) => `<zeebe:input source="${esc(s)}" target="${esc(t)}" />`),
      ...(n.outputs ?? []).map(([s, t]: Mapping) => `<zeebe:output source="${esc(s)}" target="${esc(t)}" />`),
    ];
    parts.push(`<zeebe:ioMapping>${io.join('')}</zeebe:ioMapping>`);
  }
  return parts.length ? `<bpmn:extensionElements>${parts.join('')}</bpmn:extensionElements>` : '';
}

function loopXml(n: Node): string {
  const mi = n.multiInstance;
  if (!mi) return '';
  const attrs = [`inputCollection="${esc(mi.inputCollection)}"`];
  if (mi.inputElement) attrs.push(`inputElement="${esc(mi.inputElement)}"`);
  if (mi.outputCollection) attrs.push(`outputCollection="${esc(mi.outputCollection)}"`);
  if (mi.outputElement) attrs.push(`outputElement="${esc(mi.outputElement)}"`);
  const cc = mi.completionCondition
    ? `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${esc(mi.completionCondition)}</bpmn:completionCondition>`
    : '';
  return `<bpmn:multiInstanceLoopCharacteristics${mi.sequential ? ' isSequential="true"' : ''}><bpmn:extensionElements><zeebe:loopCharacteristics ${attrs.join(' ')} /></bpmn:extensionElements>${cc}</bpmn:multiInstanceLoopCharacteristics>`;
}

const TAGS: Record<Node['kind'], string> = {
  start: 'startEvent',
  end: 'endEvent',
  serviceTask: 'serviceTask',
  sendTask: 'sendTask',
  businessRuleTask: 'businessRuleTask',
  scriptTask: 'scriptTask',
  receiveTask: 'receiveTask',
  manualTask: 'manualTask',
  task: 'task',
  userTask: 'userTask',
  exclusive: 'exclusiveGateway',
  parallel: 'parallelGateway',
  inclusive: 'inclusiveGateway',
  eventGateway: 'eventBasedGateway',
  catch: 'intermediateCatchEvent',
  throw: 'intermediateThrowEvent',
  boundary: 'boundaryEvent',
  subProcess: 'subProcess',
  eventSubProcess: 'subProcess',
  callActivity: 'callActivity',
};

function scopeXml(elements: Node[], flowSpecs: string[], defs: Defs): string {
  const flows = parseFlows(flowSpecs);
  const out: string[] = [];
  for (const n of elements) {
    const tag = TAGS[n.kind];
    const attrs = [`id="${n.id}"`];
    const unnamed =
      n.kind === 'parallel' ||
      n.kind === 'eventGateway' ||
      n.kind === 'subProcess' ||
      n.kind === 'eventSubProcess';
    attrs.push(`name="${esc(n.name ?? (unnamed ? '' : n.id))}"`);
    const a = n as any;
    if (n.kind === 'boundary') {
      attrs.push(`attachedToRef="${n.attachedTo}"`);
      if (n.interrupting === false) attrs.push('cancelActivity="false"');
    }
    if (n.kind === 'start' && n.interrupting === false) attrs.push('isInterrupting="false"');
    if (n.kind === 'eventSubProcess') attrs.push('triggeredByEvent="true"');
    if (n.kind === 'receiveTask') attrs.push(`messageRef="${defs.message(n.message, n.correlationKey)}"`);
    const def = flows.find((f) => f.source === n.id && f.isDefault);
    if (def) attrs.push(`default="${def.id}"`);
    const inner: string[] = [extensionXml(a)];
    for (const f of flows) if (f.target === n.id) inner.push(`<bpmn:incoming>${f.id}</bpmn:incoming>`);
    for (const f of flows) if (f.source === n.id) inner.push(`<bpmn:outgoing>${f.id}</bpmn:outgoing>`);
    inner.push(loopXml(n));
    if (['start', 'end', 'catch', 'throw', 'boundary'].includes(n.kind))
      inner.push(eventDefinitionXml(a, defs));
    if (n.kind === 'subProcess' || n.kind === 'eventSubProcess')
      inner.push(scopeXml(n.elements, n.flows, defs));
    out.push(`<bpmn:${tag} ${attrs.join(' ')}>${inner.join('')}</bpmn:${tag}>`);
  }
  for (const f of flows) {
    const cond = f.condition
      ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(f.condition)}</bpmn:conditionExpression>`
      : '';
    const name = f.condition ? ` name="${esc(f.condition)}"` : '';
    out.push(
      `<bpmn:sequenceFlow id="${f.id}"${name} sourceRef="${f.source}" targetRef="${f.target}">${cond}</bpmn:sequenceFlow>`,
    );
  }
  return out.join('\n');
}

// ---- layout: columns by longest path from the scope's sources, rows in order of appearance

interface Laid {
  w: number;
  h: number;
  /** Boxes relative to the scope's content origin, nested scopes included. */
  boxes: Map<string, Box>;
  edges: Map<string, { x: number; y: number }[]>;
}

function layoutScope(elements: Node[], flowSpecs: string[]): Laid {
  const flows = parseFlows(flowSpecs);
  const main = elements.filter((n) => n.kind !== 'boundary' && n.kind !== 'eventSubProcess');
  const boundaries = elements.filter((n): n is Of<'boundary'> => n.kind === 'boundary');
  const esps = elements.filter((n) => n.kind === 'eventSubProcess');
  const nested = new Map<string, Laid>();
  for (const n of [...main, ...esps])
    if (n.kind === 'subProcess' || n.kind === 'eventSubProcess')
      nested.set(n.id, layoutScope(n.elements, n.flows));
  const size = (n: Node): [number, number] => {
    const l = nested.get(n.id);
    return l ? [l.w + 60, l.h + 60] : SIZES[sizeClass(n)];
  };
  // A boundary event's targets follow its host.
  const hostOf = new Map(boundaries.map((b) => [b.id, b.attachedTo]));
  const preds = new Map<string, string[]>();
  for (const f of flows) {
    const src = hostOf.get(f.source) ?? f.source;
    if (!preds.has(f.target)) preds.set(f.target, []);
    preds.get(f.target)!.push(src);
  }
  const col = new Map<string, number>();
  const depth = (id: string, seen: Set<string>): number => {
    if (col.has(id)) return col.get(id)!;
    if (seen.has(id)) return 0;
    seen.add(id);
    const ps = preds.get(id) ?? [];
    const d = ps.length ? Math.max(...ps.map((p) => depth(p, seen) + 1)) : 0;
    seen.delete(id);
    col.set(id, d);
    return d;
  };
  for (const n of main) depth(n.id, new Set());
  const ncols = Math.max(0, ...main.map((n) => col.get(n.id)!)) + 1;
  const rowOf = new Map<string, number>();
  const perCol = new Array(ncols).fill(0);
  for (const n of main) rowOf.set(n.id, perCol[col.get(n.id)!]++);
  const nrows = Math.max(1, ...perCol);
  const colW = new Array(ncols).fill(0);
  const rowH = new Array(nrows).fill(0);
  for (const n of main) {
    const [w, h] = size(n);
    colW[col.get(n.id)!] = Math.max(colW[col.get(n.id)!], w);
    rowH[rowOf.get(n.id)!] = Math.max(rowH[rowOf.get(n.id)!], h);
  }
  const GAP_X = 60;
  const GAP_Y = 70;
  const colX = colW.map((_, i) => colW.slice(0, i).reduce((a, b) => a + b + GAP_X, 0));
  const rowY = rowH.map((_, i) => rowH.slice(0, i).reduce((a, b) => a + b + GAP_Y, 0));
  const boxes = new Map<string, Box>();
  const edges = new Map<string, { x: number; y: number }[]>();
  const place = (n: Node, x: number, y: number) => {
    const [w, h] = size(n);
    boxes.set(n.id, { x, y, w, h });
    const l = nested.get(n.id);
    if (l) {
      for (const [id, b] of l.boxes) boxes.set(id, { ...b, x: b.x + x + 30, y: b.y + y + 30 });
      for (const [id, pts] of l.edges)
        edges.set(
          id,
          pts.map((p) => ({ x: p.x + x + 30, y: p.y + y + 30 })),
        );
    }
  };
  for (const n of main) {
    const c = col.get(n.id)!;
    const r = rowOf.get(n.id)!;
    const [w, h] = size(n);
    place(n, colX[c] + (colW[c] - w) / 2, rowY[r] + (rowH[r] - h) / 2);
  }
  const countOn = new Map<string, number>();
  for (const b of boundaries) {
    const host = boxes.get(b.attachedTo);
    if (!host) continue;
    const i = countOn.get(b.attachedTo) ?? 0;
    countOn.set(b.attachedTo, i + 1);
    boxes.set(b.id, { x: host.x + 8 + i * 40, y: host.y + host.h - 18, w: 36, h: 36 });
  }
  let width = colX.length ? colX[ncols - 1] + colW[ncols - 1] : 0;
  let height = rowY.length ? rowY[nrows - 1] + rowH[nrows - 1] : 0;
  for (const e of esps) {
    const [w, h] = size(e);
    place(e, 0, height + GAP_Y);
    height += GAP_Y + h;
    width = Math.max(width, w);
  }
  for (const f of flows) {
    const s = boxes.get(f.source)!;
    const t = boxes.get(f.target)!;
    if (!s || !t) continue;
    const fromBoundary = hostOf.has(f.source);
    const sp = fromBoundary ? { x: s.x + s.w / 2, y: s.y + s.h } : { x: s.x + s.w, y: s.y + s.h / 2 };
    const tp = { x: t.x, y: t.y + t.h / 2 };
    const pts =
      sp.y === tp.y
        ? [sp, tp]
        : fromBoundary
          ? [sp, { x: sp.x, y: tp.y }, tp]
          : [sp, { x: (sp.x + tp.x) / 2, y: sp.y }, { x: (sp.x + tp.x) / 2, y: tp.y }, tp];
    edges.set(f.id, pts);
  }
  return { w: width, h: height + 40, boxes, edges };
}

function diXml(processId: string, elements: Node[], flowSpecs: string[]): string {
  const l = layoutScope(elements, flowSpecs);
  const expanded = new Set<string>();
  const walk = (ns: Node[]) => {
    for (const n of ns)
      if (n.kind === 'subProcess' || n.kind === 'eventSubProcess') {
        expanded.add(n.id);
        walk(n.elements);
      }
  };
  walk(elements);
  const shapes = [...l.boxes].map(
    ([id, b]) =>
      `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"${expanded.has(id) ? ' isExpanded="true"' : ''}><dc:Bounds x="${Math.round(b.x + 150)}" y="${Math.round(b.y + 80)}" width="${b.w}" height="${b.h}" /></bpmndi:BPMNShape>`,
  );
  const edges = [...l.edges].map(
    ([id, pts]) =>
      `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${pts.map((p) => `<di:waypoint x="${Math.round(p.x + 150)}" y="${Math.round(p.y + 80)}" />`).join('')}</bpmndi:BPMNEdge>`,
  );
  return `<bpmndi:BPMNDiagram id="Diagram_${processId}"><bpmndi:BPMNPlane id="Plane_${processId}" bpmnElement="${processId}">\n${shapes.join('\n')}\n${edges.join('\n')}\n</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>`;
}

/** One executable process as a complete `.bpmn` document. */
export function process(id: string, elements: Node[], flows: string[], opts: { name?: string } = {}): string {
  const defs = new Defs();
  const body = scopeXml(elements, flows, defs);
  const roots: string[] = [];
  for (const m of defs.messages.values()) {
    const sub = m.correlationKey
      ? `<bpmn:extensionElements><zeebe:subscription correlationKey="${esc(m.correlationKey)}" /></bpmn:extensionElements>`
      : '';
    roots.push(`<bpmn:message id="${m.id}" name="${esc(m.name)}">${sub}</bpmn:message>`);
  }
  for (const [code, eid] of defs.errors)
    roots.push(`<bpmn:error id="${eid}" name="${esc(code)}" errorCode="${esc(code)}" />`);
  for (const [name, sid] of defs.signals) roots.push(`<bpmn:signal id="${sid}" name="${esc(name)}" />`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${id}" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
<bpmn:process id="${id}" name="${esc(opts.name ?? id)}" isExecutable="true">
${body}
</bpmn:process>
${roots.join('\n')}
${diXml(id, elements, flows)}
</bpmn:definitions>
`;
}
