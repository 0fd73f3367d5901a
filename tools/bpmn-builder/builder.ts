/**
 * A small builder that writes Camunda 8.8 BPMN with complete BPMNDI from a grid description.
 *
 * Diagrams are generated rather than drawn so that ids, documentation and the deadline-escalation
 * pattern stay uniform across the procedures; the generated XML opens and edits normally in
 * Camunda Modeler. Nodes sit on a grid (`at: [column, row]`); expanded sub-processes wrap their
 * children; edges are routed orthogonally. The XML is written by bpmn-moddle (`toXML`), never by
 * string concatenation; test/models/source-of-truth.test.ts checks bpmn/ equals this output.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebeDescriptor from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { isMessageKey, t } from '../../i18n';

/**
 * The name the diagram carries for element `id`: "Kazakh / Russian" from the message catalogue
 * (i18n/sections/steps.*, key `step.<id>`), so that Camunda Tasklist and Operate, which have no
 * language switch, show both and no English. The English `name` given to the builder only says
 * that the element is named (and reads as a note for designers).
 */
export function stepPair(id: string): string {
  const key = `step.${id}`;
  if (!isMessageKey(key))
    throw new Error(`${id} has no name in the catalogue: add '${key}' to i18n/sections/steps.{kk,ru}.ts`);
  return `${t('kk', key)} / ${t('ru', key)}`;
}

/** `BpmnModdle#create`, bound. */
type Create = (type: string, attrs?: Record<string, unknown>) => any;

export type Kind =
  | 'startEvent'
  | 'endEvent'
  | 'serviceTask'
  | 'userTask'
  | 'scriptTask'
  | 'callActivity'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'eventBasedGateway'
  | 'intermediateCatchEvent'
  | 'boundaryEvent'
  | 'subProcess';

export type EventDef = { timeDate: string } | { message: string } | { error: string } | { terminate: true };

export interface Mapping {
  source: string;
  target: string;
}

export interface NodeOpts {
  name: string;
  /** The legal paragraph the element implements. */
  doc: string;
  at: [number, number];
  event?: EventDef;
  interrupting?: boolean;
  /** service task */
  type?: string;
  headers?: Record<string, string>;
  inputs?: Mapping[];
  outputs?: Mapping[];
  /** user task */
  formId?: string;
  candidateGroups?: string;
  dueDate?: string;
  priority?: number;
  /** script task */
  script?: { expression: string; resultVariable: string };
  /** call activity */
  calledProcessId?: string;
}

interface Node extends NodeOpts {
  id: string;
  kind: Kind;
  attachedTo?: string;
  boundaryIndex?: number;
  /** A case-summary task placed beside the user task it prepares, wherever the grid is free. */
  summaryOf?: string;
  scope: Scope;
}

interface Flow {
  id: string;
  from: string;
  to: string;
  name?: string;
  condition?: string;
  isDefault?: boolean;
  /** grid row of a lane the flow runs along (forward or backward) */
  lane?: number;
  scope: Scope;
}

interface Bounds {
  x: number;
  y: number;
  w: number;
  h: number;
}

const COL = 200;
const ROW = 150;
const X0 = 180;
const Y0 = 120;

const SIZE: Record<Kind, [number, number]> = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  intermediateCatchEvent: [36, 36],
  boundaryEvent: [36, 36],
  serviceTask: [130, 100],
  userTask: [130, 100],
  scriptTask: [130, 100],
  callActivity: [130, 100],
  exclusiveGateway: [50, 50],
  parallelGateway: [50, 50],
  eventBasedGateway: [50, 50],
  subProcess: [0, 0],
};

export class Scope {
  readonly nodes: Node[] = [];
  readonly flows: Flow[] = [];
  readonly children: Scope[] = [];
  constructor(
    readonly diagram: Diagram,
    readonly id: string,
    readonly parent: Scope | null,
    readonly triggeredByEvent = false,
    readonly node: Node | null = null,
  ) {}

  private add(kind: Kind, id: string, opts: NodeOpts, extra: Partial<Node> = {}): string {
    this.diagram.claim(id);
    const node: Node = { ...opts, ...extra, id, kind, scope: this };
    this.nodes.push(node);
    this.diagram.index.set(id, node);
    return id;
  }

