import { runProgram } from './program.ts';

void runProgram(process.argv);
