import { modelParameters } from '../contract/index.ts';
import type { ModelParameters } from '../contract/index.ts';
import type { SvdOptions } from '../recommender/algorithms/svd-options.ts';
import type { Store } from '../store/store.ts';
import { appModelOptions } from './model-settings.ts';

const key = 'model.parameters';

/** The parameters a user can change (desktop Settings), at the app's tuned values. */
export const defaultModelParameters: ModelParameters = {
  factors: appModelOptions.factors ?? 20,
  epochs: appModelOptions.epochs ?? 100,
  learningRate: appModelOptions.learningRate ?? 0.01,
  regularization: appModelOptions.regularization ?? 0.05,
};

/**
 * The saved parameters, each checked again by the contract's schema: a hand-edited or older
 * value out of range falls back to its default.
 */
export function readModelParameters(store: Store): ModelParameters {
  const stored = store.settings.get(key);
  const result = { ...defaultModelParameters };
  if (typeof stored !== 'object' || stored === null) return result;
  for (const name of Object.keys(result) as (keyof ModelParameters)[]) {
    const checked = modelParameters.shape[name].safeParse(
      (stored as Record<string, unknown>)[name],
    );
    if (checked.success) result[name] = checked.data;
  }
  return result;
}

/** Saves a checked change over the saved parameters; says whether anything changed. */
export function writeModelParameters(
  store: Store,
  change: Partial<ModelParameters>,
): { readonly parameters: ModelParameters; readonly changed: boolean } {
  const before = readModelParameters(store);
  const parameters = { ...before, ...change };
  store.settings.set(key, parameters);
  return { parameters, changed: JSON.stringify(parameters) !== JSON.stringify(before) };
}

/**
 * What every face trains: the app's tuned options with the user's parameters over them. Read at
 * each training, so a change in Settings applies to the next one, and `earshot serve`,
 * `recommend` and `pipeline` train (and load) the very model the desktop app does.
 */
export function readModelOptions(store: Store): SvdOptions {
  return { ...appModelOptions, ...readModelParameters(store) };
}