  start(id: string, o: NodeOpts) {
    return this.add('startEvent', id, o);
  }
  end(id: string, o: NodeOpts) {
    return this.add('endEvent', id, o);
  }
  service(id: string, o: NodeOpts & { type: string }) {
    return this.add('serviceTask', id, o);
  }
  /**
   * A Camunda user task. Unless `summary` is false, a `case-summary` job runs before it (every flow
   * into the task enters that job first), so that the form shows the case as it stands when the
   * task is created: the applicant, the checks with their sources, the grounds, the terms with the
   * working days left, the positions, the remarks and the documents (domain/case-summary.ts).
   */
  user(id: string, o: NodeOpts & { formId: string; candidateGroups: string; summary?: false }) {
    const { summary, ...opts } = o;
    const task = this.add('userTask', id, opts);
    if (summary !== false) {
      const sid = `Task_Summarise${id.replace(/^Task_/, '')}`;
      this.add(
        'serviceTask',
        sid,
        {
          name: 'Prepare the case summary',
          doc: `${o.doc.split('. ')[0]}. Prepares the display variables the form of ${id} shows (case summary, checks, grounds, terms with working days left, positions, remarks, documents).`,
          at: o.at,
          type: 'case-summary',
        },
        { summaryOf: id },
      );
      this.diagram.summaries.set(id, sid);
      this.flow(sid, id);
    }
    return task;
  }
  script(id: string, o: NodeOpts & { script: { expression: string; resultVariable: string } }) {
    return this.add('scriptTask', id, o);
  }
  call(id: string, o: NodeOpts & { calledProcessId: string }) {
    return this.add('callActivity', id, o);
  }
  xor(id: string, o: NodeOpts) {
    return this.add('exclusiveGateway', id, o);
  }
  and(id: string, o: Omit<NodeOpts, 'name'> & { name?: string }) {
    return this.add('parallelGateway', id, { name: '', ...o });
  }
  eventGateway(id: string, o: NodeOpts) {
    return this.add('eventBasedGateway', id, o);
  }
  catchEvent(id: string, o: NodeOpts & { event: EventDef }) {
    return this.add('intermediateCatchEvent', id, o);
  }
  boundary(id: string, attachedTo: string, o: Omit<NodeOpts, 'at'> & { event: EventDef }) {
    const host = this.diagram.node(attachedTo);
    const index = this.nodes.filter((n) => n.attachedTo === attachedTo).length;
    return this.add('boundaryEvent', id, { ...o, at: host.at }, { attachedTo, boundaryIndex: index });
  }
  /** An expanded embedded sub-process; returns its inner scope. */
  sub(id: string, o: Omit<NodeOpts, 'at'>, triggeredByEvent = false): Scope {
    this.add('subProcess', id, { ...o, at: [0, 0] });
    const node = this.diagram.node(id);
    const inner = new Scope(this.diagram, id, this, triggeredByEvent, node);
    this.children.push(inner);
    this.diagram.scopes.set(id, inner);
    return inner;
  }
  flow(
    from: string,
    to: string,
    o: { name?: string; condition?: string; isDefault?: boolean; lane?: number; id?: string } = {},
  ) {
    // A flow into a summarised user task enters its case-summary job first.
    const summary = this.diagram.summaries.get(to);
    if (summary && from !== summary) to = summary;
    const id = o.id ?? `Flow_${stripPrefix(from)}_To_${stripPrefix(to)}`;
    this.diagram.claim(id);
    this.flows.push({
      id,
      from,
      to,
      name: o.name,
      condition: o.condition,
      isDefault: o.isDefault,
      lane: o.lane,
      scope: this,
    });
    return id;
  }
  /** Chains nodes with unconditional flows. */
  chain(...ids: string[]) {
    for (let i = 0; i + 1 < ids.length; i++) this.flow(ids[i], ids[i + 1]);
  }
}

function stripPrefix(id: string): string {
  return id.replace(/^(Task|Gateway|Event|Start|End|Timer|Message|Error|SubProcess|Call|Boundary)_/, '');
}

export interface DiagramOpts {
  processId: string;
  name: string;
  doc: string;
  /** `zeebe:versionTag` of the process (`rules-from-YYYY-MM-DD`: the first registration day its rules govern, spec C13). */
  versionTag?: string;
}

