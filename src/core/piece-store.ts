import { PIECES_DIR, PIECES_INDEX, type PieceIndex } from '../data/value-pieces.ts';
import type { KpiSlice } from '../queries/local/slice.ts';
import { sliceFromPiece } from './piece-slice.ts';

/** A value piece that could not be had or read: only the queries about its KPI fail. */
export class PieceError extends Error {
  constructor(
    readonly kpi: string,
    message: string,
  ) {
    super(message);
    this.name = 'PieceError';
  }
}

/** The index of pieces (data/pieces.json), its KPI map without a prototype (ids are data). */
export async function fetchPieceIndex(dataUrl: string, fetchImpl: typeof fetch = fetch): Promise<PieceIndex> {
  const r = await fetchImpl(new URL(PIECES_INDEX, dataUrl));
  if (!r.ok) throw new Error(`förteckningen över värdena kunde inte hämtas (${r.status} ${r.statusText})`);
  const parsed = (await r.json()) as PieceIndex;
  return { ...parsed, pieces: Object.assign(Object.create(null) as PieceIndex['pieces'], parsed.pieces) };
}

/**
 * The site's value pieces as the page fetches them, for both their readers: the page's KPI index
 * (`slice`, read in the page, no engine needed) and the engine's table (value-pieces.ts, `body`).
 * A piece asked for by both at once is fetched once; a failed one is fetched again, past the HTTP
 * cache (which may hold a truncated answer), on the next try.
 */
export interface PieceStore {
  index(): Promise<PieceIndex>;
  /** the KPI's piece, its length checked against the index; null: a KPI without values here */
  body(kpi: string): Promise<Uint8Array | null>;
  /** the piece could not be used: the next body() fetches it anew */
  failed(kpi: string): void;
  /**
   * the KPI's rows as the page holds them; 'oversized': more than maxRows (left to the engine).
   * `turn`: asked once the bytes are in, the decoding waits for it (read-ahead decodes at an idle moment).
   */
  slice(kpi: string, maxRows: number, turn?: () => Promise<void>): Promise<KpiSlice | 'oversized'>;
}

/** The pieces under `dataUrl`; a failed index request is asked again on the next use. */
export function pieceStore(dataUrl: string, fetchImpl: typeof fetch = fetch): PieceStore {
  let indexPromise: Promise<PieceIndex> | null = null;
  const remember = (p: Promise<PieceIndex>) =>
    (indexPromise = p.catch((e: unknown) => {
      indexPromise = null;
      throw e;
    }));
  const index = () => indexPromise ?? remember(fetchPieceIndex(dataUrl, fetchImpl));
  const failed = new Set<string>();
  // in flight only: a reader coming later fetches again (from the HTTP cache), so no bytes are kept
  const inFlight = new Map<string, Promise<Uint8Array | null>>();

  async function fetchBody(kpi: string): Promise<Uint8Array | null> {
    const entry = (await index()).pieces[kpi];
    if (!entry) return null; // a KPI without values (or unknown): its questions have no rows
    const [file, bytes] = entry;
    let res: Response;
    try {
      const url = new URL(`${PIECES_DIR}/${file}`, dataUrl);
      res = await (failed.has(kpi) ? fetchImpl(url, { cache: 'reload' }) : fetchImpl(url));
    } catch {
      throw new PieceError(kpi, `Värdena för ${kpi} kunde inte hämtas (nätverksfel).`);
    }
    if (!res.ok)
      throw new PieceError(kpi, `Värdena för ${kpi} kunde inte hämtas (${res.status}${res.statusText ? ' ' + res.statusText : ''}).`);
    const body = new Uint8Array(await res.arrayBuffer().catch(() => new ArrayBuffer(0)));
    if (body.byteLength !== bytes) throw new PieceError(kpi, `Värdena för ${kpi} kom ofullständiga (${body.byteLength} av ${bytes} byte).`);
    return body;
  }

  const store: PieceStore = {
    index,
    body(kpi) {
      let p = inFlight.get(kpi);
      if (!p) {
        p = fetchBody(kpi).then(
          (b) => (failed.delete(kpi), b),
          (e: unknown) => {
            failed.add(kpi);
            throw e;
          },
        );
        inFlight.set(kpi, p);
        const done = p;
        p.finally(() => inFlight.get(kpi) === done && inFlight.delete(kpi)).catch(() => {});
      }
      return p;
    },
    failed(kpi) {
      failed.add(kpi);
    },
    async slice(kpi, maxRows, turn) {
      const entry = (await index()).pieces[kpi];
      if (entry && entry[2] > maxRows) return 'oversized';
      const body = await store.body(kpi);
      if (!body) return new Map();
      await turn?.();
      try {
        return await sliceFromPiece(body);
      } catch (e) {
        failed.add(kpi);
        throw new PieceError(kpi, `Värdena för ${kpi} gick inte att läsa (${e instanceof Error ? e.message : String(e)}).`);
      }
    },
  };
  return store;
}
