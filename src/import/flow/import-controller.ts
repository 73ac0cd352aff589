/**
 * Runs one import at a time through the state machine (import-flow.ts): read the file, parse it in
 * the worker (or stage a big long CSV in DuckDB), let the user map columns, pick a kommun and
 * destinations, then add the rows through the store. Plain TypeScript that mutates a state object:
 * the page passes a `$state` proxy (so every change is reactive), node tests a plain object.
 * Nothing stored changes until `confirm` succeeds; `cancel` and every refusal leave data as it was.
 */
import type { Kpi, Municipality } from '../../data/contract.ts';
import type { IngestReport } from '../../core/user-values.ts';
import type { ImportContext } from '../parse/import-file.ts';
import { MAX_IMPORT_BYTES } from '../parse/import-file.ts';
import { FAST_PATH_BYTES } from '../parse/fast-path.ts';
import type { TableMapping } from '../parse/column-mapping.ts';
import type { KpiRename } from '../parse/values-csv.ts';
import type { ImportSummary } from '../worker/import-session.ts';
import { WorkerMemoryError, type ParseClient } from '../worker/parse-client.ts';
import { NotFastError, type StageProgress } from '../stage/sql-long-csv.ts';
import type { FastPlan } from '../parse/fast-path.ts';
import type { StoredSet } from '../store/import-store.ts';
import { isOutOfMemory, OUT_OF_MEMORY_MESSAGE } from '../memory-errors.ts';
import { readFileBytes } from '../worker/read-file.ts';
import { step, type FlowEvent, type Phase } from './import-flow.ts';
import { plainMessage } from './errors.ts';
import { choiceProblem, defaultChoice, kpiDefinitions, type KpiChoice } from './kpi-choices.ts';
import { formatCount } from '../../format/number.ts';

export interface FlowMessage {
  kind: 'error' | 'ok';
  text: string;
  report?: IngestReport;
}

export interface FlowState {
  phase: Phase;
  progress: { step: string; value: number | null; detail?: string };
  summary: ImportSummary | null;
  choices: KpiChoice[];
  message: FlowMessage | null;
  /** the kommun used for files without a kommun column */
  municipality: string | null;
}

export const initialFlowState = (municipality: string | null = null): FlowState => ({
  phase: 'idle',
  progress: { step: '', value: null },
  summary: null,
  choices: [],
  message: null,
  municipality,
});

export interface FlowDeps {
  municipalities(): readonly Pick<Municipality, 'id' | 'name'>[];
  /** every KPI the site knows (the runtime list; later the catalogue) */
  kpis(): readonly Kpi[];
  /** a known KPI by id (case-insensitive), for official titles and units */
  lookupKpi(id: string): Kpi | undefined;
  createClient(): ParseClient;
  engineStarting(): boolean;
  /** the coordinator's writes (core/writes.ts): the page never holds the database */
  startEngine(): Promise<void>;
  stage(plan: Omit<FastPlan, 'bytes'>, bytes: Uint8Array, context: ImportContext, progress: StageProgress): Promise<ImportSummary>;
  commitStaged(setId: string, rename: KpiRename): Promise<{ report: IngestReport; csv: Uint8Array }>;
  discardStaged(): Promise<void>;
  add(
    set: Omit<StoredSet, 'report' | 'csv'> & { csv?: Uint8Array },
    ingest?: () => Promise<{ report: IngestReport; csv: Uint8Array }>,
  ): Promise<{ report: IngestReport; persisted: boolean }>;
  restartEngine(): void;
  /** a plain copy of reactive state (structured clone for IndexedDB) */
  snapshot<T>(x: T): T;
  now?(): Date;
}

const mb = (n: number) => (n / 1024 / 1024).toLocaleString('sv-SE', { maximumFractionDigits: 1 });

export class ImportController {
  #client: ParseClient | null = null;
  /** the summary came from DuckDB's staging tables, not from the parse worker */
  #staged = false;
  #fileName = '';

  constructor(
    readonly state: FlowState,
    private readonly deps: FlowDeps,
  ) {}

