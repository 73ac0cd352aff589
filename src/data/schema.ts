import { sqlString } from '../engine/database.ts';
import { T } from './load-tables.ts';

/** Creates the values table from an already validated contract values.csv (browser engine). */
export function createValuesTableSql(file: string): string {
  return `CREATE OR REPLACE TABLE ${T.values} AS SELECT kpi, municipality_id, period, gender, value, nullif(status, '') AS status
    FROM read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
      columns = {'kpi': 'VARCHAR', 'municipality_id': 'VARCHAR', 'period': 'VARCHAR', 'gender': 'VARCHAR', 'value': 'DOUBLE', 'status': 'VARCHAR'})`;
}
