/**
 * The tables the engine holds, by name, and their DDL. The loader (load-tables.ts) creates the
 * contract tables from a data directory, the browser starts with an empty values table that value
 * pieces fill (core/value-pieces.ts), and imported sets ("egna data") live in user_values (see core/user-values.ts).
 */
import { sqlString } from '../engine/database.ts';

/** Table names of the loaded contract. */
export const T = {
  values: 'kpi_values',
  kpis: 'kpis',
  municipalities: 'municipalities',
  groups: 'group_members',
  targets: 'targets',
} as const;

/** Every accepted row of every imported set, with its set id and whether it was copied into kpi_values. */
export const USER_VALUES = 'user_values';

export const CREATE_USER_VALUES_SQL = `CREATE TABLE IF NOT EXISTS ${USER_VALUES} (set_id VARCHAR, kpi VARCHAR, municipality_id VARCHAR, period VARCHAR, gender VARCHAR,
    value DOUBLE, status VARCHAR, applied BOOLEAN, existing DOUBLE, existing_present BOOLEAN)`;

/** The empty values table the browser engine starts with; value pieces and imported sets fill it. */
export const CREATE_EMPTY_VALUES_SQL = `CREATE TABLE IF NOT EXISTS ${T.values} (kpi VARCHAR, municipality_id VARCHAR, period VARCHAR, gender VARCHAR, value DOUBLE, status VARCHAR)`;

/** Creates the values table from an already validated contract values.csv (native and bench ingest). */
export function createValuesTableSql(file: string): string {
  return `CREATE OR REPLACE TABLE ${T.values} AS SELECT kpi, municipality_id, period, gender, value, nullif(status, '') AS status
    FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      columns = {'kpi': 'VARCHAR', 'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'DOUBLE', 'status': 'VARCHAR'})`;
}
