import { describe, expect, it } from 'vitest';
import { describeFlags, parseFlags, type FlagSpec } from '../../../src/cli/flags.ts';

const SPEC = {
  count: { type: 'number', required: true, help: 'a number' },
  label: { type: 'string', help: 'a word' },
  loud: { type: 'boolean', help: 'a switch' },
} as const satisfies FlagSpec;

describe('parseFlags', () => {
  it('reads `--name value`, `--name=value` and switches', () => {
    expect(parseFlags(['--count', '3', '--label=x', '--loud'], SPEC)).toEqual({ ok: true, flags: { count: 3, label: 'x', loud: true } });
  });

  it('takes a negative number as a value and reads exponents', () => {
    expect(parseFlags(['--count', '-2.5e-3'], SPEC)).toEqual({ ok: true, flags: { count: -0.0025 } });
  });

  it.each([
    [['--count', '1', '--colour', 'red'], 'unknown-flag', '--colour'],
    [['--count', '1', 'extra'], 'unexpected-argument', 'extra'],
    [['--count', '1', '--count', '2'], 'repeated-flag', '--count'],
    [['--count'], 'missing-value', '--count'],
    [['--count', '--loud'], 'missing-value', '--count'],
    [['--count='], 'missing-value', '--count'],
    [['--count', '1e'], 'not-a-number', '--count 1e'],
    [['--count', '0x10'], 'not-a-number', '--count 0x10'],
    [['--count', 'NaN'], 'not-a-number', '--count NaN'],
    [['--count', 'Infinity'], 'not-a-number', '--count Infinity'],
    [['--count', '1', '--loud=yes'], 'flag-takes-no-value', '--loud'],
    [['--label', 'x'], 'missing-flag', '--count'],
    [['--count', '1', '--toString', '2'], 'unknown-flag', '--toString'],
  ])('%j → %s', (argv, reason, detail) => {
    expect(parseFlags(argv, SPEC)).toEqual({ ok: false, reason, detail });
  });

  it('describes its flags for --help', () => {
    expect(describeFlags(SPEC)).toEqual(['  --count <number>  a number (required)', '  --label <string>  a word', '  --loud  a switch']);
  });
});
