/** Reads the real Kolada extract in shared/data/kolada (never copied into the repo). */
export { koladaDir, readKoladaCsv as readCsv, REPO_DIR } from '../support/kolada-dir.ts';
