import type { CliCommand } from '../command.ts';
import { dispersionCommand } from './dispersion.command.ts';
import { gaussianCommand } from './gaussian.command.ts';
import { matchCommand } from './match.command.ts';
import { plumeCommand } from './plume.command.ts';
import { regionsCommand } from './regions.command.ts';
import { riverSpillCommand } from './river-spill.command.ts';
import { stabilityCommand } from './stability.command.ts';

/** Every command the CLI offers, in the order `--help` lists them. Add new ones here. */
export const COMMANDS: readonly CliCommand[] = [
  regionsCommand,
  matchCommand,
  riverSpillCommand,
  plumeCommand,
  stabilityCommand,
  dispersionCommand,
  gaussianCommand,
];
