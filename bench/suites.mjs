/** The benchmark suites, run in this order by run.mjs. */
export const suites = [];
