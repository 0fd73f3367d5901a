import { readFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ENGINE_NODE_OPTIONS } from '../../engine/node-options';

/**
 * The engine's Node options (engine/node-options.ts) are what `npm run engine` and `npm start` give
 * Node, and they do what they say: V8 honours them only on the command line.
 */
const ROOT = path.join(__dirname, '..', '..');
const scripts = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts as Record<
  string,
  string
>;

describe("the engine process's Node options", () => {
  it.each(['engine', 'start'])('npm run %s gives Node every one of them before the script', (name) => {
    const words = scripts[name].split(/\s+/);
    expect(words[0]).toBe('node');
    const script = words.findIndex((w) => w.endsWith('.ts'));
    expect(script).toBeGreaterThan(0);
    for (const option of ENGINE_NODE_OPTIONS) expect(words.slice(1, script)).toContain(option);
  });

  it('caps the young generation at 2 × 8 MB (Node 20 grows it to 2 × 16 MB without them)', () => {
    // Allocates enough short-lived objects for V8 to grow the young generation to its maximum.
    const probe =
      "const v8=require('v8');let a=[];for(let i=0;i<3e6;i++){a.push({i});if(a.length>5e5)a=[]}" +
      "process.stdout.write(String(v8.getHeapSpaceStatistics().find(s=>s.space_name==='new_space').space_size))";
    const youngBytes = (options: readonly string[]) =>
      Number(execFileSync(process.execPath, [...options, '-e', probe], { env: { PATH: process.env.PATH } }));
    const MB = 1024 * 1024;
    expect(youngBytes(ENGINE_NODE_OPTIONS)).toBeLessThanOrEqual(16 * MB);
    expect(youngBytes([])).toBeGreaterThan(16 * MB);
  });
});
