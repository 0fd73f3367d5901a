import type { NextFunction, Request, Response } from 'express';
import { problem } from './http';

/** How one simulated system misbehaves; changed at runtime through `PUT /_control/:system`. */
export interface FaultSettings {
  /** Added to every response, so client time-outs can be exercised. */
  latencyMs: number;
  /** Share of requests (0..1) answered with 500, drawn from the seeded generator. */
  failureRate: number;
  /** Every request answered with 503, as during a gateway outage. */
  down: boolean;
  /** Every request answered 200 with a body of the wrong shape, as after an unannounced API change. */
  malformed: boolean;
}

/** Deterministic generator (mulberry32), so a seeded failure rate fails the same requests every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultControl {
  private readonly settings = new Map<string, FaultSettings>();

  constructor(
    readonly systems: readonly string[],
    private readonly defaults: FaultSettings,
    private readonly random: () => number,
  ) {
    this.reset();
  }

  reset(): void {
    for (const system of this.systems) this.settings.set(system, { ...this.defaults });
  }

  has(system: string): boolean {
    return this.settings.has(system);
  }

  get(system: string): FaultSettings {
    const found = this.settings.get(system);
    if (!found) throw new RangeError(`unknown system ${system}`);
    return found;
  }

  update(system: string, patch: Partial<FaultSettings>): FaultSettings {
    const next = { ...this.get(system), ...patch };
    this.settings.set(system, next);
    return next;
  }

  snapshot(): Record<string, FaultSettings> {
    return Object.fromEntries([...this.settings].map(([k, v]) => [k, { ...v }]));
  }

  /** Express middleware placed in front of one system's router. */
  middleware(system: string) {
    return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      const s = this.get(system);
      if (s.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, s.latencyMs));
      if (s.down) {
        res.setHeader('Retry-After', '5');
        problem(res, 503, 'Service Unavailable', `${system} is down (simulated outage)`);
        return;
      }
      if (s.failureRate > 0 && this.random() < s.failureRate) {
        problem(res, 500, 'Internal Server Error', `${system} failed (simulated fault)`);
        return;
      }
      if (s.malformed) {
        res.status(200).json({ simulated: 'malformed response', system, path: req.path });
        return;
      }
      next();
    };
  }
}
