import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type RecordStore } from '../../engine/store/sqlite-store';
import type { IndexChanges } from '../../engine/store/search-index';

/**
 * A worklist's total (one candidate group, one state) is read from the group's counter row, kept by
 * triggers in the same transaction as the group rows, instead of walking up to 10,000 index entries
 * per page. The counter must follow every change: new tasks, completion, changed groups, deletion,
 * and a data file written before the counters existed.
 */

const task = (key: string, groups: string[], state = 'CREATED') => ({
  userTaskKey: key,
  state,
  candidateGroups: groups,
  creationDate: `2026-11-01T00:00:${key.padStart(2, '0').slice(-2)}.000Z`,
});

function write(store: RecordStore, rows: [string, Record<string, unknown> | null][]): void {
  const changes: IndexChanges = new Map([['userTask', new Map(rows)]]);
  store.commit(new Map(), {}, changes);
}

const total = (store: RecordStore, filter: Record<string, unknown>) =>
  store.index.search('userTask', { filter, page: { limit: 1 } }, 'creationDate').page.totalItems;

describe('candidate-group counters', () => {
  let dir: string;
  let store: RecordStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-group-counts-'));
    store = openSqliteStore(dir);
  });
  afterEach(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('given one group and one state, when the worklist is counted, then the count reads the counter row, not the group’s index range', () => {
    const plan = store.index.plan(
      'userTask',
      { filter: { candidateGroup: { $in: ['clerks'] }, state: 'CREATED' }, page: { limit: 50 } },
      'creationDate',
    );
    expect(plan.count.join('\n')).toMatch(/s_userTask_candidate_count/);
    expect(plan.count.join('\n')).not.toMatch(/ix_userTask_candidate/);
  });

  test('given tasks created, completed, moved between groups and removed, then each group’s counted total equals its rows', () => {
    write(
      store,
      Array.from({ length: 30 }, (_, i) => [
        String(i),
        task(String(i), i % 3 === 0 ? ['clerks', 'heads'] : ['clerks']),
      ]),
    );
    expect(total(store, { candidateGroup: 'clerks', state: 'CREATED' })).toBe(30);
    expect(total(store, { candidateGroup: 'heads', state: 'CREATED' })).toBe(10);
    // Five completed (the same row rewritten), two moved to another group, one removed.
    write(store, [
      ...[1, 2, 4, 5, 7].map((i): [string, Record<string, unknown>] => [
        String(i),
        task(String(i), ['clerks'], 'COMPLETED'),
      ]),
      ['0', task('0', ['heads'])],
      ['3', task('3', ['archive'])],
      ['8', null],
    ]);
    const expected = { clerks: 30 - 5 - 2 - 1, heads: 10 - 1, archive: 1 };
    for (const [group, n] of Object.entries(expected)) {
      expect(total(store, { candidateGroup: group, state: 'CREATED' })).toBe(n);
      // The same count walked over the group's index range (a state list does not use the counter).
      expect(total(store, { candidateGroup: { $eq: group }, state: { $in: ['CREATED'] } })).toBe(n);
    }
    expect(total(store, { candidateGroup: 'clerks', state: 'COMPLETED' })).toBe(5);
    expect(total(store, { candidateGroup: 'nobody', state: 'CREATED' })).toBe(0);
  });

  test('given a data file written before the counters existed, when it is opened, then the counters are filled from the group rows', () => {
    write(
      store,
      Array.from({ length: 12 }, (_, i) => [String(i), task(String(i), ['clerks'])]),
    );
    store.close();
    const db = new Database(path.join(dir, 'engine.sqlite'));
    db.exec(`DROP TRIGGER tr_userTask_candidate_added; DROP TRIGGER tr_userTask_candidate_removed;
      DROP TRIGGER tr_userTask_candidate_changed; DROP TABLE s_userTask_candidate_count;`);
    db.close();
    store = openSqliteStore(dir);
    expect(total(store, { candidateGroup: 'clerks', state: 'CREATED' })).toBe(12);
    write(store, [['12', task('12', ['clerks'])]]);
    expect(total(store, { candidateGroup: 'clerks', state: 'CREATED' })).toBe(13);
  });
});
