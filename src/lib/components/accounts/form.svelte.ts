// One way every account form submits: validate with its valibot schema, show one message per
// field (aria-invalid + aria-describedby in TextField), keep what was typed, move focus to
// the first field that needs attention, and only then hand the checked values to the page.
import { tick } from 'svelte';
import type * as v from 'valibot';
import { checkForm, hasErrors } from '$lib/forms';
import type { FieldErrors } from '$lib/forms';
import type { CommandName } from '$lib/app/command-types';
import type { Performed } from '$lib/state/perform.svelte';

/** What a page answers after trying: messages for fields, or nothing when it went well. */
export type SubmitOutcome = FieldErrors | null | void;

/**
 * A command's result as the form shows it: done clears the form (null); a refusal about one
 * of its fields goes on that field; anything else (announced by `perform`) keeps what was typed.
 */
export function formOutcome(performed: Performed<CommandName> | null): SubmitOutcome {
	if (performed === null) return {};
	if (performed.ok) return null;
	if (performed.reason === 'refused' && performed.field !== null) {
		return { [performed.field.field]: performed.field.words };
	}
	return {};
}

export class FormRunner<S extends v.GenericSchema> {
	errors = $state<FieldErrors>({});
	busy = $state(false);
	readonly #schema: S;
	readonly #send: (value: v.InferOutput<S>) => Promise<SubmitOutcome>;

	constructor(schema: S, send: (value: v.InferOutput<S>) => Promise<SubmitOutcome>) {
		this.#schema = schema;
		this.#send = send;
	}

	/** Call from the form's submit handler with the current field values. */
	async submit(form: HTMLFormElement, input: v.InferInput<S>): Promise<boolean> {
		if (this.busy) return false;
		const checked = checkForm(this.#schema, input);
		if (!checked.ok) return this.#show(form, checked.errors);
		this.busy = true;
		try {
			return this.#show(form, (await this.#send(checked.value)) ?? {});
		} finally {
			this.busy = false;
		}
	}

	/** Messages found outside submit (e.g. an asynchronous check). */
	async #show(form: HTMLFormElement, errors: FieldErrors): Promise<boolean> {
		this.errors = errors;
		if (!hasErrors(errors)) return true;
		await tick();
		const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
		first?.focus();
		return false;
	}
}
