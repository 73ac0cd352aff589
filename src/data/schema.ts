/**
 * The tables the engine holds, by name, and their DDL. The loader (load-tables.ts) creates the
 * contract tables from a data directory, the browser creates the values table from the site's
 * values.csv, and imported sets ("egna data") live in user_values (see core/user-values.ts).
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

/** Creates the values table from an already validated contract values.csv (browser engine). */
export function createValuesTableSql(file: string): string {
  return `CREATE OR REPLACE TABLE ${T.values} AS SELECT kpi, municipality_id, period, gender, value, nullif(status, '') AS status
    FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      columns = {'kpi': 'VARCHAR', 'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'DOUBLE', 'status': 'VARCHAR'})`;
}
