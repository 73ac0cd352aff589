import { CONTRACT_FILES, GROUP_KINDS } from './contract.ts';
import { sqlString, type Database } from '../engine/database.ts';
import { T } from './schema.ts';

export interface Problem {
  file: string;
  /** 1-based line in the file (header = 1); null for file-level problems */
  line: number | null;
  reason: string;
}

export class DataDirectoryError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`Datakatalogen har ${problems.length} fel:\n` + problems.slice(0, 20).map(formatProblem).join('\n'));
    this.name = 'DataDirectoryError';
  }
}

export function formatProblem(p: Problem): string {
  return `${p.file}${p.line === null ? '' : `:${p.line}`}: ${p.reason}`;
}

const REQUIRED: Record<string, string[]> = {
  [CONTRACT_FILES.values]: ['kpi', 'municipality_id', 'period', 'gender', 'value'],
  [CONTRACT_FILES.kpis]: ['id', 'title', 'unit', 'is_divided_by_gender', 'description', 'source'],
  [CONTRACT_FILES.municipalities]: ['id', 'name', 'type', 'county_code'],
  [CONTRACT_FILES.groups]: ['group_id', 'title', 'kind', 'edition', 'owner_id', 'member_id'],
  [CONTRACT_FILES.targets]: ['municipality_id', 'kpi', 'period', 'target', 'comparison', 'source_text'],
};
const OPTIONAL: Record<string, string[]> = {
  [CONTRACT_FILES.values]: ['status'],
  [CONTRACT_FILES.kpis]: ['higher_is_better', 'parent', 'breakdown'],
  [CONTRACT_FILES.municipalities]: ['county_name', 'skr_group_code', 'skr_group_name'],
};

const MAX_PER_RULE = 25;
const PERIOD_RE = `'^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'`;
const ID_RE = `'^[0-9]{4}$'`;
const BOOL = `lower(trim(%)) IN ('true','false','1','0')`;
const NUM = (c: string) => `(${c} IS NULL OR trim(${c}) = '' OR TRY_CAST(trim(${c}) AS DOUBLE) IS NOT NULL)`;

/**
 * Loads a data directory in the contract into typed tables, validating every row with SQL.
 * `files` are the names present (registered with the database or on its search path).
 * Throws DataDirectoryError listing every problem with file, line and reason.
 */
