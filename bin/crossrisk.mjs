#!/usr/bin/env node
// The CLI is TypeScript run as it is (no build step); tsx's loader makes Node understand it.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
