import type { Result } from '../../../../preload/api.ts';
import { fieldOfMessage } from '../settings-fields.ts';

export type FormPhase = 'idle' | 'saving' | 'saved';

/** What is wrong with each field, for the fields that have a problem. */
export type FieldErrors<Field extends string> = { readonly [K in Field]?: string };

/**
 * Where one Settings form stands: saving, saved, or refused. A refusal about one field (the
 * validator names it) is shown next to that field; any other next to the form's button.
 */
export class FormStatus<Field extends string> {
  phase = $state<FormPhase>('idle');
  /** A problem that is not about one field: no secret store, Earshot not reachable… */
  error = $state<string | null>(null);
  fieldErrors = $state.raw<FieldErrors<Field>>({});

  readonly isSaving = $derived(this.phase === 'saving');
  readonly #fields: readonly Field[];
  readonly #fallback: Field | undefined;

  /**
   * @param fields the request's fields, as the validator names them
   * @param fallback the field an `invalid-request` naming none is about (a form of one field)
   */
  constructor(fields: readonly Field[], fallback?: Field) {
    this.#fields = fields;
    this.#fallback = fallback;
  }

  /** Back to a clean form (a new visit to Settings). */
  reset(): void {
    this.phase = 'idle';
    this.error = null;
    this.fieldErrors = {};
  }

  /** The listener changed something: "Saved" no longer describes what the form shows. */
  edited(): void {
    if (this.phase === 'saved') this.phase = 'idle';
  }

  /** Runs `call` unless a save is under way; the value on success, else `undefined`. */
  async save<T>(call: () => Promise<Result<T>>): Promise<T | undefined> {
    if (this.phase === 'saving') return undefined;
    this.phase = 'saving';
    this.error = null;
    this.fieldErrors = {};
    const result = await call();
    if (result.ok) {
      this.phase = 'saved';
      return result.value;
    }
    this.phase = 'idle';
    const { code, message } = result.error;
    const about = code === 'invalid-request' ? fieldOfMessage(message, this.#fields) : null;
    const field = about?.field ?? (code === 'invalid-request' ? this.#fallback : undefined);
    if (field === undefined) this.error = message;
    else this.fieldErrors = { [field]: about?.text ?? message } as FieldErrors<Field>;
    return undefined;
  }
}
