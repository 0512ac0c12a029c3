import type { TourSection } from './section.ts';
import { welcome } from './welcome.ts';
import { tensors } from './tensors.ts';
import { probability } from './probability.ts';
import { inference } from './inference.ts';
import { supervisedLearning } from './supervised-learning.ts';
import { differentiation } from './differentiation.ts';
import { validation } from './validation.ts';
import { optimisation } from './optimisation.ts';
import { classification } from './classification.ts';
import { neuralNetworks } from './neural-networks.ts';
import { transformers } from './transformers.ts';

/** The tour in reading order; each later issue adds the chapter it builds. */
export const sections: readonly TourSection[] = [welcome, tensors, probability, inference, supervisedLearning, validation, optimisation, differentiation, classification, neuralNetworks, transformers];
