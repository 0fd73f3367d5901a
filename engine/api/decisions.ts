import type { Request, Router } from 'express';
import type { DecisionEvaluation, Engine } from '../runtime/engine';
import { EngineError, invalid, notFound } from '../runtime/errors';
import type { DecisionRec, DecisionRequirementsRec } from '../runtime/records';
import { TENANT } from '../runtime/records';
import { evaluatedInputsRecord, matchedRulesRecord } from '../runtime/behaviours/decisions';
import { searchJson } from './hot-routes';
import { search } from './search';

/**
 * Decisions in the Camunda 8.8 REST API: definitions and decision requirements (search, get, XML),
 * `POST /decision-definitions/evaluation`, and decision instances (search, get).
 */
export function decisionRoutes(v2: Router, engine: Engine): void {
  const body = (req: Request): Record<string, any> =>
    req.body && typeof req.body === 'object' ? req.body : {};
  const key = (req: Request): string => {
    const k = String(req.params.key);
    if (!/^-?\d{1,25}$/.test(k)) throw invalid(`'key' must be a numeric key, got '${k}'`);
    return k;
  };
  const definition = (k: string): DecisionRec => {
    const d = engine.queries.decision(k);
    if (!d) throw notFound('Decision definition', k);
    return d;
  };
  const requirements = (k: string): DecisionRequirementsRec => {
    const d = engine.queries.decisionRequirements(k);
    if (!d) throw notFound('Decision requirements', k);
    return d;
  };

  v2.post('/decision-definitions/search', (req, res) => {
    res.json(
      search(engine.queries.decisions().map(toDecisionDefinition), body(req), {
        defaultSort: 'decisionDefinitionKey',
      }),
    );
  });
  v2.get('/decision-definitions/:key', (req, res) => {
    res.json(toDecisionDefinition(definition(key(req))));
  });
  v2.get('/decision-definitions/:key/xml', (req, res) => {
    const d = definition(key(req));
    res.type('text/xml').send(requirements(d.decisionRequirementsKey).xml);
  });
  v2.post('/decision-requirements/search', (req, res) => {
    res.json(
      search(engine.queries.allDecisionRequirements().map(toDecisionRequirements), body(req), {
        defaultSort: 'decisionRequirementsKey',
      }),
    );
  });
  v2.get('/decision-requirements/:key', (req, res) => {
    res.json(toDecisionRequirements(requirements(key(req))));
  });
  v2.get('/decision-requirements/:key/xml', (req, res) => {
    res.type('text/xml').send(requirements(key(req)).xml);
  });

  /**
   * Decision instances (Operate's): every decision evaluated by a business rule task or by an
   * evaluation request, running or finished instances alike, read from the search tables. A search
   * answers DecisionInstanceResult (no evaluated inputs or matched rules); the single GET answers
   * DecisionInstanceGetQueryResult, which adds them.
   */
  v2.post('/decision-instances/search', (req, res) => {
    const json = searchJson(
      engine,
      'decisionInstance',
      body(req),
      'evaluationDate',
      undefined,
      withoutDetails,
    );
    // Only written rows were read: the answer need not wait for the open group's write.
    res.locals.committedOnly = true;
    res.type('application/json').send(json);
  });
  v2.get('/decision-instances/:decisionEvaluationInstanceKey', (req, res) => {
    const k = String(req.params.decisionEvaluationInstanceKey);
    if (!/^-?\d{1,25}$/.test(k))
      throw invalid(`'decisionEvaluationInstanceKey' must be a numeric key, got '${k.slice(0, 64)}'`);
    const doc = engine.queries.searchTables('committed').get('decisionInstance', k);
    if (!doc) throw notFound('Decision instance', k);
    res.json(doc);
  });

  /**
   * Camunda 8.8 answers as its gateway does: the request validator
   * (zeebe/gateway-rest/.../validator/EvaluateDecisionRequestValidator.java) wants exactly one of
   * id and key (400); the broker rejects an unknown decision with NOT_FOUND
   * (zeebe/engine/.../dmn/DecisionEvaluationEvaluateProcessor.java, getDecision), which
   * RestErrorMapper.DEFAULT_REJECTION_MAPPER turns into 404 "Command 'EVALUATE' rejected with code
   * 'NOT_FOUND': …"; the 8.8 OpenAPI lists 404 "The decision is not found." for this operation.
   */
  v2.post('/decision-definitions/evaluation', (req, res) => {
    const b = body(req);
    const both = ['decisionDefinitionId', 'decisionDefinitionKey'];
    const given = both.filter((f) => b[f] !== undefined && b[f] !== null);
    if (given.length === 0) throw invalid(`At least one of [${both.join(', ')}] is required`);
    if (given.length === 2) throw invalid(`Only one of [${both.join(', ')}] is allowed`);
    if (b.decisionDefinitionKey !== undefined && !/^-?\d{1,25}$/.test(String(b.decisionDefinitionKey)))
      throw invalid(`'decisionDefinitionKey' must be a numeric key, got '${b.decisionDefinitionKey}'`);
    let r: DecisionEvaluation;
    try {
      r = engine.evaluateDecisionDefinition({
        decisionDefinitionId: typeof b.decisionDefinitionId === 'string' ? b.decisionDefinitionId : undefined,
        decisionDefinitionKey:
          b.decisionDefinitionKey !== undefined ? String(b.decisionDefinitionKey) : undefined,
        variables: b.variables,
      });
    } catch (err) {
      if (err instanceof EngineError && err.title === 'NOT_FOUND')
        throw new EngineError(
          404,
          'NOT_FOUND',
          `Command 'EVALUATE' rejected with code 'NOT_FOUND': ${err.message}`,
        );
      throw err;
    }
    res.json(toEvaluationResult(engine, r));
  });
}

