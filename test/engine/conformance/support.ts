import {
  CamundaClient,
  deploy,
  eventually,
  NOW,
  startTestEngine,
  TestEngine,
} from '../../support/engine-harness';

export { NOW, eventually, deploy };
export type { CamundaClient, TestEngine };

/** One engine per test file; tests pin the clock and reset it afterwards. */
export function useEngine(): { readonly t: TestEngine; readonly client: CamundaClient } {
  const ctx: { t?: TestEngine } = {};
  beforeAll(async () => {
    ctx.t = await startTestEngine();
  });
  afterEach(async () => {
    await ctx.t?.client.resetClock();
  });
  afterAll(() => ctx.t?.close());
  return {
    get t() {
      return ctx.t!;
    },
    get client() {
      return ctx.t!.client;
    },
  };
}

/** Deploys BPMN (and form) resources by file name; returns the SDK's deployment result. */
export async function deployAll(client: CamundaClient, files: Record<string, string>): Promise<any> {
  return deploy(client, files);
}

export async function startInstance(
  client: CamundaClient,
  processDefinitionId: string,
  variables: Record<string, unknown> = {},
): Promise<string> {
  const pi = await client.createProcessInstance({ processDefinitionId, variables } as any);
  return pi.processInstanceKey as string;
}

/** One activation request that does not long-poll. */
export async function activate(
  client: CamundaClient,
  type: string,
  opts: { max?: number; timeout?: number } = {},
): Promise<any[]> {
  const r = await client.activateJobs({
    type,
    maxJobsToActivate: opts.max ?? 10,
    timeout: opts.timeout ?? 60_000,
    worker: 'conformance',
    requestTimeout: -1,
  } as any);
  return r.jobs as any[];
}

/** Activates until `n` jobs of the type are handed out (bounded). */
export async function jobs(client: CamundaClient, type: string, n = 1, timeout = 60_000): Promise<any[]> {
  const got: any[] = [];
  await eventually(
    async () => {
      got.push(...(await activate(client, type, { max: n - got.length, timeout })));
      return got.length;
    },
    (len) => len >= n,
  );
  return got;
}

export async function complete(
  client: CamundaClient,
  job: any,
  variables: Record<string, unknown> = {},
): Promise<void> {
  await client.completeJob({ jobKey: job.jobKey, variables } as any);
}

export async function piState(client: CamundaClient, processInstanceKey: string): Promise<string> {
  return ((await client.getProcessInstance({ processInstanceKey } as any, NOW)) as any).state;
}

/** Element instances of an instance as `elementId:STATE` strings, in creation order. */
export async function trail(client: CamundaClient, processInstanceKey: string): Promise<string[]> {
  const r: any = await client.searchElementInstances(
    { filter: { processInstanceKey }, page: { limit: 1000 } } as any,
    NOW,
  );
  return r.items.map((e: any) => `${e.elementId}:${e.state}`);
}

export async function active(client: CamundaClient, processInstanceKey: string): Promise<string[]> {
  const r: any = await client.searchElementInstances(
    { filter: { processInstanceKey, state: 'ACTIVE' }, page: { limit: 1000 } } as any,
    NOW,
  );
  return r.items.map((e: any) => e.elementId);
}

/** Variables of one scope (default: the process instance's root scope), parsed from JSON. */
export async function variables(
  client: CamundaClient,
  processInstanceKey: string,
  scopeKey: string = processInstanceKey,
): Promise<Record<string, unknown>> {
  const r: any = await client.searchVariables(
    { filter: { processInstanceKey, scopeKey }, page: { limit: 1000 } } as any,
    NOW,
  );
  return Object.fromEntries(r.items.map((v: any) => [v.name, JSON.parse(v.value)]));
}

export async function allVariables(
  client: CamundaClient,
  processInstanceKey: string,
): Promise<{ name: string; value: unknown; scopeKey: string }[]> {
  const r: any = await client.searchVariables(
    { filter: { processInstanceKey }, page: { limit: 1000 } } as any,
    NOW,
  );
  return r.items.map((v: any) => ({ name: v.name, value: JSON.parse(v.value), scopeKey: v.scopeKey }));
}

export async function incidents(
  client: CamundaClient,
  processInstanceKey: string,
  state = 'ACTIVE',
): Promise<any[]> {
  const r: any = await client.searchIncidents({ filter: { processInstanceKey, state } } as any, NOW);
  return r.items;
}

export async function userTasks(
  client: CamundaClient,
  processInstanceKey: string,
  state = 'CREATED',
): Promise<any[]> {
  const r: any = await client.searchUserTasks({ filter: { processInstanceKey, state } } as any, NOW);
  return r.items;
}

export async function elementKey(
  client: CamundaClient,
  processInstanceKey: string,
  elementId: string,
): Promise<string> {
  const r: any = await client.searchElementInstances(
    { filter: { processInstanceKey, elementId } } as any,
    NOW,
  );
  return r.items[0].elementInstanceKey;
}

export async function pin(client: CamundaClient, at: string | number): Promise<void> {
  await client.pinClock({ timestamp: typeof at === 'number' ? at : Date.parse(at) } as any);
}

/** The rejection an SDK call ends with (its HTTP status and RFC 9457 body). */
export async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to be rejected');
}
