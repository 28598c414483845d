// River spill tracing, for callers outside src/core/river (CLI, UI, seed, benchmarks).
export * from './travel-time.ts';
export * from './river-network.ts';
export * from './snap-to-river.ts';
export * from './trace-downstream.ts';
export * from './jurisdiction-edges.ts';
export * from './reach-jurisdictions.ts';
export * from './river-footprint.ts';
export * from './trace-river-spill.ts';
