// Runs a valibot form schema and turns its issues into one message per field, the shape the
// account forms show beside each input (UI vocabulary: bad input gets a field-level message). The
// first failing check of a field wins, so a person fixes one thing at a time.
import * as v from 'valibot';

/** Field name → the message to show under it. */
export type FieldErrors = Readonly<Partial<Record<string, string>>>;

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function checkForm<S extends v.GenericSchema>(
	schema: S,
	input: unknown
): Checked<v.InferOutput<S>> {
	const parsed = v.safeParse(schema, input, { abortPipeEarly: true });
	if (parsed.success) return { ok: true, value: parsed.output };
	const errors: Record<string, string> = {};
	for (const issue of parsed.issues) {
		const key = v.getDotPath(issue) ?? 'form';
		errors[key] ??= issue.message;
	}
	return { ok: false, errors };
}

/** True when the errors name at least one field. */
export function hasErrors(errors: FieldErrors): boolean {
	return Object.values(errors).some((message) => message !== undefined);
}
