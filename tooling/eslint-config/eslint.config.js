import { gradlabConfig } from './index.js';

export default gradlabConfig(import.meta.dirname);
