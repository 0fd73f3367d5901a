import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type RecordStore } from '../../engine/store/sqlite-store';
import type { IndexChanges } from '../../engine/store/search-index';

/**
 * A user task's scope path (the element instances whose variables it sees) is kept beside its API
 * document in the search tables, as Camunda's secondary storage keeps a tree path: stored as a
 * column, answered by no search or get, and added to a data file written before it existed.
 */

const task = (key: string, scopePath?: string[]) => ({
  userTaskKey: key,
  state: 'COMPLETED',
  candidateGroups: ['clerks'],
  creationDate: '2026-11-01T00:00:00.000Z',
  ...(scopePath ? { scopePath } : {}),
});

function write(store: RecordStore, rows: [string, Record<string, unknown>][]): void {
  const changes: IndexChanges = new Map([['userTask', new Map(rows)]]);
  store.commit(new Map(), {}, changes);
}

describe('internal fields of the search tables', () => {
  let dir: string;
  let store: RecordStore;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-internal-fields-'));
    store = openSqliteStore(dir);
  });
  afterEach(() => {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('given a task written with its scope path, then the path is read back apart and no answer carries it', () => {
    write(store, [['1', task('1', ['11', '10', '1000'])]]);
    expect(store.index.internal('userTask', '1', 'scopePath')).toEqual(['11', '10', '1000']);
    expect(store.index.get('userTask', '1')).not.toHaveProperty('scopePath');
    const page = store.index.search('userTask', { page: { limit: 5 } }, 'creationDate');
    expect(page.items[0]).not.toHaveProperty('scopePath');
    expect(store.index.searchJson('userTask', { page: { limit: 5 } }, 'creationDate')).not.toMatch(
      /scopePath/,
    );
    expect(() => store.index.internal('userTask', '1', 'data')).toThrow(/no internal field/);
  });

  test('given a data file whose task table predates the column, when it is opened, then the column is added and its old rows read back without a path', () => {
    write(store, [['1', task('1')]]);
    store.close();
    const db = new Database(path.join(dir, 'engine.sqlite'));
    db.exec('ALTER TABLE s_userTask DROP COLUMN "scopePath"');
    db.close();
    store = openSqliteStore(dir);
    expect(store.index.internal('userTask', '1', 'scopePath')).toBeUndefined();
    expect(store.index.get('userTask', '1')?.userTaskKey).toBe('1');
    write(store, [['2', task('2', ['22', '2000'])]]);
    expect(store.index.internal('userTask', '2', 'scopePath')).toEqual(['22', '2000']);
  });
});
