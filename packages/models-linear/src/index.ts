// @gradlab/models-linear: Least squares, ridge, LASSO, perceptron and logistic regression.
export {};
