/**
 * A deliberately small flag parser: `--name value`, `--name=value` and bare boolean `--name`.
 * It refuses anything it does not know (unknown flags, stray words, repeated flags, numbers that
 * are not numbers) because a warning tool must not quietly run on a mistyped input.
 */

export interface FlagDefinition {
  type: 'number' | 'string' | 'boolean';
  required?: boolean;
  /** One line for `--help`. */
  help: string;
}

export type FlagSpec = Record<string, FlagDefinition>;

type ValueOf<D extends FlagDefinition> = D['type'] extends 'number' ? number : D['type'] extends 'boolean' ? boolean : string;

/** Required flags are always present after parsing; the others may be absent. */
export type ParsedFlags<S extends FlagSpec> = {
  [N in keyof S as S[N]['required'] extends true ? N : never]: ValueOf<S[N]>;
} & {
  [N in keyof S as S[N]['required'] extends true ? never : N]?: ValueOf<S[N]>;
};

export type FlagsOutcome<S extends FlagSpec> = { ok: true; flags: ParsedFlags<S> } | { ok: false; reason: string; detail: string };

const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function parseFlags<S extends FlagSpec>(argv: readonly string[], spec: S): FlagsOutcome<S> {
  const values: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i] as string;
    if (!token.startsWith('--') || token === '--') {
      return { ok: false, reason: 'unexpected-argument', detail: token };
    }
    const equals = token.indexOf('=');
    const name = equals < 0 ? token.slice(2) : token.slice(2, equals);
    const definition = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (!definition) return { ok: false, reason: 'unknown-flag', detail: `--${name}` };
    if (Object.hasOwn(values, name)) return { ok: false, reason: 'repeated-flag', detail: `--${name}` };

    if (definition.type === 'boolean') {
      if (equals >= 0) return { ok: false, reason: 'flag-takes-no-value', detail: `--${name}` };
      values[name] = true;
      continue;
    }

    let text: string | undefined;
    if (equals >= 0) {
      text = token.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      // A following flag is not a value; a single dash is (negative numbers such as `--y-m -50`).
      if (next !== undefined && !next.startsWith('--')) {
        text = next;
        i += 1;
      }
    }
    if (text === undefined || text === '') return { ok: false, reason: 'missing-value', detail: `--${name}` };

    if (definition.type === 'number') {
      if (!NUMBER_PATTERN.test(text)) return { ok: false, reason: 'not-a-number', detail: `--${name} ${text}` };
      values[name] = Number(text);
    } else {
      values[name] = text;
    }
  }

  for (const [name, definition] of Object.entries(spec)) {
    if (definition.required && !Object.hasOwn(values, name)) {
      return { ok: false, reason: 'missing-flag', detail: `--${name}` };
    }
  }
  return { ok: true, flags: values as ParsedFlags<S> };
}

/** Usage lines for a flag spec, for `--help`. */
export function describeFlags(spec: FlagSpec): string[] {
  return Object.entries(spec).map(([name, definition]) => {
    const value = definition.type === 'boolean' ? '' : ` <${definition.type}>`;
    const required = definition.required ? ' (required)' : '';
    return `  --${name}${value}  ${definition.help}${required}`;
  });
}
