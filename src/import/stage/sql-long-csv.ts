/**
 * The fast path, engine side: a big long-format CSV (planned by fast-path.ts) is read by DuckDB
 * (`read_csv(all_varchar)` into a staging table) and checked with SQL, so a million rows never become
 * JS objects. Runs on the Database interface: DuckDB-wasm's own worker in the browser, native DuckDB
 * in tests.
 *
 * The rules are those of validate-import.ts, with the same Swedish texts:
 *  - kommun, period, gender and KPI cells: each *distinct* cell (a few hundred in practice) is checked
 *    in JS with the very functions the careful path uses (resolve-municipality.ts, parse-period.ts,
 *    parseGender, kpiIdProblem), and the answers are joined back as small lookup tables;
 *  - numbers: parse-number.ts's rules written in SQL (Swedish decimals, spaces/NBSP as thousands
 *    groups, `%`, status markers `-` `..` `.`), messages from the same functions;
 *  - duplicate keys: the same value again is merged (a warning), another value rejects every row of
 *    the key, with the line lists of validate-import.ts.
 * Line numbers are "record + 1", exact because fast-path.ts only plans regular files.
 *
 * Tables (temporary, dropped by discardStaged): import_raw, import_map_*, import_checked,
 * import_accepted, import_dup_rejects.
 */
import type { Gender, ValueRow } from '../../data/contract.ts';
import { sqlString, type Database } from '../../engine/database.ts';
import type { KpiRename } from '../parse/values-csv.ts';
import type { FastPlan } from '../parse/fast-path.ts';
import { isOutOfMemory } from '../memory-errors.ts';
import type { ImportContext } from '../parse/import-file.ts';
import type { ImportSummary, KpiInFile } from '../worker/import-session.ts';
import { MAX_REJECTED_SHOWN, PREVIEW_ROWS } from '../limits.ts';
import { longPeriodText, type LongColumns } from '../parse/parse-long-csv.ts';
import { notANumberMessage, tooBigMessage } from '../parse/parse-number.ts';
import { parsePeriod } from '../parse/parse-period.ts';
import { createMunicipalityResolver } from '../parse/resolve-municipality.ts';
import {
  duplicateFirstReason,
  duplicateLaterReason,
  kpiIdProblem,
  mergedWarning,
  paddedIdsWarning,
  parseGender,
  unknownKpisWarning,
  type RejectedRow,
} from '../parse/validate-import.ts';

export const STAGED_FILE = 'egna-import-stage.csv';

/** Distinct cells per column checked in JS; rows with cells beyond this are rejected with a plain reason. */
export const MAX_DISTINCT_CELLS = 50_000;

/** DuckDB could not read the file as planned; the caller falls back to the careful path. */
export class NotFastError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'NotFastError';
  }
}

export type StageProgress = (label: string, fraction: number) => void;

// Whitespace JS's String.prototype.trim removes (the careful path trims every cell).
const WS = String.raw`\s\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}`;
const trimmed = (col: string) => `coalesce(regexp_replace(${col}, '^[${WS}]+|[${WS}]+$', '', 'g'), '')`;
// Spaces that group thousands (parse-number.ts rule 5).
const GROUP = String.raw`\s\x{a0}\x{202f}\x{2009}''`; // '' is one apostrophe inside a SQL string

type Cells = 'kpi' | 'municipality' | 'period' | 'year' | 'month' | 'quarter' | 'gender' | 'value' | 'status';

