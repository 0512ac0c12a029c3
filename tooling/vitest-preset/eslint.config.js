// Imported by path, not by name: @gradlab/eslint-config's own tests use this preset, and a
// dependency each way would be a cycle in the task graph.
import { gradlabConfig } from '../eslint-config/index.js';

export default gradlabConfig(import.meta.dirname);
