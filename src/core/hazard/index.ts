// The atmospheric hazard models, for callers outside src/core/hazard (CLI, UI, seed, benchmarks).
export * from './validation.ts';
export * from './wind.ts';
export * from './source-point.ts';
export * from './stability-class.ts';
export * from './stability.ts';
export * from './dispersion.ts';
export * from './gaussian-plume.ts';
export * from './gaussian-footprint.ts';
export * from './sector.ts';
