import type {
  DesktopMethodName,
  DesktopRequestOf,
  ModelParameters,
  SpotifyCredentialsRequest,
  SpotifySourcesRequest,
} from '../core/contract/index.ts';
import { InvalidRequest } from '../core/app/request-guards.ts';
import { parseSource } from '../core/spotify/parse-source.ts';

/**
 * Untrusted desktop requests (IPC payloads) checked field by field, as request-guards.ts does
 * the contract's.
 */

const settingsLimits = {
  maxSources: 200,
  maxSourceLength: 500,
  maxCredentialLength: 200,
} as const;

function record(value: unknown, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidRequest('request must be an object');
  const extra = Object.keys(value).find((k) => !keys.includes(k));
  if (extra !== undefined) throw new InvalidRequest(`request has an unknown field "${extra}"`);
  return value as Record<string, unknown>;
}

function credential(value: unknown, name: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '' || text.length > settingsLimits.maxCredentialLength || /\s/.test(text))
    throw new InvalidRequest(
      `${name} must be the text Spotify's developer dashboard shows, without spaces`,
    );
  return text;
}

function parseCredentialsRequest(value: unknown): SpotifyCredentialsRequest {
  const r = record(value, ['clientId', 'clientSecret']);
  return {
    clientId: credential(r.clientId, 'clientId'),
    clientSecret: credential(r.clientSecret, 'clientSecret'),
  };
}

/** Sources as typed (trimmed), each one a source the crawler accepts; an empty list is fine. */
function parseSourcesRequest(value: unknown): SpotifySourcesRequest {
  const r = record(value, ['sources']);
  const texts = r.sources;
  if (
    !Array.isArray(texts) ||
    texts.length > settingsLimits.maxSources ||
    !texts.every((t) => typeof t === 'string' && t.length <= settingsLimits.maxSourceLength)
  ) {
    throw new InvalidRequest(
      `sources must be a list of at most ${settingsLimits.maxSources} texts of at most ${settingsLimits.maxSourceLength} characters`,
    );
  }
  const kept: string[] = [];
  const keys = new Set<string>();
  const errors: string[] = [];
  for (const text of (texts as string[]).map((t) => t.trim()).filter((t) => t !== '')) {
    const parsed = parseSource(text);
    if (!parsed.ok) errors.push(parsed.error.message);
    else if (!keys.has(parsed.source.key)) {
      keys.add(parsed.source.key);
      kept.push(text);
    }
  }
  if (errors.length > 0) throw new InvalidRequest(errors.join('\n'));
  return { sources: kept };
}

function number(value: unknown, name: string, min: number, max: number, integer: boolean): number {
  if (
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    (integer && !Number.isInteger(value)) ||
    value < min ||
    value > max
  ) {
    const kind = integer ? 'a whole number' : 'a number';
    throw new InvalidRequest(`${name} must be ${kind} from ${min} to ${max}`);
  }
  return value;
}

export function parseModelParametersRequest(value: unknown): Partial<ModelParameters> {
  const r = record(value ?? {}, ['factors', 'epochs', 'learningRate', 'regularization']);
  const result: { -readonly [K in keyof ModelParameters]?: number } = {};
  if (r.factors !== undefined) result.factors = number(r.factors, 'factors', 1, 200, true);
  if (r.epochs !== undefined) result.epochs = number(r.epochs, 'epochs', 1, 500, true);
  if (r.learningRate !== undefined)
    result.learningRate = number(r.learningRate, 'learningRate', 1e-6, 0.1, false);
  if (r.regularization !== undefined)
    result.regularization = number(r.regularization, 'regularization', 0, 1, false);
  return result;
}

/**
 * A method that takes no request gets none: the preload sends `undefined`; `null` and `{}` are
 * accepted as the same nothing, anything else is a caller that does not follow the contract.
 */
function nothing(value: unknown): undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)
    return undefined;
  throw new InvalidRequest('this method takes no request');
}

type DesktopParsers = { [K in DesktopMethodName]: (value: unknown) => DesktopRequestOf<K> };

const desktopParsers: DesktopParsers = {
  getSettings: nothing,
  setSpotifyCredentials: parseCredentialsRequest,
  clearSpotifyCredentials: nothing,
  setSpotifySources: parseSourcesRequest,
  setModelParameters: parseModelParametersRequest,
  refreshData: nothing,
  cancelRefresh: nothing,
};

/** Checks an untrusted desktop request against the contract; throws {@link InvalidRequest}. */
export function parseDesktopRequest<K extends DesktopMethodName>(
  method: K,
  value: unknown,
): DesktopRequestOf<K> {
  return desktopParsers[method](value);
}

export function isDesktopMethodName(value: unknown): value is DesktopMethodName {
  return typeof value === 'string' && Object.hasOwn(desktopParsers, value);
}
