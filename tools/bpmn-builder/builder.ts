/**
 * A small builder that writes Camunda 8.8 BPMN with complete BPMNDI from a grid description.
 *
 * Diagrams are generated rather than drawn so that ids, documentation and the deadline-escalation
 * pattern stay uniform across the procedures; the generated XML opens and edits normally in
 * Camunda Modeler. Nodes sit on a grid (`at: [column, row]`); expanded sub-processes wrap their
 * children; edges are routed orthogonally.
 */

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

const COL = 160;
const ROW = 120;
const X0 = 180;
const Y0 = 120;

const SIZE: Record<Kind, [number, number]> = {
  startEvent: [36, 36],
  endEvent: [36, 36],
  intermediateCatchEvent: [36, 36],
  boundaryEvent: [36, 36],
  serviceTask: [100, 80],
  userTask: [100, 80],
  scriptTask: [100, 80],
  callActivity: [100, 80],
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

  toXml(): string {
    this.layout();
    const out: string[] = [];
    out.push('<?xml version="1.0" encoding="UTF-8"?>');
    out.push(
      `<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_${pascal(this.opts.processId)}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="kz-permits bpmn-builder" exporterVersion="1.0.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">`,
    );
    out.push(
      `  <bpmn:process id="${this.opts.processId}" name="${esc(this.opts.name)}" isExecutable="true">`,
    );
    out.push(`    <bpmn:documentation>${esc(this.opts.doc)}</bpmn:documentation>`);
    if (this.opts.versionTag)
      out.push(
        `    <bpmn:extensionElements><zeebe:versionTag value="${esc(this.opts.versionTag)}" /></bpmn:extensionElements>`,
      );
    this.writeScope(this.root, out, '    ');
    out.push('  </bpmn:process>');
    for (const [name, m] of this.messages) {
      if (m.correlationKey) {
        out.push(`  <bpmn:message id="${m.id}" name="${esc(name)}">`);
        out.push(
          `    <bpmn:extensionElements><zeebe:subscription correlationKey="${esc(m.correlationKey)}" /></bpmn:extensionElements>`,
        );
        out.push('  </bpmn:message>');
      } else {
        out.push(`  <bpmn:message id="${m.id}" name="${esc(name)}" />`);
      }
    }
    for (const [code, e] of this.errors)
      out.push(`  <bpmn:error id="${e.id}" name="${esc(e.name)}" errorCode="${esc(code)}" />`);
    out.push(`  <bpmndi:BPMNDiagram id="BPMNDiagram_${pascal(this.opts.processId)}">`);
    out.push(
      `    <bpmndi:BPMNPlane id="BPMNPlane_${pascal(this.opts.processId)}" bpmnElement="${this.opts.processId}">`,
    );
    this.writeDi(this.root, out);
    out.push('    </bpmndi:BPMNPlane>');
    out.push('  </bpmndi:BPMNDiagram>');
    out.push('</bpmn:definitions>');
    return out.join('\n') + '\n';
  }

  private writeScope(scope: Scope, out: string[], ind: string) {
    const incoming = (id: string) => scope.flows.filter((f) => f.to === id).map((f) => f.id);
    const outgoing = (id: string) => scope.flows.filter((f) => f.from === id).map((f) => f.id);
    for (const n of scope.nodes) {
      const attrs: string[] = [`id="${n.id}"`];
      if (n.name) attrs.push(`name="${esc(n.name)}"`);
      if (n.kind === 'boundaryEvent') {
        attrs.push(`attachedToRef="${n.attachedTo}"`);
        if (n.interrupting === false) attrs.push('cancelActivity="false"');
      }
      if (n.kind === 'startEvent' && n.interrupting === false) attrs.push('isInterrupting="false"');
      if (n.kind === 'subProcess' && this.scopes.get(n.id)!.triggeredByEvent)
        attrs.push('triggeredByEvent="true"');
      const defaultFlow = scope.flows.find((f) => f.from === n.id && f.isDefault);
      if (defaultFlow) attrs.push(`default="${defaultFlow.id}"`);
      const tag = `bpmn:${n.kind}`;
      out.push(`${ind}<${tag} ${attrs.join(' ')}>`);
      out.push(`${ind}  <bpmn:documentation>${esc(n.doc)}</bpmn:documentation>`);
      const ext = this.extensions(n);
      if (ext.length) {
        out.push(`${ind}  <bpmn:extensionElements>`);
        for (const e of ext) out.push(`${ind}    ${e}`);
        out.push(`${ind}  </bpmn:extensionElements>`);
      }
      for (const f of incoming(n.id)) out.push(`${ind}  <bpmn:incoming>${f}</bpmn:incoming>`);
      for (const f of outgoing(n.id)) out.push(`${ind}  <bpmn:outgoing>${f}</bpmn:outgoing>`);
      if (n.event) out.push(`${ind}  ${this.eventDefinition(n)}`);
      if (n.kind === 'subProcess') this.writeScope(this.scopes.get(n.id)!, out, ind + '  ');
      out.push(`${ind}</${tag}>`);
    }
    for (const f of scope.flows) {
      const attrs = [`id="${f.id}"`, `sourceRef="${f.from}"`, `targetRef="${f.to}"`];
      if (f.name) attrs.splice(1, 0, `name="${esc(f.name)}"`);
      if (f.condition) {
        out.push(`${ind}<bpmn:sequenceFlow ${attrs.join(' ')}>`);
        out.push(
          `${ind}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${esc(f.condition)}</bpmn:conditionExpression>`,
        );
        out.push(`${ind}</bpmn:sequenceFlow>`);
      } else {
        out.push(`${ind}<bpmn:sequenceFlow ${attrs.join(' ')} />`);
      }
    }
  }

  private eventDefinition(n: Node): string {
    const e = n.event!;
    const defId = `${n.id}_Definition`;
    if ('timeDate' in e) {
      return `<bpmn:timerEventDefinition id="${defId}"><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${esc(e.timeDate)}</bpmn:timeDate></bpmn:timerEventDefinition>`;
    }
    if ('message' in e)
      return `<bpmn:messageEventDefinition id="${defId}" messageRef="${this.messages.get(e.message)!.id}" />`;
    if ('error' in e)
      return `<bpmn:errorEventDefinition id="${defId}" errorRef="${this.errors.get(e.error)!.id}" />`;
    return `<bpmn:terminateEventDefinition id="${defId}" />`;
  }

  private extensions(n: Node): string[] {
    const x: string[] = [];
    if (n.kind === 'serviceTask') x.push(`<zeebe:taskDefinition type="${esc(n.type!)}" retries="3" />`);
    if (n.kind === 'userTask') {
      x.push('<zeebe:userTask />');
      x.push(`<zeebe:formDefinition formId="${esc(n.formId!)}" />`);
      x.push(`<zeebe:assignmentDefinition candidateGroups="${esc(n.candidateGroups!)}" />`);
      if (n.dueDate) x.push(`<zeebe:taskSchedule dueDate="${esc(n.dueDate)}" />`);
      x.push(`<zeebe:priorityDefinition priority="${n.priority ?? 50}" />`);
    }
    if (n.kind === 'scriptTask') {
      x.push(
        `<zeebe:script expression="${esc(n.script!.expression)}" resultVariable="${esc(n.script!.resultVariable)}" />`,
      );
    }
    if (n.kind === 'callActivity')
      x.push(
        `<zeebe:calledElement processId="${esc(n.calledProcessId!)}" propagateAllChildVariables="false" />`,
      );
    if (n.inputs?.length || n.outputs?.length) {
      x.push('<zeebe:ioMapping>');
      for (const m of n.inputs ?? [])
        x.push(`  <zeebe:input source="${esc(m.source)}" target="${esc(m.target)}" />`);
      for (const m of n.outputs ?? [])
        x.push(`  <zeebe:output source="${esc(m.source)}" target="${esc(m.target)}" />`);
      x.push('</zeebe:ioMapping>');
    }
    if (n.headers && Object.keys(n.headers).length) {
      x.push('<zeebe:taskHeaders>');
      for (const [k, v] of Object.entries(n.headers))
        x.push(`  <zeebe:header key="${esc(k)}" value="${esc(v)}" />`);
      x.push('</zeebe:taskHeaders>');
    }
    return x;
  }

  private writeDi(scope: Scope, out: string[]) {
    for (const n of scope.nodes) {
      const b = this.bounds.get(n.id)!;
      const extra =
        n.kind === 'subProcess'
          ? ' isExpanded="true"'
          : n.kind === 'exclusiveGateway'
            ? ' isMarkerVisible="true"'
            : '';
      out.push(`      <bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"${extra}>`);
      out.push(`        <dc:Bounds x="${r(b.x)}" y="${r(b.y)}" width="${r(b.w)}" height="${r(b.h)}" />`);
      if (n.name && (n.kind.endsWith('Event') || n.kind.endsWith('Gateway'))) {
        const lw = 100;
        out.push(
          `        <bpmndi:BPMNLabel><dc:Bounds x="${r(b.x + b.w / 2 - lw / 2)}" y="${r(b.y + b.h + 4)}" width="${lw}" height="27" /></bpmndi:BPMNLabel>`,
        );
      }
      out.push('      </bpmndi:BPMNShape>');
      if (n.kind === 'subProcess') this.writeDi(this.scopes.get(n.id)!, out);
    }
    for (const f of scope.flows) {
      out.push(`      <bpmndi:BPMNEdge id="${f.id}_di" bpmnElement="${f.id}">`);
      for (const [x, y] of this.route(f)) out.push(`        <di:waypoint x="${r(x)}" y="${r(y)}" />`);
      out.push('      </bpmndi:BPMNEdge>');
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

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
