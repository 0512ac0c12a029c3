import type { TourSection } from './section.ts';

export const welcome: TourSection = {
  id: 'welcome',
  title: 'Welcome to gradlab',
  chapter: 'Overview',
  run(print) {
    print('gradlab follows the course "Machine Learning for engineers" chapter by chapter:');
    print('  1. Probability                     @gradlab/prob, @gradlab/core-tensor');
    print('  2. Inference with a known joint    @gradlab/inference, @gradlab/losses');
    print('  3. Supervised learning             @gradlab/models-linear, @gradlab/data');
    print('  4. Optimisation                    @gradlab/optim, @gradlab/core-tensor');
    print('  5. Binary classification           @gradlab/models-linear, @gradlab/losses');
    print('  6. Neural networks                 @gradlab/models-nn');
    print('  7. Transformer                     @gradlab/transformer');
  },
};