/** Reads the registered file into import_raw and checks it; returns the same summary as the careful path. */
export async function stageLongCsv(
  db: Database,
  plan: Omit<FastPlan, 'bytes'>,
  bytes: Uint8Array,
  ctx: ImportContext,
  progress: StageProgress = () => {},
): Promise<ImportSummary> {
  await discardStaged(db);
  progress('Läser in filen i databasen', 0);
  await db.registerFile(STAGED_FILE, bytes);
  const cols = plan.columns;
  const pick = (c: Cells) => (cols[c] === undefined ? `''` : trimmed(`c${cols[c]}`));
  const columnTypes = '{' + Array.from({ length: plan.width }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ') + '}';
  try {
    await db.exec(`CREATE OR REPLACE TEMP TABLE import_raw AS
      SELECT (row_number() OVER () + 1)::BIGINT AS line, ${pick('kpi')} AS kpi, ${pick('municipality')} AS municipality,
        ${pick('period')} AS period, ${pick('year')} AS year, ${pick('month')} AS month, ${pick('quarter')} AS quarter,
        ${pick('gender')} AS gender, ${pick('value')} AS value, ${cols.status === undefined ? 'NULL::VARCHAR' : pick('status')} AS status
      FROM read_csv(${sqlString(STAGED_FILE)}, header = true, all_varchar = true, auto_detect = false, delim = ${sqlString(plan.delimiter)},
        quote = '"', escape = '"', null_padding = true, columns = ${columnTypes})`);
  } catch (e) {
    if (isOutOfMemory(e)) throw e;
    // e.g. a row with more cells than the header: the careful path reports such rows line by line
    throw new NotFastError(String((e as Error)?.message ?? e).split('\n')[0]);
  } finally {
    await db.registerFile(STAGED_FILE, new Uint8Array(0)).catch(() => {});
  }
  const [{ n: total }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM import_raw`);

  progress('Kontrollerar kommuner', 0.3);
  const resolve = createMunicipalityResolver(ctx.municipalities);
  const munis = await distinct(db, ['municipality']);
  await lookupTable(
    db,
    'import_map_municipality',
    ['municipality'],
    ['id', 'error', 'padded'],
    munis.rows.map((r) => {
      const m = resolve(r.municipality);
      return [r.municipality, m.ok ? m.id : null, m.ok ? null : m.error, m.ok && m.via === 'padded-id'];
    }),
  );

  progress('Kontrollerar perioder, kön och nyckeltal', 0.45);
  const periodCells: (keyof RawCells)[] = ['period', 'year', 'month', 'quarter'];
  const periods = await distinct(db, periodCells);
  const periodIndex: LongColumns = {};
  periodCells.forEach((c, i) => {
    if (cols[c] !== undefined) periodIndex[c] = i;
  });
  await lookupTable(
    db,
    'import_map_period',
    periodCells,
    ['p', 'error'],
    periods.rows.map((r) => {
      const cells = periodCells.map((c) => r[c]);
      const p = parsePeriod(longPeriodText(periodIndex, (i) => (i === undefined ? '' : cells[i])));
      return [r.period, r.year, r.month, r.quarter, p.ok ? p.period : null, p.ok ? null : p.error];
    }),
  );
  const defaultGender: Gender | undefined = cols.gender === undefined ? plan.defaults.gender : undefined;
  const genders = await distinct(db, ['gender']);
  await lookupTable(
    db,
    'import_map_gender',
    ['gender'],
    ['g', 'error'],
    genders.rows.map((r) => {
      const g = parseGender(defaultGender ?? r.gender);
      return [r.gender, g.ok ? g.gender : null, g.ok ? null : g.error];
    }),
  );
  const known = new Map<string, string>();
  for (const k of ctx.kpis) known.set(k.id.toUpperCase(), k.id);
  const kpis = await distinct(db, ['kpi']);
  const defaultKpi = cols.kpi === undefined ? (plan.defaults.kpi ?? '') : null;
  await lookupTable(
    db,
    'import_map_kpi',
    ['kpi'],
    ['k', 'error', 'unknown'],
    kpis.rows.map((r) => {
      const cell = defaultKpi ?? r.kpi;
      const problem = kpiIdProblem(cell);
      if (problem) return [r.kpi, null, problem, false];
      const id = known.get(cell.toUpperCase());
      return [r.kpi, id ?? cell, null, known.size > 0 && !id];
    }),
  );

  progress('Kontrollerar tal', 0.6);
  const tooMany = (n: number, what: string) =>
    n > MAX_DISTINCT_CELLS
      ? `'Kunde inte kontrolleras: filen har fler än ${MAX_DISTINCT_CELLS.toLocaleString('sv-SE')} olika ${what}.'`
      : 'NULL';
  await db.exec(`CREATE OR REPLACE TEMP TABLE import_checked AS
    WITH j AS (
      SELECT r.line, r.value AS value_text, nullif(r.status, '') AS status_cell,
        k.k AS kpi, coalesce(k.error, CASE WHEN k.kpi IS NULL THEN ${tooMany(kpis.count, 'nyckeltal')} END) AS kpi_error,
        m.id AS municipality_id, coalesce(m.error, CASE WHEN m.municipality IS NULL THEN ${tooMany(munis.count, 'kommunvärden')} END) AS muni_error,
        coalesce(m.padded, false) AS padded, k.unknown AS unknown_kpi,
        p.p AS period, coalesce(p.error, CASE WHEN p.period IS NULL THEN ${tooMany(periods.count, 'perioder')} END) AS period_error,
        g.g AS gender, coalesce(g.error, CASE WHEN g.gender IS NULL THEN ${tooMany(genders.count, 'värden för kön')} END) AS gender_error
      FROM import_raw r
      LEFT JOIN import_map_kpi k ON k.kpi = r.kpi
      LEFT JOIN import_map_municipality m ON m.municipality = r.municipality
      LEFT JOIN import_map_period p ON p.period = r.period AND p.year = r.year AND p.month = r.month AND p.quarter = r.quarter
      LEFT JOIN import_map_gender g ON g.gender = r.gender
    ), n AS (${numberSql('j', plan.decimal)})
    SELECT line, kpi, municipality_id, period, gender, value, coalesce(status_cell, marker) AS status, value_text, number_problem,
      kpi_error, muni_error, period_error, gender_error, padded, unknown_kpi,
      kpi_error IS NOT NULL OR muni_error IS NOT NULL OR period_error IS NOT NULL OR gender_error IS NOT NULL OR number_problem IS NOT NULL AS bad
    FROM n`);

  progress('Letar efter dubbletter', 0.75);
  await db.exec(`CREATE OR REPLACE TEMP TABLE import_keys AS
    WITH w AS (
      SELECT line, kpi, municipality_id, period, gender, value, status,
        first_value(line) OVER k AS first_line, first_value(value) OVER k AS first_value, first_value(status) OVER k AS first_status
      FROM import_checked WHERE NOT bad
      WINDOW k AS (PARTITION BY kpi, municipality_id, period, gender ORDER BY line)
    ), s AS (
      SELECT *, line = first_line AS is_first, (value IS NOT DISTINCT FROM first_value AND status IS NOT DISTINCT FROM first_status) AS same FROM w
    )
    SELECT *, bool_or(NOT same) OVER (PARTITION BY kpi, municipality_id, period, gender) AS key_conflict FROM s`);
  await db.exec(`CREATE OR REPLACE TEMP TABLE import_accepted AS
    SELECT line, kpi, municipality_id, period, gender, value, status FROM import_keys WHERE is_first AND NOT key_conflict ORDER BY line`);

  progress('Sammanställer förhandsvisningen', 0.9);
  const summary = await stagedSummary(db, plan, Number(total));
  progress('Klart', 1);
  return summary;
}

type RawCells = { kpi: string; municipality: string; period: string; year: string; month: string; quarter: string; gender: string };

async function distinct(db: Database, cells: (keyof RawCells)[]): Promise<{ rows: RawCells[]; count: number }> {
  const list = cells.join(', ');
  const rows = await db.query<RawCells & { n: number }>(
    `SELECT ${list}, count(*) OVER () AS n FROM (SELECT ${list}, min(line) AS first FROM import_raw GROUP BY ALL) ORDER BY first LIMIT ${MAX_DISTINCT_CELLS}`,
  );
  return { rows, count: rows.length ? Number(rows[0].n) : 0 };
}

type Cell = string | boolean | null;

async function lookupTable(db: Database, table: string, keys: string[], values: string[], rows: Cell[][]): Promise<void> {
  const types = [
    ...keys.map((k) => `${k} VARCHAR`),
    ...values.map((v) => `${v} ${v === 'padded' || v === 'unknown' ? 'BOOLEAN' : 'VARCHAR'}`),
  ];
  await db.exec(`CREATE OR REPLACE TEMP TABLE ${table} (${types.join(', ')})`);
  const lit = (c: Cell) => (c === null ? 'NULL' : typeof c === 'boolean' ? String(c) : sqlString(c));
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000);
    await db.exec(`INSERT INTO ${table} VALUES ${chunk.map((r) => `(${r.map(lit).join(', ')})`).join(', ')}`);
  }
}

/**
 * parse-number.ts in SQL over `value_text` (already trimmed): adds value DOUBLE, marker (status from
 * `-`, `..`, `.`) and number_problem ('bad' | 'big' | NULL).
 */
function numberSql(from: string, decimal: ',' | '.'): string {
  const other = decimal === ',' ? 'points' : 'commas';
  return `
    SELECT *, CASE WHEN marker IS NOT NULL OR value_text = '' THEN NULL WHEN canon IS NULL THEN 'bad' WHEN num IS NULL THEN CASE WHEN is_exp THEN 'bad' ELSE 'big' END END AS number_problem,
      CASE WHEN num = 0 THEN 0.0::DOUBLE WHEN neg THEN -num ELSE num END AS value
    FROM (
      SELECT *, CASE WHEN isinf(TRY_CAST(canon AS DOUBLE)) THEN NULL ELSE TRY_CAST(canon AS DOUBLE) END AS num
      FROM (
        SELECT *, CASE
            WHEN marker IS NOT NULL OR value_text = '' THEN NULL
            WHEN is_exp THEN replace(b, ',', '.')
            WHEN NOT sp_ok OR NOT regexp_matches(c, '^[0-9.,]*[0-9][0-9.,]*$') THEN NULL
            WHEN commas > 0 AND points > 0 THEN CASE
              WHEN regexp_matches(c, '^[0-9]{1,3}(\\.[0-9]{3})+,[0-9]*$') THEN replace(replace(c, '.', ''), ',', '.')
              WHEN regexp_matches(c, '^[0-9]{1,3}(,[0-9]{3})+\\.[0-9]*$') THEN replace(c, ',', '') END
            WHEN commas + points = 0 THEN c
            WHEN commas + points = 1 THEN CASE WHEN ${other} = 1 AND regexp_matches(c, '^[0-9]{1,3}[.,][0-9]{3}$') THEN replace(replace(c, ',', ''), '.', '') ELSE replace(c, ',', '.') END
            WHEN regexp_matches(c, '^[0-9]{1,3}(,[0-9]{3})+$') OR regexp_matches(c, '^[0-9]{1,3}(\\.[0-9]{3})+$') THEN replace(replace(c, ',', ''), '.', '')
          END AS canon
        FROM (
          SELECT *, length(c) - length(replace(c, ',', '')) AS commas, length(c) - length(replace(c, '.', '')) AS points
          FROM (
            SELECT *, regexp_matches(b, '^([0-9]+([.,][0-9]+)?|[.,][0-9]+)[eE][-+]?[0-9]{1,3}$') AS is_exp,
              (NOT regexp_matches(b, '[${GROUP}]') OR (regexp_matches(regexp_extract(b, '^[^.,]*'), '^[0-9]{1,3}([${GROUP}]+[0-9]{3})+$')
                AND NOT regexp_matches(substr(b, length(regexp_extract(b, '^[^.,]*')) + 1), '[${GROUP}]'))) AS sp_ok,
              regexp_replace(b, '[${GROUP}]+', '', 'g') AS c
            FROM (
              SELECT *, regexp_matches(u, '^[-\\x{2212}]') AS neg, regexp_replace(u, '^[-\\x{2212}+][\\s\\x{a0}\\x{202f}\\x{2009}]*', '') AS b
              FROM (
                SELECT *, CASE WHEN value_text IN ('-', '\u2212', '\u2013') THEN '-' WHEN value_text IN ('..', '.') THEN value_text END AS marker,
                  regexp_replace(value_text, '[\\s\\x{a0}\\x{202f}\\x{2009}]*%$', '') AS u
                FROM ${from}))))))`;
}

async function stagedSummary(db: Database, plan: Omit<FastPlan, 'bytes'>, total: number): Promise<ImportSummary> {
  const [counts] = await db.query<{
    accepted: number;
    bad: number;
    dup: number;
    merged: number;
    first_merged: number | null;
    padded: number;
  }>(`
    SELECT (SELECT count(*) FROM import_accepted) AS accepted,
      (SELECT count(*) FROM import_checked WHERE bad) AS bad,
      (SELECT count(*) FROM import_keys WHERE key_conflict AND (is_first OR NOT same)) AS dup,
      (SELECT count(*) FROM import_keys WHERE NOT is_first AND same) AS merged,
      (SELECT min(line) FROM import_keys WHERE NOT is_first AND same) AS first_merged,
      (SELECT count(*) FROM import_checked WHERE padded) AS padded`);
  const rejected = await rejections(db);
  const warnings = [...plan.warnings];
  if (Number(counts.merged) > 0) warnings.push(mergedWarning(Number(counts.merged), Number(counts.first_merged)));
  if (Number(counts.padded) > 0) warnings.push(paddedIdsWarning(Number(counts.padded)));
  const unknown = await db.query<{ k: string; n: number }>(
    `SELECT k, count(*) OVER () AS n FROM import_map_kpi WHERE unknown ORDER BY rowid LIMIT 5`,
  );
  if (unknown.length)
    warnings.push(
      unknownKpisWarning(
        unknown.map((u) => u.k),
        Number(unknown[0].n),
      ),
    );

  const preview = (
    await db.query<Omit<ValueRow, 'status'> & { status: string | null; [k: string]: unknown }>(
      `SELECT kpi, municipality_id, period, gender, value, status FROM import_accepted ORDER BY line LIMIT ${PREVIEW_ROWS}`,
    )
  ).map(({ status, ...r }) => ({ ...r, ...(status !== null ? { status } : {}) }));
  const kpis = (
    await db.query<{
      id: string;
      rows: number;
      with_value: number;
      sum: number | null;
      genders: string;
      periods: string;
      municipalities: number;
    }>(`
    SELECT kpi AS id, count(*) AS rows, count(value) AS with_value, sum(value) AS sum,
      string_agg(DISTINCT gender, '|' ORDER BY gender) AS genders, string_agg(DISTINCT period, '|' ORDER BY period) AS periods,
      count(DISTINCT municipality_id) AS municipalities
    FROM import_accepted GROUP BY kpi ORDER BY min(line)`)
  ).map((k): KpiInFile => ({
    id: k.id,
    rows: Number(k.rows),
    withValue: Number(k.with_value),
    sum: Number(k.sum ?? 0),
    genders: k.genders.split('|') as Gender[],
    periods: k.periods.split('|'),
    municipalities: Number(k.municipalities),
  }));
  return {
    fileName: plan.fileName,
    bytes: plan.originalBytes,
    refusal: total === 0 ? 'Filen innehåller inga rader.' : null,
    format: 'long-csv',
    encoding: plan.encoding,
    delimiter: plan.delimiter,
    decimal: plan.decimal,
    accepted: Number(counts.accepted),
    rejectedCount: Number(counts.bad) + Number(counts.dup),
    rejected,
    warnings,
    preview,
    kpis,
    table: null,
    fast: true,
  };
}

/** The first MAX_REJECTED_SHOWN rejections by line, with the careful path's texts. */
async function rejections(db: Database): Promise<RejectedRow[]> {
  type R = {
    line: number;
    kind: 'row' | 'first' | 'later';
    value_text: string | null;
    number_problem: string | null;
    kpi_error: string | null;
    muni_error: string | null;
    period_error: string | null;
    gender_error: string | null;
    kpi: string;
    municipality_id: string;
    period: string;
    gender: string;
    value: number | null;
    status: string | null;
    first_line: number | null;
    first_value: number | null;
    first_status: string | null;
    lines: string | null;
  };
  const rows = await db.query<R>(`
    WITH bad AS (
      SELECT line, 'row' AS kind, value_text, number_problem, kpi_error, muni_error, period_error, gender_error,
        NULL AS kpi, NULL AS municipality_id, NULL AS period, NULL AS gender, NULL::DOUBLE AS value, NULL AS status,
        NULL::BIGINT AS first_line, NULL::DOUBLE AS first_value, NULL AS first_status, NULL AS lines
      FROM import_checked WHERE bad ORDER BY line LIMIT ${MAX_REJECTED_SHOWN}
    ), dup AS (
      SELECT line, CASE WHEN is_first THEN 'first' ELSE 'later' END AS kind, NULL, NULL, NULL, NULL, NULL, NULL,
        kpi, municipality_id, period, gender, value, status, first_line, first_value, first_status,
        CASE WHEN is_first THEN (SELECT string_agg(k2.line::VARCHAR, ', ' ORDER BY k2.line) FROM import_keys k2
          WHERE k2.kpi = k.kpi AND k2.municipality_id = k.municipality_id AND k2.period = k.period AND k2.gender = k.gender AND (k2.is_first OR NOT k2.same)) END
      FROM import_keys k WHERE key_conflict AND (is_first OR NOT same) ORDER BY line LIMIT ${MAX_REJECTED_SHOWN}
    )
    SELECT * FROM (SELECT * FROM bad UNION ALL SELECT * FROM dup) ORDER BY line LIMIT ${MAX_REJECTED_SHOWN}`);
  return rows.map((r) => {
    const line = Number(r.line);
    if (r.kind === 'row') {
      const problems = [r.kpi_error, r.muni_error, r.period_error, r.gender_error];
      if (r.number_problem === 'bad') problems.push(notANumberMessage(r.value_text ?? ''));
      if (r.number_problem === 'big') problems.push(tooBigMessage(r.value_text ?? ''));
      return { line, reason: problems.filter((p) => p).join(' ') };
    }
    const row = {
      kpi: r.kpi,
      municipality_id: r.municipality_id,
      period: r.period,
      gender: r.gender as Gender,
      value: r.value,
      ...(r.status !== null ? { status: r.status } : {}),
    };
    if (r.kind === 'first') return { line, reason: duplicateFirstReason(row, (r.lines ?? String(line)).split(', ').map(Number)) };
    const first = { ...row, value: r.first_value, ...(r.first_status !== null ? { status: r.first_status } : { status: undefined }) };
    return { line, reason: duplicateLaterReason(row, Number(r.first_line), first) };
  });
}

/** The staged, accepted rows with the user's KPI ids, as a SELECT for ingestUserRows (core/writes.ts commits it). */
export function acceptedRowsSelect(rename: KpiRename): string {
  const entries = [...rename].filter(([from, to]) => from !== to);
  const kpi = entries.length
    ? `CASE kpi ${entries.map(([f, t]) => `WHEN ${sqlString(f)} THEN ${sqlString(t)}`).join(' ')} ELSE kpi END`
    : 'kpi';
  return `SELECT ${kpi} AS kpi, municipality_id, period, gender, value, status FROM import_accepted ORDER BY line`;
}

/** Drops the staging tables (after a commit, a cancel or a failure). */
export async function discardStaged(db: Database): Promise<void> {
  for (const t of [
    'import_raw',
    'import_map_municipality',
    'import_map_period',
    'import_map_gender',
    'import_map_kpi',
    'import_checked',
    'import_keys',
    'import_accepted',
  ]) {
    await db.exec(`DROP TABLE IF EXISTS ${t}`).catch(() => {});
  }
}
