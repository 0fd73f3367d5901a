import { asLegalRef, type LegalRef } from '../rules/legal-ref';
import { DocumentFactsError, type DocumentFacts, type DocumentKind, type Lang } from './types';

/** A text given in both languages, or one text used for both (names, numbers, addresses). */
export type Bilingual = { kk: string; ru: string };

export interface RefusalGround {
  code: string;
  ruleRef: LegalRef;
  textKk: string;
  textRu: string;
}

export interface ObjectToGuard {
  name: string;
  location: string;
}

/**
 * Reads facts by dotted path and names the exact path when one is missing or malformed,
 * so the operator who sees the incident knows which variable to fix.
 */
export class FactReader {
  constructor(
    private readonly kind: DocumentKind,
    private readonly facts: DocumentFacts,
  ) {}

  private lookup(path: string): unknown {
    let value: unknown = this.facts;
    for (const key of path.split('.')) {
      if (value === null || typeof value !== 'object') return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  }

  private missing(path: string): never {
    throw new DocumentFactsError(this.kind, path, 'missing');
  }

  private invalid(path: string, detail: string): never {
    throw new DocumentFactsError(this.kind, path, 'invalid', detail);
  }

  /** The value at `path` as the process left it, for builders that word structured check results. */
  raw(path: string): unknown {
    return this.lookup(path);
  }

  has(path: string): boolean {
    const value = this.lookup(path);
    return value !== undefined && value !== null && value !== '';
  }

  text(path: string): string {
    const value = this.lookup(path);
    if (value === undefined || value === null) return this.missing(path);
    if (typeof value === 'number') return String(value);
    if (typeof value !== 'string') return this.invalid(path, 'expected text');
    if (value.trim() === '') return this.missing(path);
    return value.trim();
  }

  /** Where an act states a rule (domain/rules/legal-ref.ts). */
  legalRef(path: string): LegalRef {
    const value = this.lookup(path);
    if (value === undefined || value === null || value === '') return this.missing(path);
    return asLegalRef(value) ?? this.invalid(path, 'expected a legal reference');
  }

  optionalText(path: string): string | undefined {
    return this.has(path) ? this.text(path) : undefined;
  }

  boolean(path: string): boolean {
    const value = this.lookup(path);
    if (value === undefined || value === null) return this.missing(path);
    if (typeof value !== 'boolean') return this.invalid(path, 'expected true or false');
    return value;
  }

  /** An ISO-8601 instant or date. */
  instant(path: string): Date {
    const raw = this.text(path);
    const at = new Date(raw);
    if (Number.isNaN(at.getTime())) return this.invalid(path, `not an ISO date: ${raw}`);
    return at;
  }

  optionalInstant(path: string): Date | undefined {
    return this.has(path) ? this.instant(path) : undefined;
  }

  oneOf<T extends string | number>(path: string, allowed: readonly T[]): T {
    const value = this.lookup(path);
    if (value === undefined || value === null || value === '') return this.missing(path);
    // Sub-types arrive as numbers from forms but sometimes as strings from FEEL; accept both.
    const match = allowed.find((a) => a === value || String(a) === String(value));
    if (match === undefined) return this.invalid(path, `expected one of ${allowed.join(', ')}`);
    return match;
  }

  /** A text given either as a plain string or as `{ kk, ru }`. */
  bilingual(path: string, lang: Lang): string {
    const value = this.lookup(path);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return this.text(`${path}.${lang}`);
    }
    return this.text(path);
  }

  /** A non-empty list; `item` reads each element through a reader scoped to `path[i]`. */
  list<T>(path: string, item: (at: (sub?: string) => string, index: number) => T): T[] {
    const value = this.lookup(path);
    if (value === undefined || value === null) return this.missing(path);
    if (!Array.isArray(value)) return this.invalid(path, 'expected a list');
    if (value.length === 0) return this.missing(path);
    return value.map((_, i) => item((sub) => (sub ? `${path}.${i}.${sub}` : `${path}.${i}`), i));
  }

  optionalList<T>(path: string, item: (at: (sub?: string) => string, index: number) => T): T[] {
    const value = this.lookup(path);
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return [];
    return this.list(path, item);
  }

  refusalGrounds(): RefusalGround[] {
    return this.list('refusalGrounds', (at) => ({
      code: this.text(at('code')),
      ruleRef: this.legalRef(at('ruleRef')),
      textKk: this.text(at('textKk')),
      textRu: this.text(at('textRu')),
    }));
  }

  objects(): ObjectToGuard[] {
    return this.list('objects', (at) => ({
      name: this.text(at('name')),
      location: this.text(at('location')),
    }));
  }

  /** Document labels: plain strings or `{ kk, ru }`. */
  labels(path: string, lang: Lang, required: boolean): string[] {
    const read = (at: (sub?: string) => string) => this.bilingual(at(), lang);
    return required ? this.list(path, read) : this.optionalList(path, read);
  }

  fail(path: string, problem: 'missing' | 'invalid', detail?: string): never {
    throw new DocumentFactsError(this.kind, path, problem, detail);
  }
}
