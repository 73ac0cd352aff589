import { CATALOGUE_JSON, type CatalogueEntry } from './kpi-catalogue.ts';
import type { CatalogueSearch } from './catalogue-search.ts';

let loading: Promise<CatalogueSearch> | null = null;

/**
 * The KPI catalogue with its search index, fetched (data/catalogue.json) and built on first use only:
 * neither the file nor the search library ships with the page. A failed load can be retried.
 */
export function loadCatalogue(root: string | URL): Promise<CatalogueSearch> {
  loading ??= (async () => {
    const base = new URL(root, typeof location === 'undefined' ? undefined : location.href);
    const [res, { createCatalogueSearch }] = await Promise.all([fetch(new URL(`data/${CATALOGUE_JSON}`, base)), import('./catalogue-search.ts')]);
    if (!res.ok) throw new Error(`${res.status} ${res.statusText}`);
    return createCatalogueSearch((await res.json()) as CatalogueEntry[]);
  })().catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
