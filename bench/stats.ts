/** The `p` quantile (0–1) of `xs`, as the benchmarks report it: the sample at ⌊p·n⌋ of the sorted list; NaN when empty. */
export function quantile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
}