export async function loadContractTables(db: Database, files: ReadonlySet<string>): Promise<void> {
  const problems: Problem[] = [];
  for (const f of [CONTRACT_FILES.values, CONTRACT_FILES.kpis, CONTRACT_FILES.municipalities]) {
    if (!files.has(f)) problems.push({ file: f, line: null, reason: 'filen saknas (den krävs)' });
  }
  if (problems.length) throw new DataDirectoryError(problems);

  const present = Object.keys(REQUIRED).filter((f) => files.has(f));
  // Rows keep the file's order (insertion order is preserved), so a row's line is its rowid + 2 (after the header).
  for (const file of present) {
    const raw = rawTable(file);
    try {
      await db.exec(
        `CREATE OR REPLACE TEMP TABLE ${raw} AS SELECT * FROM read_csv(${sqlString(file)}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"', auto_detect = false, columns = ${await headerColumns(db, file)})`,
      );
    } catch (e) {
      problems.push({ file, line: null, reason: `kan inte läsas som CSV: ${firstLine(e)}` });
      continue;
    }
    const cols = new Set((await db.query<{ name: string }>(`SELECT column_name AS name FROM (DESCRIBE ${raw})`)).map((r) => r.name));
    for (const c of REQUIRED[file]) if (!cols.has(c)) problems.push({ file, line: 1, reason: `kolumnen "${c}" saknas i rubrikraden` });
    for (const c of OPTIONAL[file] ?? []) if (!cols.has(c)) await db.exec(`ALTER TABLE ${raw} ADD COLUMN ${c} VARCHAR`);
  }
  if (problems.length) throw new DataDirectoryError(problems);

  const V = rawTable(CONTRACT_FILES.values), K = rawTable(CONTRACT_FILES.kpis), M = rawTable(CONTRACT_FILES.municipalities);
  const G = rawTable(CONTRACT_FILES.groups), TG = rawTable(CONTRACT_FILES.targets);
  const rules: [string, string, string][] = [
    [CONTRACT_FILES.kpis, K, `CASE WHEN coalesce(trim(id),'') = '' THEN 'id saknas'
      WHEN count(*) OVER (PARTITION BY id) > 1 THEN 'id "' || id || '" förekommer flera gånger'
      WHEN NOT ${BOOL.replace('%', 'is_divided_by_gender')} THEN 'is_divided_by_gender måste vara true eller false, inte "' || coalesce(is_divided_by_gender,'') || '"'
      WHEN coalesce(trim(higher_is_better),'') <> '' AND NOT ${BOOL.replace('%', 'higher_is_better')} THEN 'higher_is_better måste vara true, false eller tomt'
      WHEN coalesce(trim(title),'') = '' THEN 'title saknas' END`],
    [CONTRACT_FILES.municipalities, M, `CASE WHEN NOT regexp_matches(coalesce(id,''), ${ID_RE}) THEN 'id "' || coalesce(id,'') || '" är inte fyra siffror'
      WHEN count(*) OVER (PARTITION BY id) > 1 THEN 'id "' || id || '" förekommer flera gånger'
      WHEN coalesce(type,'') NOT IN ('K','L') THEN 'type måste vara K eller L, inte "' || coalesce(type,'') || '"'
      WHEN coalesce(trim(name),'') = '' THEN 'name saknas' END`],
    [CONTRACT_FILES.values, V, `CASE WHEN coalesce(trim(kpi),'') = '' THEN 'kpi saknas'
      WHEN NOT regexp_matches(coalesce(municipality_id,''), ${ID_RE}) THEN 'municipality_id "' || coalesce(municipality_id,'') || '" är inte fyra siffror (ange t.ex. 0180, inte 180)'
      WHEN NOT regexp_matches(coalesce(period,''), ${PERIOD_RE}) THEN 'period "' || coalesce(period,'') || '" är varken år (2022), kvartal (2023-Q1) eller månad (2023-01)'
      WHEN coalesce(gender,'') NOT IN ('T','K','M') THEN 'gender måste vara T, K eller M, inte "' || coalesce(gender,'') || '"'
      WHEN NOT ${NUM('value')} THEN 'value "' || value || '" är inget tal (använd punkt som decimaltecken)'
      WHEN kpi NOT IN (SELECT id FROM ${K}) THEN 'kpi "' || kpi || '" finns inte i kpis.csv'
      WHEN municipality_id NOT IN (SELECT id FROM ${M}) THEN 'municipality_id "' || municipality_id || '" finns inte i municipalities.csv'
      WHEN count(*) OVER (PARTITION BY kpi, municipality_id, period, gender) > 1 THEN 'raden förekommer flera gånger (' || kpi || ', ' || municipality_id || ', ' || period || ', ' || gender || ')' END`],
  ];
  if (files.has(CONTRACT_FILES.groups)) rules.push([CONTRACT_FILES.groups, G, `CASE WHEN coalesce(trim(group_id),'') = '' THEN 'group_id saknas'
      WHEN coalesce(kind,'') NOT IN (${GROUP_KINDS.map(sqlString).join(',')}) THEN 'kind "' || coalesce(kind,'') || '" är okänd'
      WHEN coalesce(trim(edition),'') <> '' AND TRY_CAST(edition AS INTEGER) IS NULL THEN 'edition måste vara ett årtal'
      WHEN coalesce(member_id,'') NOT IN (SELECT id FROM ${M}) THEN 'member_id "' || coalesce(member_id,'') || '" finns inte i municipalities.csv'
      WHEN coalesce(trim(owner_id),'') <> '' AND owner_id NOT IN (SELECT id FROM ${M}) THEN 'owner_id "' || owner_id || '" finns inte i municipalities.csv'
      WHEN owner_id = member_id THEN 'en kommun kan inte vara medlem i sin egen grupp (' || owner_id || ')'
      WHEN count(*) OVER (PARTITION BY group_id, edition, member_id) > 1 THEN 'medlemmen ' || member_id || ' förekommer flera gånger i ' || group_id END`]);
  if (files.has(CONTRACT_FILES.targets)) rules.push([CONTRACT_FILES.targets, TG, `CASE WHEN coalesce(municipality_id,'') NOT IN (SELECT id FROM ${M}) THEN 'municipality_id "' || coalesce(municipality_id,'') || '" finns inte i municipalities.csv'
      WHEN coalesce(kpi,'') NOT IN (SELECT id FROM ${K}) THEN 'kpi "' || coalesce(kpi,'') || '" finns inte i kpis.csv'
      WHEN NOT regexp_matches(coalesce(period,''), ${PERIOD_RE}) THEN 'period "' || coalesce(period,'') || '" är ogiltig'
      WHEN TRY_CAST(trim(target) AS DOUBLE) IS NULL THEN 'target "' || coalesce(target,'') || '" är inget tal'
      WHEN coalesce(comparison,'') NOT IN ('>=','<=') THEN 'comparison måste vara >= eller <=' END`]);

  for (const [file, table, reasonSql] of rules) {
    const rows = await db.query<{ line: number; reason: string; n: number }>(
      `WITH checked AS (SELECT rowid + 2 AS line, ${reasonSql} AS reason FROM ${table})
       SELECT line, reason, count(*) OVER () AS n FROM checked WHERE reason IS NOT NULL ORDER BY line LIMIT ${MAX_PER_RULE}`,
    );
    for (const r of rows) problems.push({ file, line: r.line, reason: r.reason });
    if (rows.length && rows[0].n > rows.length) problems.push({ file, line: null, reason: `… och ${rows[0].n - rows.length} fel till` });
  }
  if (problems.length) throw new DataDirectoryError(problems);

  await db.exec(`
    CREATE OR REPLACE TABLE ${T.kpis} AS SELECT id, title, coalesce(unit,'') AS unit,
      lower(trim(is_divided_by_gender)) IN ('true','1') AS is_divided_by_gender, coalesce(description,'') AS description,
      coalesce(source,'') AS source,
      CASE WHEN coalesce(trim(higher_is_better),'') = '' THEN NULL ELSE lower(trim(higher_is_better)) IN ('true','1') END AS higher_is_better,
      nullif(trim(parent),'') AS parent, nullif(trim(breakdown),'') AS breakdown FROM ${K};
    CREATE OR REPLACE TABLE ${T.municipalities} AS SELECT id, name, type, nullif(trim(county_code),'') AS county_code,
      nullif(trim(county_name),'') AS county_name, nullif(trim(skr_group_code),'') AS skr_group_code,
      nullif(trim(skr_group_name),'') AS skr_group_name FROM ${M};
    CREATE OR REPLACE TABLE ${T.values} AS SELECT kpi, municipality_id, period, gender,
      TRY_CAST(nullif(trim(value),'') AS DOUBLE) AS value, nullif(trim(status),'') AS status FROM ${V};
    CREATE OR REPLACE TABLE ${T.groups} AS ${files.has(CONTRACT_FILES.groups)
      ? `SELECT group_id, title, kind, TRY_CAST(edition AS INTEGER) AS edition, nullif(trim(owner_id),'') AS owner_id, member_id FROM ${G}`
      : `SELECT ''::VARCHAR AS group_id, ''::VARCHAR AS title, ''::VARCHAR AS kind, NULL::INTEGER AS edition, NULL::VARCHAR AS owner_id, ''::VARCHAR AS member_id WHERE false`};
    CREATE OR REPLACE TABLE ${T.targets} AS ${files.has(CONTRACT_FILES.targets)
      ? `SELECT municipality_id, kpi, period, CAST(trim(target) AS DOUBLE) AS target, comparison, coalesce(source_text,'') AS source_text FROM ${TG}`
      : `SELECT ''::VARCHAR AS municipality_id, ''::VARCHAR AS kpi, ''::VARCHAR AS period, 0::DOUBLE AS target, ''::VARCHAR AS comparison, ''::VARCHAR AS source_text WHERE false`};
  `);
  for (const f of present) await db.exec(`DROP TABLE IF EXISTS ${rawTable(f)}`);
}

function rawTable(file: string): string {
  return `raw_${file.replace(/\W/g, '_')}`;
}

/** Reads the header row so every column (including unknown extras) is typed VARCHAR. */
async function headerColumns(db: Database, file: string): Promise<string> {
  const rows = await db.query<{ column_name: string }>(
    `SELECT column_name FROM (DESCRIBE SELECT * FROM read_csv(${sqlString(file)}, all_varchar = true, header = true, delim = ',', quote = '"', escape = '"', sample_size = 1))`,
  );
  return '{' + rows.map((r) => `${sqlString(r.column_name)}: 'VARCHAR'`).join(', ') + '}';
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0];
}
