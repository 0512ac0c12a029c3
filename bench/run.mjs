#!/usr/bin/env node
// Entry point of the benchmark suite; each benchmark registers in ./suites.mjs.
import { suites } from './suites.mjs';

if (suites.length === 0) {
  console.log('no benchmark suites yet');
}
for (const suite of suites) await suite.run();
