/**
 * P1: what the person has typed and not sent yet, so that the update prompt's Reload waits for
 * it instead of throwing it away. A text field counts once the person has typed in it, while it
 * is on the page, not empty, and differs both from what it held when they started and from
 * what they last submitted. A submitted form is done with (its command then clears or keeps the
 * fields) — unless the command was refused or failed: `keepUnsaved` counts it again.
 * Search boxes are filters, not input to keep.
 */

type Field = HTMLInputElement | HTMLTextAreaElement;

const KEPT_TYPES = new Set(['text', 'email', 'password', 'number', 'url', 'tel']);

function asField(target: EventTarget | null): Field | null {
	if (target instanceof HTMLTextAreaElement) return target;
	if (target instanceof HTMLInputElement && KEPT_TYPES.has(target.type)) return target;
	return null;
}

export class UnsavedInput {
	readonly #baseline = new WeakMap<Field, string>();
	readonly #sent = new WeakMap<Field, string>();
	readonly #touched = new Set<Field>();

	/** Listens on `doc` (capture, so nothing can hide the events); returns a stop function. */
	start(doc: Document): () => void {
		const onFocus = (e: Event) => {
			const field = asField(e.target);
			if (field !== null && !this.#baseline.has(field)) this.#baseline.set(field, field.value);
		};
		const onInput = (e: Event) => {
			const field = asField(e.target);
			if (field === null) return;
			if (!this.#baseline.has(field)) this.#baseline.set(field, field.defaultValue);
			this.#touched.add(field);
		};
		const onSubmit = (e: Event) => {
			for (const field of this.#touched) {
				if (field.form !== null && field.form === e.target) this.#sent.set(field, field.value);
			}
		};
		doc.addEventListener('focusin', onFocus, true);
		doc.addEventListener('input', onInput, true);
		doc.addEventListener('submit', onSubmit, true);
		return () => {
			doc.removeEventListener('focusin', onFocus, true);
			doc.removeEventListener('input', onInput, true);
			doc.removeEventListener('submit', onSubmit, true);
		};
	}

	/** The command started from `origin` was refused or failed: its form's input is unsent. */
	keep(origin: Element | null): void {
		const form = origin?.closest('form') ?? null;
		if (form === null) return;
		for (const field of this.#touched) if (field.form === form) this.#sent.delete(field);
	}

	/** The fields holding unsent input now. */
	fields(): Field[] {
		const out: Field[] = [];
		for (const field of this.#touched) {
			if (!field.isConnected) {
				this.#touched.delete(field);
				continue;
			}
			const value = field.value;
			if (field.disabled || field.readOnly || value.trim() === '') continue;
			if (value === this.#baseline.get(field) || value === this.#sent.get(field)) continue;
			out.push(field);
		}
		return out;
	}
}

/** The app's one tracker, started by the shell (register.ts). */
export const unsavedInput = new UnsavedInput();