export class Diagram {
  readonly index = new Map<string, Node>();
  readonly scopes = new Map<string, Scope>();
  readonly root: Scope;
  readonly messages = new Map<string, { id: string; correlationKey?: string }>();
  readonly errors = new Map<string, { id: string; name: string }>();
  /** user task id → the case-summary task that runs before it */
  readonly summaries = new Map<string, string>();
  private readonly ids = new Set<string>();
  private readonly bounds = new Map<string, Bounds>();

  constructor(readonly opts: DiagramOpts) {
    this.root = new Scope(this, opts.processId, null);
  }

  claim(id: string) {
    if (this.ids.has(id)) throw new Error(`duplicate id ${id}`);
    if (!/^[A-Z][A-Za-z]*_[A-Za-z0-9_]+$/.test(id)) throw new Error(`id ${id} is not Prefix_Meaning`);
    this.ids.add(id);
  }

  node(id: string): Node {
    const n = this.index.get(id);
    if (!n) throw new Error(`unknown node ${id}`);
    return n;
  }

  /** Declares a message; correlation key omitted for messages that only start processes. */
  message(name: string, correlationKey?: string): string {
    const id = `Message_${pascal(name)}`;
    if (!this.messages.has(name)) this.messages.set(name, { id, correlationKey });
    return name;
  }

  error(code: string, name: string): string {
    const id = `Error_${pascal(code.toLowerCase())}`;
    if (!this.errors.has(code)) this.errors.set(code, { id, name });
    return code;
  }

  // ---------------------------------------------------------------- layout

  private layout() {
    const place = (scope: Scope): Bounds | null => {
      let box: Bounds | null = null;
      const grow = (b: Bounds) => {
        if (!box) box = { ...b };
        else {
          const x2 = Math.max(box.x + box.w, b.x + b.w);
          const y2 = Math.max(box.y + box.h, b.y + b.h);
          box.x = Math.min(box.x, b.x);
          box.y = Math.min(box.y, b.y);
          box.w = x2 - box.x;
          box.h = y2 - box.y;
        }
      };
      for (const n of scope.nodes) {
        if (n.kind === 'boundaryEvent' || n.summaryOf) continue;
        if (n.kind === 'subProcess') {
          const inner = this.scopes.get(n.id)!;
          const b = place(inner);
          if (!b) throw new Error(`empty sub-process ${n.id}`);
          const sb = { x: b.x - 40, y: b.y - 50, w: b.w + 80, h: b.h + 90 };
          this.bounds.set(n.id, sb);
          grow(sb);
          continue;
        }
        const [w, h] = SIZE[n.kind];
        const cx = X0 + n.at[0] * COL;
        const cy = Y0 + n.at[1] * ROW;
        const b = { x: cx - w / 2, y: cy - h / 2, w, h };
        this.bounds.set(n.id, b);
        grow(b);
      }
      for (const n of scope.nodes) {
        if (n.kind !== 'boundaryEvent') continue;
        const host = this.bounds.get(n.attachedTo!)!;
        const cx = host.x + host.w - 20 - (n.boundaryIndex ?? 0) * 44;
        const cy = host.y + host.h;
        this.bounds.set(n.id, { x: cx - 18, y: cy - 18, w: 36, h: 36 });
      }
      // Case-summary tasks: before their user task, in the first free cell around it.
      const taken = () => scope.nodes.map((m) => this.bounds.get(m.id)).filter((b): b is Bounds => !!b);
      const clear = (b: Bounds) =>
        taken().every(
          (o) =>
            b.x + b.w + 10 <= o.x || o.x + o.w + 10 <= b.x || b.y + b.h + 10 <= o.y || o.y + o.h + 10 <= b.y,
        );
      for (const n of scope.nodes) {
        if (!n.summaryOf) continue;
        const host = this.bounds.get(n.summaryOf)!;
        const [w, h] = SIZE.serviceTask;
        const hx = host.x + host.w / 2;
        const hy = host.y + host.h / 2;
        const spots: Array<[number, number]> = [];
        for (const dy of [-0.8, 0.8, -1.6, 1.6, -2.4, 2.4])
          for (const dx of [-0.7, 0, -1.4, 0.7]) spots.push([dx, dy]);
        const spot = spots
          .map(([dx, dy]) => ({ x: hx + dx * COL - w / 2, y: hy + dy * ROW - h / 2, w, h }))
          .find(clear);
        if (!spot) throw new Error(`no free cell for ${n.id} beside ${n.summaryOf}`);
        this.bounds.set(n.id, spot);
        grow(spot);
      }
      return box;
    };
    place(this.root);
  }

