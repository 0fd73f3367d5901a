import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The scale bench's event-loop figures for the engine process (bench/loop-delay.ts) cover the run,
 * not the start: a process that holds its loop for a second while it starts and then signals that it
 * is ready (as bench/engine.ts does when the engine prints "ready") reports that second as its start,
 * and the run's longest stall without it.
 */
function run(script: string): Promise<Record<string, number | undefined>> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', path.join(__dirname, '../../bench/loop-delay.ts'), '-e', script],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', () => {
      const m = /loop-delay (\{.*\})/.exec(out);
      if (m) resolve(JSON.parse(m[1]));
      else reject(new Error(`no loop-delay line in ${JSON.stringify(out)}`));
    });
  });
}

// Starting: a few turns of the loop, then one second of synchronous work (as loading the running
// state is), then "ready", then 300 ms of serving nothing heavy.
const HOLD_WHILE_STARTING = `
  setTimeout(() => {
    const until = Date.now() + 1000;
    while (Date.now() < until);
    setTimeout(() => {
      process.kill(process.pid, 'SIGUSR2');
      setTimeout(() => process.exit(0), 300);
    }, 50);
  }, 50);
`;

describe('engine event-loop figures in the benches', () => {
  test('given a start that holds the loop for a second, when the process signals it is ready, then the start is reported apart and the run’s longest stall excludes it', async () => {
    const figures = await run(HOLD_WHILE_STARTING);
    expect(figures.startupMax).toBeGreaterThanOrEqual(900);
    expect(figures.max).toBeLessThan(900);
  }, 30_000);
});
