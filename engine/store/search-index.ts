import type { Database, Statement } from 'better-sqlite3';

type Stmt = Statement<any[]>;
import { invalid } from '../runtime/errors';

/**
 * Indexed search tables: one row per record in its REST API shape (`data`), with the fields that
 * searches filter and sort on as columns. Rows of running and of finished instances live here; the
 * engine's memory holds only running state (Camunda's RDBMS secondary storage does the same). Every
 * search is one SQL query whose page is bounded by `page.limit`, so its cost does not grow with history.
 */

export const SEARCH_KINDS = [
  'processInstance',
  'elementInstance',
  'variable',
  'job',
  'userTask',
  'incident',
  'correlatedMessageSubscription',
  'decisionInstance',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

interface KindSpec {
  /** The API field that is the row's key. */
  keyField: string;
  /** API fields stored as columns (everything else is read from the JSON document). */
  columns: string[];
  indexes: string[][];
  /**
   * Fields also stored as a sort column with empty values as U+FFFF, so an index both orders them and
   * puts empty values last (ascending) without a sort step; their indexes end in the key.
   */
  ordered?: string[];
  /**
   * Fields the engine keeps beside the API document: stored as columns, never in `data`, read back
   * with `internal()` (Camunda's secondary storage keeps such fields too, e.g. a tree path).
   */
  internal?: string[];
}

const SPECS: Record<SearchKind, KindSpec> = {
  processInstance: {
    keyField: 'processInstanceKey',
    columns: [
      'processDefinitionId',
      'processDefinitionKey',
      'state',
      'startDate',
      'endDate',
      'parentProcessInstanceKey',
      'hasIncident',
    ],
    // (processDefinitionId, state) is a prefix of the third: that index serves its searches too.
    indexes: [
      ['state', '_s_startDate', 'key'],
      ['processDefinitionId', 'state', '_s_startDate', 'key'],
      ['processDefinitionId', '_s_startDate', 'key'],
      ['_s_startDate', 'key'],
      ['parentProcessInstanceKey'],
    ],
    ordered: ['startDate'],
  },
  elementInstance: {
    keyField: 'elementInstanceKey',
    columns: ['processInstanceKey', 'elementId', 'state', 'type', 'startDate'],
    indexes: [['processInstanceKey']],
  },
  variable: {
    keyField: 'variableKey',
    columns: ['processInstanceKey', 'scopeKey', 'name', 'value'],
    indexes: [
      ['processInstanceKey', 'name'],
      ['scopeKey', 'name'],
      ['name', 'value', 'scopeKey'],
    ],
  },
  job: {
    keyField: 'jobKey',
    columns: ['processInstanceKey', 'type', 'state', 'elementInstanceKey'],
    indexes: [['processInstanceKey'], ['state', 'type']],
  },
  userTask: {
    keyField: 'userTaskKey',
    columns: [
      'processInstanceKey',
      'elementInstanceKey',
      'elementId',
      'processDefinitionId',
      'state',
      'assignee',
      'creationDate',
      'dueDate',
      'priority',
    ],
    indexes: [
      ['processInstanceKey'],
      ['state', '_s_dueDate', '_s_creationDate', 'key'],
      ['state', '_s_creationDate', 'key'],
    ],
    ordered: ['dueDate', 'creationDate'],
    // The element-instance keys from the task's own scope up to its process instance: the scopes
    // whose variables the task sees, also once it is finished.
    internal: ['scopePath'],
  },
  incident: {
    keyField: 'incidentKey',
    columns: ['processInstanceKey', 'state', 'errorType', 'elementInstanceKey', 'jobKey', 'creationTime'],
    indexes: [['processInstanceKey'], ['state', '_s_creationTime', 'key']],
    ordered: ['creationTime'],
  },
  // One row per message correlated to a subscription (Camunda 8.8 correlated message subscriptions);
  // the row key is `<messageKey>:<subscriptionKey>`.
  correlatedMessageSubscription: {
    keyField: 'correlatedMessageSubscriptionRowKey',
    columns: [
      'processInstanceKey',
      'messageName',
      'correlationKey',
      'messageKey',
      'subscriptionKey',
      'correlationTime',
    ],
    indexes: [['processInstanceKey'], ['messageName', 'correlationKey']],
  },
  // One row per evaluated decision (Camunda 8.8 decision instances): a business rule task's or an
  // evaluation request's, a required decision's too; the row key is the decisionEvaluationInstanceKey.
  decisionInstance: {
    keyField: 'decisionEvaluationInstanceKey',
    columns: [
      'state',
      'evaluationDate',
      'decisionEvaluationKey',
      'decisionDefinitionKey',
      'decisionDefinitionId',
      'processDefinitionKey',
      'processInstanceKey',
      'elementInstanceKey',
    ],
    indexes: [
      ['processInstanceKey'],
      ['elementInstanceKey'],
      ['decisionEvaluationKey'],
      ['_s_evaluationDate', 'key'],
      ['state', '_s_evaluationDate', 'key'],
      ['decisionDefinitionId', '_s_evaluationDate', 'key'],
      ['decisionDefinitionKey', '_s_evaluationDate', 'key'],
    ],
    ordered: ['evaluationDate'],
  },
};

const table = (kind: SearchKind) => `s_${kind}`;
const sortColumns = (kind: SearchKind) => (SPECS[kind].ordered ?? []).map((f) => `_s_${f}`);
/** Every column of a search table besides `key` and `data`. */
const storedColumns = (kind: SearchKind) => [
  ...SPECS[kind].columns,
  ...(SPECS[kind].internal ?? []),
  ...sortColumns(kind),
];
const LAST = '\uffff';
/**
 * A user task's candidate groups, one row per group, with the task's state and sort columns: a
 * worklist (one group, open tasks, by due date) is then one range of one index, counted and paged
 * without touching other groups' or finished tasks.
 */
const GROUPS = 's_userTask_candidate';
const CANDIDATE_SORTS = ['dueDate', 'creationDate'];
/** Tasks per candidate group and state (see createSearchTables). */
const GROUP_COUNTS = 's_userTask_candidate_count';
const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/**
 * Totals are counted up to this many rows; beyond it `totalItems` is the cap and `hasMoreTotalItems`
 * is true, as Camunda 8.8 answers from Elasticsearch/OpenSearch. A count thus never reads more than
 * this many index entries, however large the history.
 */
export const TOTAL_CAP = 10_000;
/**
 * Columns with few distinct values. They are checked on each row read instead of choosing the rows
 * (1) when a list of several (`$in`) is sorted by an ordered column, so a page of many services'
 * instances by start date reads one index range, not every instance; (2) when a variable's value
 * filters the rows, so the variables' (name, value) index chooses them, not every instance of a service.
 */
const FEW_VALUES: Partial<Record<SearchKind, string[]>> = {
  processInstance: ['processDefinitionId', 'state'],
  userTask: ['processDefinitionId', 'state', 'elementId'],
};
const VARIABLE_FILTERS = ['variables', 'processInstanceVariables', 'localVariables'];

export interface SearchRequest {
  filter?: Record<string, unknown>;
  sort?: { field: string; order?: 'ASC' | 'DESC' | 'asc' | 'desc' }[];
  page?: { from?: number; limit?: number; after?: string; before?: string };
}

export interface SearchResponse<T> {
  items: T[];
  page: { totalItems: number; startCursor?: string; endCursor?: string; hasMoreTotalItems?: boolean };
}

/** A projected row: the API document, or null to delete it. */
export type IndexChanges = Map<SearchKind, Map<string, Record<string, unknown> | null>>;

export function createSearchTables(db: Database): void {
  for (const kind of SEARCH_KINDS) {
    const spec = SPECS[kind];
    const cols = storedColumns(kind);
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table(kind)} (key TEXT PRIMARY KEY, data TEXT NOT NULL${cols.map((c) => `, "${c}"`).join('')})`,
    );
    // A table written by an earlier version gets the columns added since (empty in its old rows).
    const have = new Set(
      (db.prepare(`PRAGMA table_info(${table(kind)})`).all() as { name: string }[]).map((c) => c.name),
    );
    for (const c of cols) if (!have.has(c)) db.exec(`ALTER TABLE ${table(kind)} ADD COLUMN "${c}"`);
    for (const ix of spec.indexes) {
      const name = `ix_${kind}_${ix.join('_')}`;
      db.exec(`CREATE INDEX IF NOT EXISTS ${name} ON ${table(kind)} (${ix.map((c) => `"${c}"`).join(', ')})`);
    }
  }
  // Indexes that an earlier version kept and whose searches a longer index now serves.
  db.exec('DROP INDEX IF EXISTS ix_processInstance_processDefinitionId_state');
  const fresh = !db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(GROUPS);
  const sorts = CANDIDATE_SORTS.map((f) => `"_s_${f}"`).join(', ');
  db.exec(`CREATE TABLE IF NOT EXISTS ${GROUPS} (grp TEXT NOT NULL, key TEXT NOT NULL, state TEXT, ${CANDIDATE_SORTS.map((f) => `"_s_${f}" TEXT`).join(', ')}, PRIMARY KEY (grp, key)) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS ix_userTask_candidate_key ON ${GROUPS} (key);
    CREATE INDEX IF NOT EXISTS ix_userTask_candidate_order ON ${GROUPS} (grp, state, ${sorts}, key);
    CREATE INDEX IF NOT EXISTS ix_userTask_candidate_created ON ${GROUPS} (grp, state, "_s_creationDate", key);`);
  if (fresh) {
    // Search tables written before this one: fill it from the tasks' rows (the earlier group table goes).
    db.exec(`INSERT OR IGNORE INTO ${GROUPS} (grp, key, state, ${sorts})
      SELECT j.value, t.key, t.state, ${CANDIDATE_SORTS.map((f) => `t."_s_${f}"`).join(', ')}
      FROM ${table('userTask')} t, json_each(t.data, '$.candidateGroups') j;
      DROP TABLE IF EXISTS s_userTask_group;`);
  }
  // How many tasks each group has in each state, kept by triggers in the same transaction as the
  // group rows: a worklist's total is then one row, not a walk over up to TOTAL_CAP index entries.
  if (!db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(GROUP_COUNTS))
    db.transaction(() => {
      db.exec(`CREATE TABLE ${GROUP_COUNTS} (grp TEXT NOT NULL, state TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (grp, state)) WITHOUT ROWID;
        INSERT INTO ${GROUP_COUNTS} (grp, state, n) SELECT grp, COALESCE(state, ''), COUNT(*) FROM ${GROUPS} GROUP BY grp, COALESCE(state, '');
        CREATE TRIGGER tr_userTask_candidate_added AFTER INSERT ON ${GROUPS} BEGIN
          INSERT INTO ${GROUP_COUNTS} (grp, state, n) VALUES (NEW.grp, COALESCE(NEW.state, ''), 1)
            ON CONFLICT (grp, state) DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER tr_userTask_candidate_removed AFTER DELETE ON ${GROUPS} BEGIN
          UPDATE ${GROUP_COUNTS} SET n = n - 1 WHERE grp = OLD.grp AND state = COALESCE(OLD.state, '');
        END;
        CREATE TRIGGER tr_userTask_candidate_changed AFTER UPDATE OF grp, state ON ${GROUPS} BEGIN
          UPDATE ${GROUP_COUNTS} SET n = n - 1 WHERE grp = OLD.grp AND state = COALESCE(OLD.state, '');
          INSERT INTO ${GROUP_COUNTS} (grp, state, n) VALUES (NEW.grp, COALESCE(NEW.state, ''), 1)
            ON CONFLICT (grp, state) DO UPDATE SET n = n + 1;
        END;`);
    })();
}

/** SQLite binds no booleans or undefined: store booleans as 1/0 (JSON's true/false read back the same way). */
function sqlValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  return v;
}

export function searchIndexWriter(db: Database): (changes: IndexChanges) => void {
  const upserts = new Map<SearchKind, Stmt>();
  const deletes = new Map<SearchKind, Stmt>();
  for (const kind of SEARCH_KINDS) {
    const cols = storedColumns(kind);
    upserts.set(
      kind,
      db.prepare(
        // An upsert, not INSERT OR REPLACE: a changed row rewrites only the indexes whose columns changed.
        `INSERT INTO ${table(kind)} (key, data${cols.map((c) => `, "${c}"`).join('')}) VALUES (?, ?${cols.map(() => ', ?').join('')})
          ON CONFLICT (key) DO UPDATE SET data = excluded.data${cols.map((c) => `, "${c}" = excluded."${c}"`).join('')}`,
      ),
    );
    deletes.set(kind, db.prepare(`DELETE FROM ${table(kind)} WHERE key = ?`));
  }
  const delGroups = db.prepare(`DELETE FROM ${GROUPS} WHERE key = ?`);
  const groupsOf = db.prepare(`SELECT grp FROM ${GROUPS} WHERE key = ?`);
  const setGroups = db.prepare(
    `UPDATE ${GROUPS} SET state = ?${CANDIDATE_SORTS.map((f) => `, "_s_${f}" = ?`).join('')} WHERE key = ?`,
  );
  const addGroup = db.prepare(
    `INSERT OR IGNORE INTO ${GROUPS} (grp, key, state${CANDIDATE_SORTS.map((f) => `, "_s_${f}"`).join('')}) VALUES (?, ?, ?${CANDIDATE_SORTS.map(() => ', ?').join('')})`,
  );
  return (changes) => {
    for (const [kind, rows] of changes) {
      const cols = SPECS[kind].columns;
      const internal = SPECS[kind].internal;
      const ordered = SPECS[kind].ordered ?? [];
      for (const [key, doc] of rows) {
        if (doc === null) {
          deletes.get(kind)!.run(key);
          if (kind === 'userTask') delGroups.run(key);
          continue;
        }
        upserts
          .get(kind)!
          .run(
            key,
            JSON.stringify(internal ? withoutFields(doc, internal) : doc),
            ...cols.map((c) => sqlValue(doc[c])),
            ...(internal ?? []).map((f) => (doc[f] === undefined ? null : JSON.stringify(doc[f]))),
            ...ordered.map((f) => (doc[f] == null ? LAST : String(doc[f]))),
          );
        if (kind === 'userTask') {
          const sorts = CANDIDATE_SORTS.map((f) => (doc[f] == null ? LAST : String(doc[f])));
          const groups = [...new Set(((doc.candidateGroups as unknown[] | undefined) ?? []).map(String))];
          const had = groupsOf.pluck().all(key) as string[];
          // The same groups (a task assigned, completed, given a due date): their rows change in place.
          if (had.length === groups.length && groups.every((g) => had.includes(g))) {
            if (had.length > 0) setGroups.run(sqlValue(doc.state), ...sorts, key);
          } else {
            if (had.length > 0) delGroups.run(key);
            for (const g of groups) addGroup.run(g, key, sqlValue(doc.state), ...sorts);
          }
        }
      }
    }
  };
}

/** A document without the given fields (the internal ones, kept as columns only). */
function withoutFields(doc: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const out = { ...doc };
  for (const f of fields) delete out[f];
  return out;
}

const OPERATORS = new Set(['$eq', '$neq', '$exists', '$in', '$notIn', '$like', '$gt', '$gte', '$lt', '$lte']);

function likePattern(p: string): string {
  return p
    .replace(/[\\%_]/g, '\\$&')
    .replace(/\*/g, '%')
    .replace(/\?/g, '_');
}

/** Translates one Camunda filter condition (plain value or advanced operators) on an SQL expression. */
function condition(expr: string, cond: unknown, field: string, params: unknown[]): string {
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) {
    if (Array.isArray(cond)) throw invalid(`filter '${field}' must be a value or an object of operators`);
    params.push(sqlValue(cond));
    return `${expr} = ?`;
  }
  const parts: string[] = [];
  for (const [op, value] of Object.entries(cond as Record<string, unknown>)) {
    if (!OPERATORS.has(op)) throw invalid(`unknown filter operator '${op}' on '${field}'`);
    if (value === undefined) continue;
    const list = (v: unknown) => {
      if (!Array.isArray(v)) throw invalid(`'${op}' on '${field}' needs an array`);
      params.push(...v.map(sqlValue));
      return v.map(() => '?').join(', ');
    };
    switch (op) {
      case '$eq':
        params.push(sqlValue(value));
        parts.push(`${expr} = ?`);
        break;
      case '$neq':
        params.push(sqlValue(value));
        parts.push(`(${expr} IS NULL OR ${expr} <> ?)`);
        break;
      case '$exists':
        parts.push(value ? `${expr} IS NOT NULL` : `${expr} IS NULL`);
        break;
      case '$in':
        parts.push((value as unknown[]).length === 0 ? '0' : `${expr} IN (${list(value)})`);
        break;
      case '$notIn':
        if ((value as unknown[]).length) parts.push(`(${expr} IS NULL OR ${expr} NOT IN (${list(value)}))`);
        break;
      case '$like':
        params.push(likePattern(String(value)));
        parts.push(`${expr} LIKE ? ESCAPE '\\'`);
        break;
      default: {
        const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op]!;
        params.push(sqlValue(value));
        parts.push(`${expr} ${sqlOp} ?`);
      }
    }
  }
  return parts.length ? parts.join(' AND ') : '1';
}

/** Variable filters `[{ name, value }]` (value: JSON text or an advanced string filter) on one scope column. */
function variablesCondition(scopeExpr: string, cond: unknown, field: string, params: unknown[]): string {
  if (cond === undefined) return '1';
  if (!Array.isArray(cond)) throw invalid(`filter '${field}' must be a list of { name, value }`);
  const parts = cond.map((c: any) => {
    if (!c || typeof c.name !== 'string') throw invalid(`each entry of '${field}' needs a name`);
    params.push(c.name);
    // Read from the variables' (name, value) index: the instances that hold the value, then those rows.
    let sql = `${scopeExpr} IN (SELECT v."scopeKey" FROM ${table('variable')} v WHERE v."name" = ?`;
    if (c.value !== undefined) {
      const v = c.value !== null && typeof c.value === 'object' ? c.value : String(c.value);
      sql += ` AND ${condition('v."value"', v, `${field}.value`, params)}`;
    }
    return `${sql})`;
  });
  return parts.length ? parts.join(' AND ') : '1';
}

function column(kind: SearchKind, field: string): string {
  if (!FIELD.test(field)) throw invalid(`unknown field '${field.slice(0, 64)}'`);
  const spec = SPECS[kind];
  if (field === spec.keyField) return 't.key';
  if (spec.columns.includes(field)) return `t."${field}"`;
  return `json_extract(t.data, '$.${field}')`;
}

function whereClause(
  kind: SearchKind,
  filter: Record<string, unknown>,
  params: unknown[],
  byOrder = false,
): string {
  const parts: string[] = [];
  const byVariables = VARIABLE_FILTERS.some((f) => Array.isArray(filter[f]) && filter[f].length > 0);
  for (const [field, cond] of Object.entries(filter)) {
    if (cond === undefined) continue;
    if (kind === 'userTask' && field === 'candidateGroup') {
      // The group rows carry the task's state: only the tasks in that state are looked at.
      let groups = condition('g.grp', cond, field, params);
      if (filter.state !== undefined) groups += ` AND ${condition('g.state', filter.state, 'state', params)}`;
      parts.push(`t.key IN (SELECT g.key FROM ${GROUPS} g WHERE ${groups})`);
    } else if (kind === 'userTask' && field === 'candidateUser') {
      parts.push(
        `EXISTS (SELECT 1 FROM json_each(t.data, '$.candidateUsers') u WHERE ${condition('u.value', cond, field, params)})`,
      );
    } else if (kind === 'userTask' && field === 'processInstanceVariables') {
      parts.push(variablesCondition('t."processInstanceKey"', cond, field, params));
    } else if (kind === 'userTask' && field === 'localVariables') {
      parts.push(variablesCondition('t."elementInstanceKey"', cond, field, params));
    } else if (kind === 'processInstance' && field === 'variables') {
      parts.push(variablesCondition('t.key', cond, field, params));
    } else if (kind === 'processInstance' && field === 'tags') {
      // Instances that carry every given tag.
      if (!Array.isArray(cond) || cond.some((t) => typeof t !== 'string'))
        throw invalid("filter 'tags' must be a list of tags");
      for (const tag of cond) {
        params.push(tag);
        parts.push(`EXISTS (SELECT 1 FROM json_each(t.data, '$.tags') g WHERE g.value = ?)`);
      }
    } else if (FEW_VALUES[kind]?.includes(field) && (byVariables || (byOrder && isList(cond)))) {
      // `+` keeps SQLite from choosing rows by this column's index (another index chooses them).
      parts.push(condition(`+${column(kind, field)}`, cond, field, params));
    } else {
      parts.push(condition(column(kind, field), cond, field, params));
    }
  }
  return parts.length ? parts.join(' AND ') : '1';
}

/** A `$in` of more than one value. */
function isList(cond: unknown): boolean {
  if (!cond || typeof cond !== 'object' || Array.isArray(cond)) return false;
  const list = (cond as Record<string, unknown>).$in;
  return Array.isArray(list) && list.length > 1;
}

/** The one value a filter condition names (`'v'` or `{ $eq: 'v' }`), else undefined. */
function oneValue(cond: unknown): unknown {
  if (cond === null || typeof cond !== 'object' || Array.isArray(cond)) return cond;
  const ops = Object.entries(cond).filter(([, v]) => v !== undefined);
  return ops.length === 1 && ops[0][0] === '$eq' ? ops[0][1] : undefined;
}

/** The one candidate group a filter names (`'g'`, `{ $eq: 'g' }` or `{ $in: ['g'] }`), else undefined. */
function oneGroup(cond: unknown): string | undefined {
  if (typeof cond === 'string') return cond;
  if (!cond || typeof cond !== 'object' || Array.isArray(cond)) return undefined;
  const ops = Object.entries(cond).filter(([, v]) => v !== undefined);
  if (ops.length !== 1) return undefined;
  const [op, v] = ops[0];
  if (op === '$eq' && typeof v === 'string') return v;
  if (op === '$in' && Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') return v[0];
  return undefined;
}

/**
 * Where a search reads its rows. User tasks of one candidate group are read from the group's rows
 * (state and sort columns included), so a worklist page and its count are one index range each.
 */
function source(kind: SearchKind, filter: Record<string, unknown>, byOrder = false) {
  const params: unknown[] = [];
  const group = kind === 'userTask' ? oneGroup(filter.candidateGroup) : undefined;
  if (group === undefined) {
    const where = whereClause(kind, filter, params, byOrder);
    return {
      from: `${table(kind)} t`,
      where,
      params,
      count: { from: `${table(kind)} t`, where, params },
      group,
    };
  }
  const { candidateGroup: _g, state, ...rest } = filter;
  const groupParams: unknown[] = [group];
  let groupWhere = 'g.grp = ?';
  if (state !== undefined) groupWhere += ` AND ${condition('g.state', state, 'state', groupParams)}`;
  const restWhere = whereClause(kind, rest, params);
  const from = `${GROUPS} g JOIN ${table(kind)} t ON t.key = g.key`;
  const where = `${groupWhere} AND ${restWhere}`;
  const all = [...groupParams, ...params];
  return {
    from,
    where,
    params: all,
    // Only the group's rows when nothing else filters: the count reads the index alone, or, for one
    // state, the group's counter row.
    count:
      restWhere === '1'
        ? typeof oneValue(state) === 'string' && oneValue(state) !== ''
          ? {
              sql: `SELECT COALESCE(SUM(n), 0) AS n FROM ${GROUP_COUNTS} WHERE grp = ? AND state = ?`,
              from: '',
              where: '',
              params: [group, oneValue(state)],
            }
          : { from: `${GROUPS} g`, where: groupWhere, params: groupParams }
        : { from, where, params: all },
    group,
  };
}

const encodeCursor = (i: number) => Buffer.from(`idx:${i}`).toString('base64');
function decodeCursor(c: string): number {
  const m = /^idx:(\d+)$/.exec(Buffer.from(String(c), 'base64').toString());
  if (!m) throw invalid(`invalid cursor '${String(c).slice(0, 64)}'`);
  return Number(m[1]);
}

export function searchIndexReader(db: Database) {
  const byKey = new Map<SearchKind, Stmt>();
  for (const kind of SEARCH_KINDS)
    byKey.set(kind, db.prepare(`SELECT data FROM ${table(kind)} WHERE key = ?`));
  const cache = new Map<string, Stmt>();
  const prepared = (sql: string) => {
    let s = cache.get(sql);
    if (!s) {
      if (cache.size > 500) cache.clear();
      cache.set(sql, (s = db.prepare(sql) as Stmt));
    }
    return s;
  };
  return {
    get(kind: SearchKind, key: string): Record<string, any> | undefined {
      const row = byKey.get(kind)!.get(key) as { data: string } | undefined;
      return row ? JSON.parse(row.data) : undefined;
    },
    /** An internal field of one row (KindSpec.internal), undefined when the row or the value is missing. */
    internal(kind: SearchKind, key: string, field: string): unknown {
      if (!SPECS[kind].internal?.includes(field))
        throw new Error(`'${field}' is no internal field of ${kind}`);
      const v = prepared(`SELECT "${field}" AS v FROM ${table(kind)} WHERE key = ?`).get(key) as
        { v: unknown } | undefined;
      // Internal fields are stored as JSON text (searchIndexWriter).
      return typeof v?.v === 'string' ? JSON.parse(v.v) : undefined;
    },
    /** Filtered, sorted, paged: one COUNT and one page query, both answered from indexes where they exist. */
    search(
      kind: SearchKind,
      req: SearchRequest | undefined,
      defaultSort: string,
    ): SearchResponse<Record<string, any>> {
      const { rows, page } = query(kind, req, defaultSort);
      return { items: rows.map((r) => JSON.parse(r) as Record<string, any>), page };
    },
    /**
     * The same answer as JSON text, the stored rows spliced in as they are: what `JSON.stringify` of
     * `search()` gives, without parsing and serialising every row of the page again.
     */
    searchJson(
      kind: SearchKind,
      req: SearchRequest | undefined,
      defaultSort: string,
      /** Rewrites one row's JSON text on its way out (e.g. the API's truncation of variable values). */
      mapRow?: (row: string) => string,
    ): string {
      const { rows, page } = query(kind, req, defaultSort);
      return `{"items":[${(mapRow ? rows.map(mapRow) : rows).join(',')}],"page":${JSON.stringify(page)}}`;
    },
    /**
     * SQLite's plans for the count and the page query of a search (EXPLAIN QUERY PLAN's detail lines),
     * so tests can check that the searches the web app and the SDK send are answered from indexes.
     */
    plan(
      kind: SearchKind,
      req: SearchRequest | undefined,
      defaultSort: string,
    ): { count: string[]; page: string[] } {
      const q = statements(kind, req, defaultSort);
      const explain = (sql: string, params: unknown[]) =>
        (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      return { count: explain(q.count.sql, q.count.params), page: explain(q.page.sql, q.page.params) };
    },
    count(kind: SearchKind): number {
      return (prepared(`SELECT COUNT(*) AS n FROM ${table(kind)}`).get() as { n: number }).n;
    },
  };

  function query(
    kind: SearchKind,
    req: SearchRequest | undefined,
    defaultSort: string,
  ): { rows: string[]; page: SearchResponse<unknown>['page'] } {
    const q = statements(kind, req, defaultSort);
    const counted = (prepared(q.count.sql).get(...q.count.params) as { n: number }).n;
    const found = prepared(q.page.sql).all(...q.page.params) as { data: string }[];
    const rows = found.map((r) => r.data);
    const page: SearchResponse<unknown>['page'] = {
      totalItems: Math.min(counted, TOTAL_CAP),
      hasMoreTotalItems: counted > TOTAL_CAP,
    };
    if (rows.length) {
      page.startCursor = encodeCursor(q.from);
      page.endCursor = encodeCursor(q.from + rows.length - 1);
    }
    return { rows, page };
  }

  /** The count and the page query of one search, with their parameters. */
  function statements(kind: SearchKind, req: SearchRequest | undefined, defaultSort: string) {
    const filter = req?.filter ?? {};
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
      throw invalid('filter must be an object');
    const sort = req?.sort?.length ? req.sort : [{ field: defaultSort, order: 'ASC' as const }];
    const src = source(kind, filter, !!SPECS[kind].ordered?.includes(sort[0]?.field));
    const { where, params } = src;
    // Rows of one candidate group carry the task's sort columns: ordering by them follows their index.
    const alias = src.group === undefined ? 't' : 'g';
    const order: string[] = [];
    let lastDesc = false;
    for (const s of sort) {
      if (!s || typeof s.field !== 'string') throw invalid('each sort entry needs a field');
      const desc = String(s.order ?? 'ASC').toUpperCase() === 'DESC';
      lastDesc = desc;
      const sortRows = alias === 'g' && CANDIDATE_SORTS.includes(s.field) ? 'g' : 't';
      if (SPECS[kind].ordered?.includes(s.field))
        order.push(`${sortRows}."_s_${s.field}" ${desc ? 'DESC' : 'ASC'}`);
      else order.push(`${column(kind, s.field)} ${desc ? 'DESC NULLS FIRST' : 'ASC NULLS LAST'}`);
    }
    // Ties in the direction of the last sort field, so one index reads the rows in order.
    order.push(`${alias}.key ${lastDesc ? 'DESC' : 'ASC'}`);
    const limit = req?.page?.limit ?? 100;
    if (!Number.isInteger(limit) || limit < 0 || limit > 10_000)
      throw invalid('page.limit must be an integer between 0 and 10000');
    let from = req?.page?.from ?? 0;
    if (!Number.isInteger(from) || from < 0) throw invalid('page.from must be a non-negative integer');
    if (req?.page?.after) from = decodeCursor(req.page.after) + 1;
    if (req?.page?.before) from = Math.max(0, decodeCursor(req.page.before) - limit);
    return {
      from,
      count: {
        sql:
          (src.count as { sql?: string }).sql ??
          `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${src.count.from} WHERE ${src.count.where} LIMIT ${TOTAL_CAP + 1})`,
        params: src.count.params,
      },
      page: {
        sql: `SELECT t.data FROM ${src.from} WHERE ${where} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
        params: [...params, limit, from],
      },
    };
  }
}
export type SearchIndexReader = ReturnType<typeof searchIndexReader>;
