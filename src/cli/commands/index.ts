import type { CliCommand } from '../command.ts';
import { dispersionCommand } from './dispersion.command.ts';
import { gaussianCommand } from './gaussian.command.ts';
import { stabilityCommand } from './stability.command.ts';

/** Every command the CLI offers, in the order `--help` lists them. Add new ones here. */
export const COMMANDS: readonly CliCommand[] = [stabilityCommand, dispersionCommand, gaussianCommand];