  private centre(id: string) {
    const b = this.bounds.get(id)!;
    return { x: b.x + b.w / 2, y: b.y + b.h / 2, b };
  }

  private route(f: Flow): Array<[number, number]> {
    const s = this.centre(f.from);
    const t = this.centre(f.to);
    const src = this.node(f.from);
    const tgt = this.node(f.to);
    const sRight = s.b.x + s.b.w;
    const tLeft = t.b.x;
    if (f.lane !== undefined) {
      const laneY = Y0 + f.lane * ROW;
      const sy = src.kind === 'boundaryEvent' || laneY > s.y ? s.b.y + s.b.h : s.b.y;
      const ty = laneY > t.y ? t.b.y + t.b.h : t.b.y;
      return [
        [s.x, sy],
        [s.x, laneY],
        [t.x, laneY],
        [t.x, ty],
      ];
    }
    if (src.kind === 'boundaryEvent') {
      const sy = s.b.y + s.b.h;
      if (t.x > s.x)
        return [
          [s.x, sy],
          [s.x, t.y],
          [tLeft, t.y],
        ];
      return [
        [s.x, sy],
        [s.x, t.b.y + t.b.h + 20],
        [t.x, t.b.y + t.b.h + 20],
        [t.x, t.b.y + t.b.h],
      ];
    }
    if (tLeft >= sRight) {
      if (Math.abs(s.y - t.y) < 1)
        return [
          [sRight, s.y],
          [tLeft, t.y],
        ];
      const srcGateway = src.kind.endsWith('Gateway');
      const tgtGateway = tgt.kind.endsWith('Gateway');
      if (srcGateway) {
        const sy = t.y > s.y ? s.b.y + s.b.h : s.b.y;
        return [
          [s.x, sy],
          [s.x, t.y],
          [tLeft, t.y],
        ];
      }
      if (tgtGateway) {
        const ty = s.y > t.y ? t.b.y + t.b.h : t.b.y;
        return [
          [sRight, s.y],
          [t.x, s.y],
          [t.x, ty],
        ];
      }
      const midX = tLeft - 30;
      return [
        [sRight, s.y],
        [midX, s.y],
        [midX, t.y],
        [tLeft, t.y],
      ];
    }
    // backward: run below both along a lane
    const laneY = Math.max(s.b.y + s.b.h, t.b.y + t.b.h) + 40;
    return [
      [s.x, s.b.y + s.b.h],
      [s.x, laneY],
      [t.x, laneY],
      [t.x, t.b.y + t.b.h],
    ];
  }

  // ---------------------------------------------------------------- XML