export function toDecisionDefinition(d: DecisionRec) {
  return {
    decisionDefinitionId: d.decisionId,
    name: d.name ?? d.decisionId,
    version: d.version,
    decisionRequirementsId: d.decisionRequirementsId,
    tenantId: TENANT,
    decisionDefinitionKey: d.key,
    decisionRequirementsKey: d.decisionRequirementsKey,
  };
}

export function toDecisionRequirements(d: DecisionRequirementsRec) {
  return {
    decisionRequirementsName: d.name ?? d.decisionRequirementsId,
    version: d.version,
    decisionRequirementsId: d.decisionRequirementsId,
    resourceName: d.resourceName,
    tenantId: TENANT,
    decisionRequirementsKey: d.key,
  };
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/** A stored decision instance row as a search answers it: without evaluated inputs and matched rules. */
function withoutDetails(row: string): string {
  const { evaluatedInputs: _i, matchedRules: _r, ...rest } = JSON.parse(row) as Record<string, unknown>;
  return JSON.stringify(rest);
}

/** Zeebe's EvaluateDecisionResult: outputs and input values are JSON texts. */
function toEvaluationResult(engine: Engine, r: DecisionEvaluation) {
  const decisionKeyOf = (id: string) => {
    for (const d of engine.queries.decisions())
      if (d.decisionId === id && d.decisionRequirementsKey === r.drg.key) return d;
    return undefined;
  };
  return {
    decisionDefinitionId: r.decision.decisionId,
    decisionDefinitionName: r.decision.name ?? r.decision.decisionId,
    decisionDefinitionVersion: r.decision.version,
    decisionRequirementsId: r.drg.decisionRequirementsId,
    output: r.failure ? '' : json(r.output),
    failedDecisionDefinitionId: r.failure?.decisionId ?? '',
    failureMessage: r.failure?.message ?? '',
    tenantId: TENANT,
    decisionDefinitionKey: r.decision.key,
    decisionRequirementsKey: r.drg.key,
    decisionInstanceKey: r.decisionEvaluationKey,
    decisionEvaluationKey: r.decisionEvaluationKey,
    evaluatedDecisions: r.evaluatedDecisions.map((e, n) => {
      const rec = decisionKeyOf(e.decisionId);
      return {
        decisionDefinitionId: e.decisionId,
        decisionDefinitionName: e.decisionName ?? e.decisionId,
        decisionDefinitionVersion: rec?.version ?? r.decision.version,
        decisionDefinitionType: e.decisionType,
        output: json(e.output),
        tenantId: TENANT,
        matchedRules: matchedRulesRecord(e.matchedRules),
        evaluatedInputs: evaluatedInputsRecord(e.evaluatedInputs),
        decisionDefinitionKey: rec?.key ?? r.decision.key,
        decisionEvaluationInstanceKey: r.instanceKeys[n],
      };
    }),
  };
}
