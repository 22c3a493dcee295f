/** "1 open case", "5,000 open cases": a count in UK style with the right form of the noun. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}
