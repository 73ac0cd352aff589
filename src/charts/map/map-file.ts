/** The map's boundary file, built by scripts/site/build-geo.ts and served beside the site data. */
export const MAP_FILE = 'kommuner.topo.json';
/** Extent of the projected coordinates in the file (Sweden fitted inside, aspect kept). */
export const MAP_EXTENT: [number, number] = [1000, 2200];

/** Properties of each kommun in the file; the feature id is the 4-character municipality_id. */
export interface KommunProperties {
  name: string;
  /** 2-digit län code */
  lan: string;
  lanName: string;
}
