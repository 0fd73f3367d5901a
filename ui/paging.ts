import type { VariableValueFilterProperty } from '@camunda8/orchestration-cluster-api';
import type { Request } from 'express';
import { t } from '../i18n';

/** Lists of the web app (worklist, operations, portal) read one page of at most this many rows. */
export const PAGE_SIZE = 50;

export interface ListQuery {
  /** 1-based page number. */
  page: number;
  from: number;
  service?: string;
  stage?: string;
  /** Application number, applicant's name or IIN/BIN. */
  search?: string;
}

const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : undefined;

/** `?page=&service=&stage=&q=`; a bad page number is refused with the field named in Kazakh and Russian. */
export function listQuery(
  req: Request,
  fail: (kk: string, ru: string) => Error = (_kk, ru) => new Error(ru),
): ListQuery {
  const raw = req.query.page;
  let page = 1;
  if (raw !== undefined && raw !== '') {
    page = Number(raw);
    if (typeof raw !== 'string' || !/^\d{1,6}$/.test(raw) || page < 1)
      throw fail(
        t('kk', 'error.paging.pageInvalid', { field: 'page' }),
        t('ru', 'error.paging.pageInvalid', { field: 'page' }),
      );
  }
  return {
    page,
    from: (page - 1) * PAGE_SIZE,
    service: text(req.query.service, 100),
    stage: text(req.query.stage, 100),
    search: text(req.query.q, 100),
  };
}

export function pageInfo(q: ListQuery, totalItems: number) {
  const totalPages = Math.max(1, Math.ceil(totalItems / PAGE_SIZE));
  return {
    number: q.page,
    size: PAGE_SIZE,
    totalItems,
    totalPages,
    hasPrevious: q.page > 1,
    hasNext: q.page < totalPages,
  };
}

/**
 * The engine-side filter for a search box: 12 digits are an IIN or BIN inside `applicant`, text with
 * digits is (part of) an application number, other text is (part of) the applicant's name.
 * Wildcards typed by the user are dropped, so the input is always a plain substring.
 */
export function searchVariableFilter(search: string | undefined): VariableValueFilterProperty[] {
  const q = search?.replace(/[*?"\\]/g, '').trim();
  if (!q) return [];
  if (/^\d{12}$/.test(q)) return [{ name: 'applicant', value: { $like: `*"${q}"*` } }];
  if (/\d/.test(q)) return [{ name: 'applicationNumber', value: { $like: `*${q}*` } }];
  return [{ name: 'applicant', value: { $like: `*${q}*` } }];
}
