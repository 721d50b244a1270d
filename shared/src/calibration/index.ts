export * from './random.js';
export * from './folds.js';
export * from './auc.js';
export * from './brier.js';
export * from './logistic.js';
export * from './probability.js';
export * from './curve-fit.js';
export * from './band-fit.js';
