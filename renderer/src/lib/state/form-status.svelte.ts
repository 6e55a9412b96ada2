import type { FieldProblem, RequestCheck, Result } from '../../../../preload/api.ts';

export type FormPhase = 'idle' | 'saving' | 'saved';

/** What is wrong with each field, for the fields that have a problem. */
export type FieldErrors<Field extends string> = { readonly [K in Field]?: string };

/**
 * Where one Settings form stands: saving, saved, or refused. The contract's schema checks the
 * request here first, so the listener learns at once which field is wrong and why; a refusal
 * from the other side that names a field of this form (the error's `field`) is shown there too,
 * and any other problem next to the form's button.
 */
export class FormStatus<Field extends string> {
  phase = $state<FormPhase>('idle');
  /** A problem that is not about one field: no secret store, Earshot not reachable… */
  error = $state<string | null>(null);
  fieldErrors = $state.raw<FieldErrors<Field>>({});

  readonly isSaving = $derived(this.phase === 'saving');
  readonly #fields: readonly Field[];

  /** @param fields the request's fields, as the contract names them */
  constructor(fields: readonly Field[]) {
    this.#fields = fields;
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

  /**
   * Runs `call` unless a save is under way or `check` (the request against the contract's
   * schema) refused it; the value on success, else `undefined`.
   */
  async save<T>(
    call: () => Promise<Result<T>>,
    check: RequestCheck<unknown> = { ok: true, value: undefined },
  ): Promise<T | undefined> {
    if (this.phase === 'saving') return undefined;
    this.error = null;
    this.fieldErrors = {};
    if (!check.ok) {
      this.phase = 'idle';
      this.#show(check.problems);
      return undefined;
    }
    this.phase = 'saving';
    const result = await call();
    if (result.ok) {
      this.phase = 'saved';
      return result.value;
    }
    this.phase = 'idle';
    const { code, message, field } = result.error;
    this.#show([{ field: code === 'invalid-request' ? (field ?? []) : [], text: message }]);
    return undefined;
  }

  /** Each problem beside its field (several for one field, one a line), the rest below. */
  #show(problems: readonly FieldProblem[]): void {
    const byField: Partial<Record<Field, string>> = {};
    const general: string[] = [];
    for (const { field, text } of problems) {
      const name = this.#fields.find((candidate) => candidate === field[0]);
      if (name === undefined) general.push(text);
      else byField[name] = byField[name] === undefined ? text : `${byField[name]}\n${text}`;
    }
    this.fieldErrors = byField;
    this.error = general.length > 0 ? general.join('\n') : null;
  }
}
