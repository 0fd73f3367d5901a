export interface Bilingual {
  kk: string;
  ru: string;
}

/** A failure with an HTTP status and a message in both languages. */
export class IntakeError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly errors?: { path: string; kk: string; ru: string }[],
  ) {
    super(`${code}: ${text.ru}`);
  }
  toJSON() {
    return this.errors ? { errors: this.errors } : { error: { code: this.code, ...this.text } };
  }
}
