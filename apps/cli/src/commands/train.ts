import { Command } from 'commander';
import { trainLmCommand } from './lm/train-lm.ts';
import { trainMlpCommand } from './nn/train-mlp.ts';

/** `gradlab train <model>`: trains a neural network (`mlp`; `lm` with the transformer). */
export function trainCommand(): Command {
  return new Command('train').description('train a neural network: mlp (chapter 6) or lm, a transformer language model (chapter 7)').addCommand(trainMlpCommand()).addCommand(trainLmCommand());
}
