import { describe, expect, it } from 'vitest';
import { defineCommand, fail, succeed } from '../../../src/cli/command.ts';
import { COMMANDS } from '../../../src/cli/commands/index.ts';
import { createRegistry } from '../../../src/cli/registry.ts';
import { EXIT_BAD_INPUT, EXIT_INTERNAL_ERROR, EXIT_OK, runCli, type CliIo } from '../../../src/cli/run-cli.ts';

function captureIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, writeStdout: (text) => out.push(text), writeStderr: (text) => err.push(text), readStdin: async () => '' };
}

// A command defined here, the way a new file in src/cli/commands/ would define one.
const echoCommand = defineCommand({
  name: 'echo',
  summary: 'answers its input',
  flags: { word: { type: 'string', required: true, help: 'a word' } },
  run(flags) {
    if (flags.word === 'boom') throw new Error('exploded\nacross lines');
    if (flags.word === 'no') return fail('word-refused', 'the word\nwas no');
    return succeed({ word: flags.word });
  },
});

describe('runCli', () => {
  it('prints one JSON document for a registered command', async () => {
    const io = captureIo();
    expect(await runCli(['echo', '--word', 'hi'], createRegistry([echoCommand]), io)).toBe(EXIT_OK);
    expect(io.out).toEqual(['{"word":"hi"}\n']);
    expect(io.err).toEqual([]);
  });

  it('turns a refusal into exit 2 and one line on stderr, even when the detail has line breaks', async () => {
    const io = captureIo();
    expect(await runCli(['echo', '--word', 'no'], createRegistry([echoCommand]), io)).toBe(EXIT_BAD_INPUT);
    expect(io.err).toEqual(['crossrisk echo: word-refused: the word was no\n']);
    expect(io.out).toEqual([]);
  });

  it('keeps program faults apart from bad input (exit 1)', async () => {
    const io = captureIo();
    expect(await runCli(['echo', '--word', 'boom'], createRegistry([echoCommand]), io)).toBe(EXIT_INTERNAL_ERROR);
    expect(io.err).toEqual(['crossrisk echo: internal-error: exploded across lines\n']);
  });

  it('prints a command\'s flags for --help', async () => {
    const io = captureIo();
    expect(await runCli(['echo', '--help'], createRegistry([echoCommand]), io)).toBe(EXIT_OK);
    expect(io.out.join('')).toContain('--word <string>');
  });

  it('refuses a registry with one name twice', () => {
    expect(() => createRegistry([echoCommand, echoCommand])).toThrow(/twice/);
  });

  it('ships every command of the contract', () => {
    expect(createRegistry(COMMANDS).list().map((command) => command.name)).toEqual([
      'regions', 'match', 'river-spill', 'plume', 'stability', 'dispersion', 'gaussian',
    ]);
  });
});
