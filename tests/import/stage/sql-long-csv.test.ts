import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDatabase } from '../../../src/engine/node-database.ts';
import type { Database } from '../../../src/engine/database.ts';
import { planFastLongCsv, type FastPlan } from '../../../src/import/parse/fast-path.ts';
import { parseImportFile, type ImportContext } from '../../../src/import/parse/import-file.ts';
import { ImportSession } from '../../../src/import/worker/import-session.ts';
import { discardStaged, stageLongCsv } from '../../../src/import/stage/sql-long-csv.ts';
import { commitStaged } from '../../../src/core/writes.ts';
import { fixtureMunicipalities } from '../helpers.ts';

/**
 * The SQL fast path on native DuckDB through the Database interface, checked rule by rule and
 * against the careful JS path (parseImportFile) on the same bytes: same counts, lines and reasons.
 */
let db: Database;
const ctx: ImportContext = { municipalities: fixtureMunicipalities(), kpis: [{ id: 'N00090' }, { id: 'U00001' }] };

beforeAll(async () => {
  db = await openNodeDatabase();
  await db.exec(
    `CREATE TABLE kpi_values (kpi VARCHAR, municipality_id VARCHAR, period VARCHAR, gender VARCHAR, value DOUBLE, status VARCHAR)`,
  );
});
afterAll(() => db?.close());

function plan(bytes: Uint8Array, name = 'fil.csv', defaults: FastPlan['defaults'] = {}): FastPlan {
  const p = planFastLongCsv(name, bytes, defaults, () => {}, 0);
  if (!p) throw new Error('not planned for the fast path');
  return p;
}

async function fast(text: string | Uint8Array, defaults: FastPlan['defaults'] = {}) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const p = plan(bytes, 'fil.csv', defaults);
  const { bytes: b, ...rest } = p;
  return stageLongCsv(db, rest, b, { ...ctx, defaults });
}

function careful(text: string | Uint8Array, defaults: FastPlan['defaults'] = {}) {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return new ImportSession('fil.csv', bytes, { ...ctx, defaults }).summary();
}

/** Both paths on the same file must agree on everything the page shows. */
async function expectSameAsCareful(text: string | Uint8Array, defaults: FastPlan['defaults'] = {}) {
  const f = await fast(text, defaults);
  const c = careful(text, defaults);
  expect(f.refusal).toBe(c.refusal);
  expect(f.rejected.map((r) => [r.line, r.reason])).toEqual(c.rejected.map((r) => [r.line, r.reason]));
  expect(f.rejectedCount).toBe(c.rejectedCount);
  expect(f.accepted).toBe(c.accepted);
  expect(f.warnings).toEqual(c.warnings);
  expect(f.preview).toEqual(c.preview);
  expect(f.kpis.map((k) => ({ ...k, sum: Number(k.sum.toPrecision(12)) }))).toEqual(
    c.kpis.map((k) => ({ ...k, sum: Number(k.sum.toPrecision(12)) })),
  );
  expect([f.encoding, f.delimiter, f.decimal]).toEqual([c.encoding, c.delimiter, c.decimal]);
  return f;
}

describe('planning the fast path', () => {
  it('takes big regular long files and leaves the rest to the careful path', () => {
    const text = 'kpi;kommun;period;värde\nN00090;0180;2023;1,5\n';
    const bytes = new TextEncoder().encode(text);
    expect(planFastLongCsv('a.csv', bytes)).toBeNull(); // below 2 MB
    expect(planFastLongCsv('a.csv', bytes, {}, () => {}, 0)).toMatchObject({ delimiter: ';', decimal: ',', width: 4, encoding: 'utf-8' });
    const irregular = [
      'kpi;kommun;period;värde\n\nN00090;0180;2023;1\n',
      'kpi;kommun;period;värde\nN00090;"01\n80";2023;1\n',
      'kpi;kommun;period;värde\rN00090;0180;2023;1\r',
    ];
    for (const t of irregular)
      expect(
        planFastLongCsv('a.csv', new TextEncoder().encode(t), {}, () => {}, 0),
        JSON.stringify(t),
      ).toBeNull();
    expect(planFastLongCsv('a.csv', new TextEncoder().encode('Kommun;2020;2021\n0180;1;2\n'), {}, () => {}, 0)).toBeNull(); // wide
    expect(planFastLongCsv('a.json', new TextEncoder().encode('{"values":[]}'), {}, () => {}, 0)).toBeNull();
    // trailing blank lines are harmless
    expect(
      planFastLongCsv('a.csv', new TextEncoder().encode('kpi,kommun,period,value\nN00090,0180,2023,1\n\n\n'), {}, () => {}, 0),
    ).not.toBeNull();
  });

  it('decodes Windows-1252 to UTF-8 first', () => {
    const latin = Uint8Array.from([...'nyckeltal;kommun;år;värde\nN00090;Malmö;2023;1,5\n'].map((c) => c.charCodeAt(0)));
    const p = plan(latin);
    expect(p.encoding).toBe('windows-1252');
    expect(new TextDecoder().decode(p.bytes)).toContain('Malmö');
  });
});