  /**
   * The diagram as a bpmn-moddle object tree (semantic model and BPMNDI), serialised by moddle's
   * own `toXML`: the same library the engine, the linter and the modeler read it with.
   */
  async toXml(): Promise<string> {
    this.layout();
    const m = new BpmnModdle({ zeebe: zeebeDescriptor });
    const el = (type: string, attrs: Record<string, unknown> = {}) => m.create(type, attrs);
    const docs = (text: string) => [el('bpmn:Documentation', { text })];
    const ext = (values: unknown[]) => (values.length ? el('bpmn:ExtensionElements', { values }) : undefined);

    const messages = new Map<string, unknown>();
    for (const [name, msg] of this.messages) {
      const attrs: Record<string, unknown> = { id: msg.id, name };
      if (msg.correlationKey)
        attrs.extensionElements = ext([el('zeebe:Subscription', { correlationKey: msg.correlationKey })]);
      messages.set(name, el('bpmn:Message', attrs));
    }
    const errors = new Map<string, unknown>();
    for (const [code, e] of this.errors)
      errors.set(code, el('bpmn:Error', { id: e.id, name: stepPair(e.id), errorCode: code }));

    const elements = new Map<string, { $type: string; [k: string]: unknown }>();
    const process = el('bpmn:Process', {
      id: this.opts.processId,
      name: stepPair(this.opts.processId),
      isExecutable: true,
      documentation: docs(this.opts.doc),
      extensionElements: this.opts.versionTag
        ? ext([el('zeebe:VersionTag', { value: this.opts.versionTag })])
        : undefined,
    });
    const fill = (scope: Scope, container: { flowElements?: unknown[] }) => {
      const flowElements: unknown[] = [];
      for (const n of scope.nodes) {
        const attrs: Record<string, unknown> = { id: n.id, documentation: docs(n.doc) };
        if (n.name) attrs.name = stepPair(n.id);
        if (n.kind === 'boundaryEvent' && n.interrupting === false) attrs.cancelActivity = false;
        if (n.kind === 'startEvent' && n.interrupting === false) attrs.isInterrupting = false;
        if (n.kind === 'subProcess' && this.scopes.get(n.id)!.triggeredByEvent) attrs.triggeredByEvent = true;
        attrs.extensionElements = ext(this.extensions(n, el));
        if (n.event) attrs.eventDefinitions = [this.eventDefinition(n, el, messages, errors)];
        const node = el(`bpmn:${n.kind[0].toUpperCase()}${n.kind.slice(1)}`, attrs);
        elements.set(n.id, node);
        flowElements.push(node);
        if (n.kind === 'subProcess') fill(this.scopes.get(n.id)!, node);
      }
      for (const f of scope.flows) {
        const flow = el('bpmn:SequenceFlow', { id: f.id, name: f.name ? stepPair(f.id) : undefined });
        if (f.condition) flow.conditionExpression = el('bpmn:FormalExpression', { body: f.condition });
        elements.set(f.id, flow);
        flowElements.push(flow);
      }
      container.flowElements = flowElements;
    };
    fill(this.root, process);
    // References once every element exists: flows, attachments, defaults, incoming/outgoing.
    const link = (scope: Scope) => {
      for (const n of scope.nodes) {
        const node = elements.get(n.id)!;
        if (n.attachedTo) node.attachedToRef = elements.get(n.attachedTo);
        const defaultFlow = scope.flows.find((f) => f.from === n.id && f.isDefault);
        if (defaultFlow) node.default = elements.get(defaultFlow.id);
        const incoming = scope.flows.filter((f) => f.to === n.id).map((f) => elements.get(f.id));
        const outgoing = scope.flows.filter((f) => f.from === n.id).map((f) => elements.get(f.id));
        if (incoming.length) node.incoming = incoming;
        if (outgoing.length) node.outgoing = outgoing;
        if (n.kind === 'subProcess') link(this.scopes.get(n.id)!);
      }
      for (const f of scope.flows) {
        const flow = elements.get(f.id)!;
        flow.sourceRef = elements.get(f.from);
        flow.targetRef = elements.get(f.to);
      }
    };
    link(this.root);

    const key = pascal(this.opts.processId);
    const planeElement: unknown[] = [];
    this.writeDi(this.root, planeElement, el, elements);
    const diagram = el('bpmndi:BPMNDiagram', {
      id: `BPMNDiagram_${key}`,
      plane: el('bpmndi:BPMNPlane', { id: `BPMNPlane_${key}`, bpmnElement: process, planeElement }),
    });
    const definitions = el('bpmn:Definitions', {
      id: `Definitions_${key}`,
      targetNamespace: 'http://bpmn.io/schema/bpmn',
      exporter: 'kz-permits bpmn-builder',
      exporterVersion: '2.0.0',
      rootElements: [process, ...messages.values(), ...errors.values()],
      diagrams: [diagram],
    });
    // Camunda Modeler reads the target platform from its own namespace, which moddle keeps as-is.
    definitions.$attrs['xmlns:modeler'] = 'http://camunda.org/schema/modeler/1.0';
    definitions.$attrs['modeler:executionPlatform'] = 'Camunda Cloud';
    definitions.$attrs['modeler:executionPlatformVersion'] = '8.8.0';
    const { xml } = await m.toXML(definitions, { format: true });
    return xml.endsWith('\n') ? xml : `${xml}\n`;
  }

