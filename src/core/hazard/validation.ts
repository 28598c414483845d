/**
 * The outcome of checking user input. Bad input is an expected event in a warning tool (a typo in
 * a wind speed, a night with no class in the table), so it is returned, never thrown; the reason
 * is a stable code that the UI and the CLI turn into words.
 */
export type Validated<T, R extends string = string> =
  | { valid: true; value: T }
  | { valid: false; reason: R };

export function accept<T>(value: T): { valid: true; value: T } {
  return { valid: true, value };
}

export function reject<R extends string>(reason: R): { valid: false; reason: R } {
  return { valid: false, reason };
}
