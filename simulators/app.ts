import express, { type Express, type NextFunction, type Request, type Response, type Router } from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { GATEWAY_SYSTEMS } from '../adapters/gateway';
import { systemClock, type Clock } from '../domain/clock';
import { FaultControl, seededRandom } from './control';
import type { SeedData } from './data/types';
import { parseBody, problem } from './http';
import { createStore, type Store } from './store';
import {
  criminalRecordsRouter,
  educationRouter,
  employmentRouter,
  legalEntitiesRouter,
  mentalHealthRouter,
  paymentsRouter,
  personsRouter,
  realEstateRouter,
  vehiclesRouter,
} from './systems/registries';
import { antimonopolyRouter, type AntimonopolyOptions } from './systems/antimonopoly';
import { cabinetRouter, eLicensingRouter, monitoringRouter } from './systems/services';

/** Every simulated system; each is mounted under `/<name>`. */
/** Every system behind the digital-government gateway has a stand-in here. */
export const SIMULATED_SYSTEMS = GATEWAY_SYSTEMS;
export type SimulatedSystem = (typeof SIMULATED_SYSTEMS)[number];

export interface SimulatorsOptions {
  /** Delay added to every answer, for all systems at start. Default 0. */
  latencyMs?: number;
  /** Share of requests (0..1) answered with 500, for all systems at start. Default 0. */
  failureRate?: number;
  /** Seed of the failure generator; the same seed fails the same requests. */
  seed?: number;
  /** Where the antimonopoly body's answers are POSTed (the web app's inbound channel). */
  callbackUrl?: string;
  /** Bearer token presented with each answer (INBOUND_TOKEN). */
  callbackToken?: string;
  clock?: Clock;
  /** Replaces the built-in synthetic data. */
  data?: SeedData;
}

const controlPatch = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000),
    failureRate: z.number().min(0).max(1),
    down: z.boolean(),
    malformed: z.boolean(),
  })
  .partial()
  .strict();

/** The simulated state systems as one Express app (state lives in the app instance). */
export function createSimulatorsApp(options: SimulatorsOptions = {}): Express {
  const antimonopoly: AntimonopolyOptions = {
    callbackUrl: options.callbackUrl,
    callbackToken: options.callbackToken,
  };
  const store: Store = createStore(options.clock ?? systemClock, options.data);
  const control = new FaultControl(
    SIMULATED_SYSTEMS,
    {
      latencyMs: options.latencyMs ?? 0,
      failureRate: options.failureRate ?? 0,
      down: false,
      malformed: false,
    },
    options.seed === undefined ? Math.random : seededRandom(options.seed),
  );
  const routers: Record<SimulatedSystem, Router> = {
    'legal-entities': legalEntitiesRouter(store),
    persons: personsRouter(store),
    education: educationRouter(store),
    employment: employmentRouter(store),
    'real-estate': realEstateRouter(store),
    'criminal-records': criminalRecordsRouter(store),
    'mental-health': mentalHealthRouter(store),
    vehicles: vehiclesRouter(store),
    payments: paymentsRouter(store),
    'e-licensing': eLicensingRouter(store),
    cabinet: cabinetRouter(store),
    monitoring: monitoringRouter(store),
    antimonopoly: antimonopolyRouter(store, antimonopoly),
  };

  const app = express();
  app.disable('x-powered-by');
  app.locals.antimonopoly = antimonopoly;
  app.use(express.json({ limit: '1mb' }));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', systems: SIMULATED_SYSTEMS });
  });
  app.get('/_control', (_req, res) => {
    res.json(control.snapshot());
  });
  app.put('/_control/:system', (req, res) => {
    if (!control.has(req.params.system))
      return problem(res, 404, 'Not Found', `unknown system ${req.params.system}`);
    const patch = parseBody(controlPatch, req, res);
    if (!patch) return;
    res.json(control.update(req.params.system, patch));
  });
  app.delete('/_control', (_req, res) => {
    control.reset();
    res.json(control.snapshot());
  });

  for (const system of SIMULATED_SYSTEMS) app.use(`/${system}`, control.middleware(system), routers[system]);

  app.use((_req, res) => problem(res, 404, 'Not Found', 'no such endpoint'));
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status =
      typeof err === 'object' && err !== null && 'status' in err && typeof err.status === 'number'
        ? err.status
        : 500;
    problem(
      res,
      status,
      status === 400 ? 'Bad Request' : 'Internal Server Error',
      err instanceof Error ? err.message : undefined,
    );
  });
  return app;
}

export interface StartSimulatorsOptions extends SimulatorsOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
}

export interface RunningSimulators {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8090`. */
  url: string;
  server: Server;
  /** Connects the antimonopoly body's answers to the provider's inbound channel once it listens. */
  connectAntimonopolyCallback(url: string, token?: string): void;
  close(): Promise<void>;
}

export async function startSimulators(options: StartSimulatorsOptions = {}): Promise<RunningSimulators> {
  const app = createSimulatorsApp(options);
  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port ?? 0, host, (err?: Error) => (err ? reject(err) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  return {
    url: `http://${urlHost}:${port}`,
    server,
    connectAntimonopolyCallback: (url, token) => {
      Object.assign(app.locals.antimonopoly as AntimonopolyOptions, {
        callbackUrl: url,
        callbackToken: token,
      });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Keep-alive connections from fetch would otherwise hold the server open.
        server.closeAllConnections();
      }),
  };
}
