/** Kolada's status markers for a value that is missing or held back; shown instead of a number. */
export const STATUS_LABEL: ReadonlyMap<string, string> = new Map([
  ['-', 'bortfall (uppgift saknas)'],
  ['.', 'ej tillämpligt'],
  ['..', 'sekretess (uppgiften skyddas)'],
]);

/** The table cell for a value: the number, else its status marker, else null (shown as "–"). */
export function valueCell(value: number | null, status: string | null | undefined): number | string | null {
  if (value !== null) return value;
  return status ? status : null;
}

/** Footnotes explaining the markers that occur, e.g. '".." = sekretess (uppgiften skyddas)'. */
export function statusFootnotes(statuses: Iterable<string | null | undefined>): string[] {
  const seen = new Set<string>();
  for (const s of statuses) if (s) seen.add(s);
  return [...seen].sort().map((s) => `"${s}" = ${STATUS_LABEL.get(s) ?? 'statusmarkering från Kolada'}`);
}