  /** Moves the state machine; false (and nothing changes) when the event is not allowed now. */
  #go(event: FlowEvent): boolean {
    const next = step(this.state.phase, event);
    if (next === null) return false;
    this.state.phase = next;
    return true;
  }

  #context(): ImportContext {
    return {
      municipalities: this.deps.municipalities().map((m) => ({ id: m.id, name: m.name })),
      kpis: this.deps.kpis().map((k) => ({ id: k.id })),
      ...(this.state.municipality ? { defaults: { municipality: this.state.municipality } } : {}),
    };
  }

  /** The rows' problem with the current choices (ids, titles), or null. */
  get problem(): string | null {
    const s = this.state.summary;
    if (!s) return null;
    if (s.table?.problem) return s.table.problem;
    return this.state.choices.length ? choiceProblem(this.state.choices) : null;
  }

  async #dropStaging() {
    if (!this.#staged) return;
    this.#staged = false;
    await this.deps.discardStaged().catch(() => {});
  }

  #setSummary(s: ImportSummary) {
    this.state.summary = s;
    const previous = new Map(this.state.choices.map((c) => [c.fileId, c]));
    const hint = s.fileName;
    this.state.choices = s.kpis.map((k) => previous.get(k.id) ?? defaultChoice(k, s.kpis, (id) => this.deps.lookupKpi(id), hint));
  }

  async readFile(file: Blob & { name: string }, allowFast = true): Promise<void> {
    const s = this.state;
    if (s.phase !== 'idle' && !this.#go('pick') && s.phase !== 'reading') return;
    if (s.phase === 'idle') this.#go('pick');
    s.message = null;
    s.summary = null;
    s.choices = [];
    await this.#dropStaging();
    this.#fileName = file.name;
    if (file.size > MAX_IMPORT_BYTES) {
      this.#go('failed');
      s.message = {
        kind: 'error',
        text: `Filen ${file.name} är ${mb(file.size)} MB; största tillåtna storlek är ${mb(MAX_IMPORT_BYTES)} MB. Dela upp filen eller välj färre nyckeltal. Inget har lagts till.`,
      };
      return;
    }
    let inEngine = false;
    try {
      s.progress = { step: `Läser ${file.name}`, value: 0, detail: `0 av ${mb(file.size)} MB` };
      const bytes = await readFileBytes(
        file,
        (f) => (s.progress = { step: `Läser ${file.name}`, value: f * 0.25, detail: `${mb(f * file.size)} av ${mb(file.size)} MB` }),
      );
      this.#go('read');
      const fast = allowFast && file.size >= FAST_PATH_BYTES;
      s.progress = fast
        ? { step: 'Kontrollerar teckenkodning och rader', value: 0.25 }
        : { step: `Tolkar ${mb(bytes.byteLength)} MB rad för rad`, value: null };
      this.#client?.close();
      this.#client = this.deps.createClient();
      const ctx = this.#context();
      const outcome = await this.#client.parse(file.name, bytes, ctx, {
        allowFast,
        onProgress: (f) => (s.progress = { step: 'Kontrollerar teckenkodning och rader', value: 0.25 + f * 0.15 }),
      });
      if (outcome.kind === 'fast') {
        if (this.deps.engineStarting()) s.progress = { step: 'Startar databasen i webbläsaren', value: 0.4 };
        await this.deps.startEngine();
        inEngine = true;
        const { bytes: utf8, ...plan } = outcome.plan;
        this.#staged = true;
        try {
          this.#setSummary(
            await this.deps.stage(
              plan,
              utf8,
              ctx,
              (label, f) => (s.progress = { step: label, value: 0.4 + f * 0.6, detail: `${file.name}, ${mb(plan.originalBytes)} MB` }),
            ),
          );
        } catch (e) {
          if (isOutOfMemory(e)) throw e;
          // DuckDB could not read it as planned (a ragged row, a NUL byte deep in the file …): read it row by row instead.
          if (!(e instanceof NotFastError)) console.warn('Egna data: den snabba vägen misslyckades, läser rad för rad', e);
          await this.#dropStaging();
          this.state.phase = 'reading';
          return this.readFile(file, false);
        }
      } else this.#setSummary(outcome.summary);
      this.#go('parsed');
    } catch (e) {
      this.#go('failed');
      if (isOutOfMemory(e) || e instanceof WorkerMemoryError) {
        this.#client?.close();
        this.#client = null;
        this.#staged = false;
        if (inEngine) this.deps.restartEngine();
        s.message = { kind: 'error', text: OUT_OF_MEMORY_MESSAGE };
      } else {
        await this.#dropStaging();
        s.message = { kind: 'error', text: plainMessage(e, 'read') };
      }
    }
  }

  /** A new column mapping and/or kommun: the worker re-reads the kept rows. */
  async remap(change: { mapping?: TableMapping; municipality?: string }): Promise<void> {
    if (change.municipality !== undefined) this.state.municipality = change.municipality || null;
    if (this.state.phase !== 'preview' || !this.#client || this.#staged) return;
    try {
      const s = await this.#client.remap({
        ...change,
        ...(change.municipality !== undefined ? { municipality: change.municipality } : {}),
      });
      this.#go('remap');
      this.#setSummary(s);
    } catch (e) {
      this.state.message = { kind: 'error', text: plainMessage(e, 'read') };
    }
  }

  setChoice(index: number, choice: KpiChoice) {
    this.state.choices[index] = choice;
  }

  async cancel(): Promise<void> {
    if (!this.#go('cancel')) return;
    this.#client?.close();
    this.#client = null;
    this.state.summary = null;
    this.state.choices = [];
    await this.#dropStaging();
    this.state.message = { kind: 'ok', text: 'Inläsningen avbröts. Inget har lagts till.' };
  }

  async confirm(): Promise<boolean> {
    const s = this.state;
    if (!s.summary || (!this.#client && !this.#staged) || this.problem || s.summary.accepted === 0) return false;
    const summary = this.deps.snapshot(s.summary);
    const chosen = this.deps.snapshot(s.choices);
    if (!this.#go('confirm')) return false;
    s.progress = { step: `Lägger till ${formatCount(summary.accepted, 'rad', 'rader')} i databasen`, value: null };
    try {
      const rename: KpiRename = new Map(chosen.filter((c) => c.id !== c.fileId).map((c) => [c.fileId, c.id]));
      const periods: Record<string, string[]> = Object.create(null);
      for (const k of summary.kpis) {
        const id = rename.get(k.id) ?? k.id;
        periods[id] = [...new Set([...(Object.hasOwn(periods, id) ? periods[id] : []), ...k.periods])].sort();
      }
      const importedAt = (this.deps.now?.() ?? new Date()).toISOString();
      const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const set = {
        id,
        fileName: summary.fileName,
        importedAt,
        rowCount: summary.accepted,
        kpis: kpiDefinitions(chosen, summary.kpis, this.deps.snapshot([...this.deps.kpis()]), summary.fileName, importedAt),
        kpiIds: [...new Set(chosen.map((c) => c.id))],
        // a plain object again for IndexedDB's structured clone (null-prototype objects clone as plain ones)
        periods: { ...periods },
      };
      let result;
      if (this.#staged) {
        result = await this.deps.add(set, () => this.deps.commitStaged(id, rename));
        this.#staged = false;
      } else {
        s.progress = { step: `Förbereder ${formatCount(summary.accepted, 'rad', 'rader')}`, value: null };
        const csv = await this.#client!.csv(rename);
        s.progress = { step: `Lägger till ${formatCount(summary.accepted, 'rad', 'rader')} i databasen`, value: null };
        result = await this.deps.add({ ...set, csv });
      }
      const { report, persisted } = result;
      this.#go('added');
      s.summary = null;
      s.choices = [];
      this.#client?.close();
      this.#client = null;
      s.message = {
        kind: 'ok',
        report,
        text: `${summary.fileName}: ${formatCount(report.added, 'rad', 'rader')} lades till${persisted ? ' och sparades i den här webbläsaren' : ' (de sparas inte efter omladdning)'}.`,
      };
      return true;
    } catch (e) {
      if (isOutOfMemory(e) || (e as Error)?.message === OUT_OF_MEMORY_MESSAGE) {
        // the engine was restarted: the staged rows are gone; start over with a smaller file
        this.#staged = false;
        s.summary = null;
        s.phase = 'idle';
        s.message = { kind: 'error', text: OUT_OF_MEMORY_MESSAGE };
        return false;
      }
      this.#go('failed');
      s.message = { kind: 'error', text: plainMessage(e, 'add') };
      return false;
    }
  }

  /** On leaving the page: stop the worker and drop staging tables. */
  destroy() {
    this.#client?.close();
    this.#client = null;
    void this.#dropStaging();
  }

  get fileName() {
    return this.#fileName;
  }
}
