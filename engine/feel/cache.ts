/**
 * A least-recently-used map from text to a value, bounded both by its number of entries and by
 * the total length of its keys and of the text its values hold, so that expressions from hostile
 * diagrams or values from hostile requests cannot grow memory without limit. An entry longer than
 * the whole budget is not kept at all.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, { value: V; chars: number }>();
  private chars = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxChars: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    // Re-insert to mark it as the most recently used (Map keeps insertion order).
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** `valueChars`: the length of the text the value holds, counted with the key's. */
  set(key: string, value: V, valueChars = 0): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.chars -= previous.chars;
    }
    const chars = key.length + valueChars;
    if (chars > this.maxChars) return;
    this.entries.set(key, { value, chars });
    this.chars += chars;
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const [oldest, entry] = this.entries.entries().next().value as [string, { chars: number }];
      this.entries.delete(oldest);
      this.chars -= entry.chars;
    }
  }

  /** Entries held and the total length of their keys and values' text, for tests and diagnostics. */
  get size(): { entries: number; chars: number } {
    return { entries: this.entries.size, chars: this.chars };
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
