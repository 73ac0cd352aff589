/**
 * What a user reads when something fails: plain Swedish, never an engine's English text or SQL.
 * The original error goes to the console for whoever debugs it.
 */
import { isOutOfMemory, OUT_OF_MEMORY_MESSAGE } from '../memory-errors.ts';

/** An error whose message is already meant for the user (Swedish, says what to do). */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

/** The parse worker could not start (blocked script, old browser, offline after an update). */
export class WorkerLoadError extends UserFacingError {
  constructor() {
    super(
      'Den del av sidan som läser filer kunde inte startas. Ladda om sidan och försök igen; hjälper inte det, prova en annan webbläsare. Inget har lagts till.',
    );
    this.name = 'WorkerLoadError';
  }
}

const ENGINE_TEXT =
  /Parser Error|Binder Error|Catalog Error|Conversion Error|Invalid Input Error|Constraint Error|IO Error|INTERNAL Error|Error:|SELECT |FROM |read_csv/;

/** A Swedish sentence for `e`, ending with what happened to the data. `doing` says what failed. */
export function plainMessage(e: unknown, doing: 'read' | 'add' | 'remove' | 'restore'): string {
  if (e instanceof UserFacingError) return e.message;
  if (isOutOfMemory(e)) return OUT_OF_MEMORY_MESSAGE;
  const text = String((e as Error)?.message ?? e);
  if (!ENGINE_TEXT.test(text) && /[åäö]/i.test(text) && text.length < 300) return text;
  console.error('Egna data:', e);
  switch (doing) {
    case 'read':
      return 'Filen kunde inte läsas. Kontrollera att den är en CSV- eller textfil (till exempel sparad som ”CSV UTF-8” från Excel) utan binära tecken, och försök igen. Inget har lagts till.';
    case 'add':
      return 'Raderna kunde inte läggas till i databasen i webbläsaren. Inget har lagts till och tidigare inlästa data finns kvar. Ladda om sidan och försök igen.';
    case 'remove':
      return 'Datamängden kunde inte tas bort. Ladda om sidan och försök igen.';
    case 'restore':
      return 'Den sparade datamängden kunde inte läsas in igen; den kan vara skadad. Ta bort den och läs in filen på nytt.';
  }
}
