import { dataset } from '../dataset.ts';
import type { Dataset } from '../dataset.ts';
import { IRIS_CLASSES, IRIS_FEATURES, IRIS_T, IRIS_X } from './iris-data.ts';

/**
 * Fisher's iris data (1936): 150 flowers, 4 measurements in cm, 3 species of 50 each. Shipped in
 * the package, from the data files of Debian's python3-sklearn (see DATA-LICENSES.md).
 * @returns a data set `x [150, 4]`, `t [150]` with classes setosa, versicolor, virginica
 * @example
 * const iris = loadIris();
 * iris.featureNames[0]; // 'sepal length (cm)'
 */
export function loadIris(): Dataset {
  return dataset({ data: IRIS_X, shape: [150, 4] }, Array.from(IRIS_T, Number), {
    featureNames: IRIS_FEATURES,
    targetName: 'species',
    classNames: IRIS_CLASSES,
    name: 'iris',
  });
}