  private eventDefinition(
    n: Node,
    el: Create,
    messages: Map<string, unknown>,
    errors: Map<string, unknown>,
  ): unknown {
    const e = n.event!;
    const id = `${n.id}_Definition`;
    if ('timeDate' in e)
      return el('bpmn:TimerEventDefinition', {
        id,
        timeDate: el('bpmn:FormalExpression', { body: e.timeDate }),
      });
    if ('message' in e) return el('bpmn:MessageEventDefinition', { id, messageRef: messages.get(e.message) });
    if ('error' in e) return el('bpmn:ErrorEventDefinition', { id, errorRef: errors.get(e.error) });
    return el('bpmn:TerminateEventDefinition', { id });
  }

  private extensions(n: Node, el: Create): unknown[] {
    const x: unknown[] = [];
    if (n.kind === 'serviceTask') x.push(el('zeebe:TaskDefinition', { type: n.type!, retries: '3' }));
    if (n.kind === 'userTask') {
      x.push(el('zeebe:UserTask'));
      x.push(el('zeebe:FormDefinition', { formId: n.formId! }));
      x.push(el('zeebe:AssignmentDefinition', { candidateGroups: n.candidateGroups! }));
      if (n.dueDate) x.push(el('zeebe:TaskSchedule', { dueDate: n.dueDate }));
      x.push(el('zeebe:PriorityDefinition', { priority: n.priority ?? 50 }));
    }
    if (n.kind === 'scriptTask')
      x.push(
        el('zeebe:Script', { expression: n.script!.expression, resultVariable: n.script!.resultVariable }),
      );
    if (n.kind === 'callActivity')
      x.push(el('zeebe:CalledElement', { processId: n.calledProcessId!, propagateAllChildVariables: false }));
    if (n.inputs?.length || n.outputs?.length) {
      x.push(
        el('zeebe:IoMapping', {
          inputParameters: (n.inputs ?? []).map((p) =>
            el('zeebe:Input', { source: p.source, target: p.target }),
          ),
          outputParameters: (n.outputs ?? []).map((p) =>
            el('zeebe:Output', { source: p.source, target: p.target }),
          ),
        }),
      );
    }
    if (n.headers && Object.keys(n.headers).length) {
      x.push(
        el('zeebe:TaskHeaders', {
          values: Object.entries(n.headers).map(([key, value]) => el('zeebe:Header', { key, value })),
        }),
      );
    }
    return x;
  }

  private writeDi(scope: Scope, out: unknown[], el: Create, elements: Map<string, unknown>) {
    const bounds = (b: Bounds) => el('dc:Bounds', { x: r(b.x), y: r(b.y), width: r(b.w), height: r(b.h) });
    for (const n of scope.nodes) {
      const b = this.bounds.get(n.id)!;
      const attrs: Record<string, unknown> = { id: `${n.id}_di`, bpmnElement: elements.get(n.id) };
      if (n.kind === 'subProcess') attrs.isExpanded = true;
      if (n.kind === 'exclusiveGateway') attrs.isMarkerVisible = true;
      attrs.bounds = bounds(b);
      if (n.name && (n.kind.endsWith('Event') || n.kind.endsWith('Gateway'))) {
        const lw = 130;
        attrs.label = el('bpmndi:BPMNLabel', {
          bounds: bounds({ x: b.x + b.w / 2 - lw / 2, y: b.y + b.h + 4, w: lw, h: 27 }),
        });
      }
      out.push(el('bpmndi:BPMNShape', attrs));
      if (n.kind === 'subProcess') this.writeDi(this.scopes.get(n.id)!, out, el, elements);
    }
    for (const f of scope.flows) {
      out.push(
        el('bpmndi:BPMNEdge', {
          id: `${f.id}_di`,
          bpmnElement: elements.get(f.id),
          waypoint: this.route(f).map(([x, y]) => el('dc:Point', { x: r(x), y: r(y) })),
        }),
      );
    }
  }
}

function r(n: number): number {
  return Math.round(n);
}

export function pascal(s: string): string {
  return s
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((p) => p[0].toUpperCase() + p.slice(1))
    .join('');
}
