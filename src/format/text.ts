/** Lower-cases the first letter of a label used mid-sentence, but leaves acronyms alone: "SKR-grupp" stays, "Liknande" → "liknande". */
export function lowerFirst(s: string): string {
  return /^[A-ZÅÄÖ][a-zåäö]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}
