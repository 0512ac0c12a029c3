// @gradlab/prob: Random variables and distributions, joint tables, marginals, conditionals and Bayes' rule.
export {};
