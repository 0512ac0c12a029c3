import { definePackageConfig } from './index.js';

export default definePackageConfig({ include: ['test/**/*.test.ts'] });
