// The ESM entry of `tikapi/testing`: the same declarations as testing.d.ts (hand-written).
export * from './testing.js';