describe('checking with SQL', () => {
  it('rejects each rule with the line and the Swedish reason of the careful path', async () => {
    const text =
      [
        'kpi;kommun;period;kön;värde',
        'N00090;0180;2023;T;12,5', // ok
        'N00090;9999;2023;T;1', // unknown id
        'N00090;Ingenstans;2023;T;1', // unknown name
        'N00090;Habo kommun;2023;T;1', // name → 0643
        'N00090;habo;2024;T;1', // name, case
        'N00090;Habo;2023;K;1', // name
        'N00090;Hbo;2023;T;1', // unknown name
        'N00090;0180;tjugohundra;T;1', // bad period
        'N00090;0180;januari 2022;T;1', // month name
        'N00090;0180;2023;X;1', // bad gender
        'N00090;0180;2021;T;abc', // bad number
        'N00090;0180;2020;kvinnor;1 234,5 %', // Swedish number
        'N00090;180;2019;T;-', // padded id, status marker
        ';0180;2019;T;1', // KPI missing
        'N00090;1280;2023;T;1', // dup, conflicting (3 rows)
        'N00090;1280;2023;T;1',
        'N00090;1280;2023;T;2',
        'N00090;1440;2023;T;7', // dup, same value (merged)
        'N00090;1440;2023;T;7',
        'N00090;1490;2023;T;1e400',
        'eget_id;1490;2023;T;3',
        'N00090;Ingenstans;1800;Z;x', // several problems at once
      ].join('\n') + '\n';
    const s = await expectSameAsCareful(text);
    const byLine = new Map(s.rejected.map((r) => [r.line, r.reason]));
    expect(byLine.get(3)).toBe('Okänd kommunkod ”9999”.');
    expect(byLine.get(4)).toBe('Okänd kommun ”Ingenstans”.');
    expect(byLine.get(9)).toMatch(/^Kan inte tolka ”tjugohundra” som en period/);
    expect(byLine.get(11)).toMatch(/^Okänt kön ”X”/);
    expect(byLine.get(12)).toBe('Kan inte tolka ”abc” som ett tal.');
    expect(byLine.get(15)).toBe('Nyckeltal saknas.');
    expect(byLine.get(16)).toBe('Dubblett: N00090 / 1280 / 2023 / T förekommer med olika värden (rad 16, 18); ingen av raderna används.');
    expect(byLine.get(18)).toBe('Dubblett: N00090 / 1280 / 2023 / T finns redan på rad 16 med ett annat värde (1 mot 2).');
    expect(byLine.has(17)).toBe(false); // same value as line 16: merged
    expect(byLine.get(23)).toMatch(
      /^Okänd kommun ”Ingenstans”\. Kan inte tolka ”1800” som en period.*Okänt kön ”Z”.*Kan inte tolka ”x” som ett tal\.$/,
    );
    expect(s.accepted).toBe(9);
    expect(s.preview[0]).toEqual({ kpi: 'N00090', municipality_id: '0180', period: '2023', gender: 'T', value: 12.5 });
    expect(s.preview.find((r) => r.period === '2020')).toMatchObject({ gender: 'K', value: 1234.5 });
    expect(s.preview.find((r) => r.period === '2019')).toMatchObject({ municipality_id: '0180', value: null, status: '-' });
    expect(s.preview.find((r) => r.period === '2022-01')).toBeTruthy();
    expect(s.warnings.join(' ')).toMatch(/2 rader var dubbletter.*rad 17/);
    expect(s.warnings.join(' ')).toMatch(/eget_id/);
    expect(s.fast).toBe(true);
  });

  it('reads number cells exactly like parse-number.ts, in comma and point files', async () => {
    const cells = [
      '12,3',
      '12.3',
      '1 234',
      '1\u00a0234,5',
      '1\u202f234',
      "1'234",
      '1.234',
      '1,234',
      '1.234,5',
      '1,234.5',
      '1.234.567',
      '1,234,567',
      '12,3 %',
      '12,3%',
      '-5',
      '\u22125,5',
      '+7',
      '- 3',
      '–',
      '..',
      '.',
      '',
      '12 34',
      '1,2,3',
      '1.2.3',
      ',5',
      '5,',
      '1e3',
      '1,5e-3',
      '1e400',
      '1' + '0'.repeat(400),
      '0',
      '-0',
      '%',
      '1 234 567,89',
      '12a',
      '0x10',
      'NaN',
      'Infinity',
      '١٢',
      '1 234.567,5',
      '1.234,5,6',
    ];
    for (const delim of [';', ','] as const) {
      const esc = (c: string) => (c.includes(delim) || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c);
      const text = [
        'kpi' + delim + 'kommun' + delim + 'period' + delim + 'value',
        ...cells.map((c, i) => ['N00090', '0180', String(1901 + i), esc(c)].join(delim)),
      ].join('\n');
      const f = await expectSameAsCareful(text);
      expect(f.rejectedCount, delim).toBeGreaterThan(5);
    }
  });

  it('agrees with the careful path on generated number cells', async () => {
    const piece = fc.constantFrom(
      '0',
      '1',
      '2',
      '5',
      '9',
      '12',
      '123',
      '1234',
      ',',
      '.',
      ' ',
      '\u00a0',
      '-',
      '+',
      '%',
      'e',
      'E',
      "'",
      '\u2212',
      '..',
      'x',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.array(piece, { maxLength: 7 }).map((p) => p.join('')),
          { minLength: 1, maxLength: 60 },
        ),
        fc.boolean(),
        async (cells, comma) => {
          const d = comma ? ';' : '\t';
          const text =
            ['kpi', 'kommun', 'period', 'value'].join(d) +
            '\n' +
            cells.map((c, i) => ['N00090', '0180', String(1900 + i), c].join(d)).join('\n') +
            '\n';
          const f = await fast(text);
          const c = careful(text);
          expect(f.rejected.map((r) => [r.line, r.reason])).toEqual(c.rejected.map((r) => [r.line, r.reason]));
          expect(f.preview).toEqual(c.preview);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('handles year and month columns, a default KPI and gender, and a BOM', async () => {
    await expectSameAsCareful('\ufeffår;månad;kommun;värde\n2023;januari;0180;1,5\n2023;13;0180;2\n2023;feb;Malmö;3\n', {
      kpi: 'U00001',
      gender: 'K',
    });
    await expectSameAsCareful('kpi,municipality_id,period,gender,value,status\nn00090,0180,2023-Q1,T,,..\nN00090,0180,2023-Q2,M,4.5,\n');
  });

  it('gives file lines for rows deep in a big file', async () => {
    const rows = ['kpi;kommun;period;kön;värde'];
    for (let i = 0; i < 200_000; i++)
      rows.push(
        `K${Math.floor(i / 2400)};${['0180', '1280', '1440', '1490'][i % 4]};${1900 + (Math.floor(i / 4) % 200)};${'TKM'[Math.floor(i / 800) % 3]};${i},5`,
      );
    rows[150_001] = 'N00090;0180;2023;T;fel';
    const s = await fast(rows.join('\n') + '\n');
    expect(s.rejected).toEqual([{ line: 150_002, reason: 'Kan inte tolka ”fel” som ett tal.' }]);
    expect(s.accepted).toBe(199_999);
  });

  it('commits the accepted rows in one transaction and exports them as contract CSV', async () => {
    await fast('kpi;kommun;period;värde\nEGEN;0180;2023;0,1\nEGEN;1280;2023;1 000,25\nEGEN;Ingenstans;2023;1\n');
    const { report, csv } = await commitStaged(db, 'set1', new Map([['EGEN', 'EGEN_X']]));
    expect(report).toMatchObject({ rows: 2, added: 2 });
    expect(await db.query(`SELECT kpi, municipality_id, value FROM kpi_values WHERE kpi = 'EGEN_X' ORDER BY municipality_id`)).toEqual([
      { kpi: 'EGEN_X', municipality_id: '0180', value: 0.1 },
      { kpi: 'EGEN_X', municipality_id: '1280', value: 1000.25 },
    ]);
    expect(new TextDecoder().decode(csv)).toBe(
      'kpi,municipality_id,period,gender,value,status\nEGEN_X,0180,2023,T,0.1,\nEGEN_X,1280,2023,T,1000.25,\n',
    );
    expect(await db.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'import_%'`)).toEqual([{ n: 0 }]);
  });

  it('leaves everything as it was when the commit fails', async () => {
    await fast('kpi;kommun;period;värde\nEGEN2;0180;2023;5\n');
    const before = await db.query(`SELECT count(*) AS n FROM kpi_values`);
    await expect(commitStaged(db, 'set1', new Map())).rejects.toThrow(/finns redan/);
    expect(await db.query(`SELECT count(*) AS n FROM kpi_values`)).toEqual(before);
    await discardStaged(db);
  });

  it('matches the careful path on the fixtures that are long CSV files', async () => {
    const { fixtureBytes } = await import('../helpers.ts');
    for (const f of [
      'long-comma-point.csv',
      'long-semicolon-bom.csv',
      'long-semicolon-comma.csv',
      'long-windows-1252.csv',
      'monthly-year-month-columns.csv',
    ]) {
      const bytes = fixtureBytes(f);
      if (!planFastLongCsv(f, bytes, {}, () => {}, 0)) continue; // irregular fixtures take the careful path
      const r = parseImportFile(f, bytes, ctx);
      const s = await fast(bytes);
      expect(s.accepted, f).toBe(r.accepted.length);
      expect(
        s.rejected.map((x) => [x.line, x.reason]),
        f,
      ).toEqual(r.rejected.map((x) => [x.line, x.reason]));
    }
  });
});
