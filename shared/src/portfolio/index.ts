export * from './outcome.js';
export * from './types.js';
export * from './retention.js';
export * from './renewal-period.js';
export * from './distribution.js';
export * from './forecast.js';
export * from './report.js';
