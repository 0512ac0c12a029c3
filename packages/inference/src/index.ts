// @gradlab/inference: Optimal hard and soft predictors and population loss from a known joint distribution.
export {};
