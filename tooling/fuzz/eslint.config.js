import { gradlabConfig } from '@gradlab/eslint-config';

export default gradlabConfig(import.meta.dirname);
