// @gradlab/data/node: file reading for Node.js (streaming CSV).
export { readCsv } from './read-csv.ts';
