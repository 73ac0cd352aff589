/** Case- and diacritics-insensitive text for searching ("Malmö" ~ "malmo", "Åre" ~ "are"). */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}
