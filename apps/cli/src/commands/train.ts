import { Command } from 'commander';
import { trainMlpCommand } from './nn/train-mlp.ts';

/** `gradlab train <model>`: trains a neural network (`mlp`; `lm` with the transformer). */
export function trainCommand(): Command {
  return new Command('train').description('train a neural network: mlp (chapter 6)').addCommand(trainMlpCommand());
}
