import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import { BREAST_CANCER_CLASSES, BREAST_CANCER_FEATURES, BREAST_CANCER_T, BREAST_CANCER_X } from './breast-cancer-data.ts';

/**
 * Breast Cancer Wisconsin (Diagnostic), 1995: 569 tumours, 30 features of cell nuclei, classes
 * malignant (212) and benign (357). Shipped in the package, from Debian's python3-sklearn.
 * @returns a data set `x [569, 30]`, `t [569]` with classes malignant (0) and benign (1)
 * @example
 * loadBreastCancer().x.shape; // [569, 30]
 */
export function loadBreastCancer(): Dataset {
  return dataset({ data: BREAST_CANCER_X, shape: [569, 30] }, Array.from(BREAST_CANCER_T, Number), {
    featureNames: BREAST_CANCER_FEATURES,
    targetName: 'diagnosis',
    classNames: BREAST_CANCER_CLASSES,
    name: 'breast-cancer',
  });
}
