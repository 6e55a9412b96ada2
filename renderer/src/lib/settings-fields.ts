import type { ModelParameters, Preferences } from '../../../preload/api.ts';

/**
 * The Settings forms' numeric fields. The main process (and `earshot serve`) validate every
 * value and are the authority; these ranges only shape the inputs and their hints, and a test
 * (test/renderer/settings-fields.test.ts) holds them to the validators' own.
 */
export interface FieldRange {
  readonly min: number;
  readonly max: number;
  readonly step: number | 'any';
}

export type NumericPreference = Exclude<keyof Preferences, 'strategy'>;

export const preferenceRanges = {
  songsToRate: { min: 1, max: 50, step: 1 },
  recommendations: { min: 1, max: 50, step: 1 },
} as const satisfies Record<NumericPreference, FieldRange>;

export const modelRanges = {
  factors: { min: 1, max: 200, step: 1 },
  epochs: { min: 1, max: 500, step: 1 },
  // The learning rate must be above 0: 0.000001 is the smallest the app takes.
  learningRate: { min: 0.000001, max: 0.1, step: 'any' },
  regularization: { min: 0, max: 1, step: 'any' },
} as const satisfies Record<keyof ModelParameters, FieldRange>;

/**
 * What a number field holds, as a number for the request. Empty or not a number becomes NaN,
 * which the validator refuses with its own message, so the range lives in one place.
 */
export function numberFromField(text: string): number {
  const trimmed = text.trim();
  return trimmed === '' ? Number.NaN : Number(trimmed);
}

/** The sources textarea: one source per line; blank lines are nothing. */
export function sourcesFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function sourcesToText(sources: readonly string[]): string {
  return sources.join('\n');
}

/**
 * Which field an `invalid-request` message is about, and what to show next to it. The
 * validators start their messages with the request field's name ("songsToRate must be a whole
 * number from 1 to 50"); next to the field labelled "Songs to rate", "Must be a whole number
 * from 1 to 50." says the same. A message naming no field of `fields` stays whole.
 */
export function fieldOfMessage<Field extends string>(
  message: string,
  fields: readonly Field[],
): { readonly field: Field; readonly text: string } | null {
  const field = fields.find((name) => message.startsWith(`${name} `));
  if (field === undefined) return null;
  const rest = message.slice(field.length + 1);
  const text = rest.charAt(0).toUpperCase() + rest.slice(1);
  return { field, text: /[.!?]$/.test(text) ? text : `${text}.` };
}
