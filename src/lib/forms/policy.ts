// O3: the Password policy form. Whole numbers in the core's bounds (POLICY_LIMITS); an empty
// "Expires after (days)" means never. The messages are the ones the core's refusals get too.
import * as v from 'valibot';
import { POLICY_LIMITS } from '$lib/core';
import { POLICY_FIELD_WORDS } from '$lib/ui/policy-words';

const whole = (
	range: { readonly min: number; readonly max: number },
	message: string
): v.GenericSchema<string, number> =>
	v.pipe(
		v.string(),
		v.trim(),
		v.regex(/^\d+$/, message),
		v.transform(Number),
		v.number(),
		v.minValue(range.min, message),
		v.maxValue(range.max, message)
	);

export const passwordPolicySchema = v.object({
	minStrength: whole(POLICY_LIMITS.minStrength, POLICY_FIELD_WORDS.minStrength),
	minLength: whole(POLICY_LIMITS.minLength, POLICY_FIELD_WORDS.minLength),
	maxAgeDays: v.pipe(
		v.string(),
		v.trim(),
		v.union(
			[
				v.pipe(
					v.literal(''),
					v.transform(() => null)
				),
				whole(POLICY_LIMITS.maxAgeDays, POLICY_FIELD_WORDS.maxAgeDays)
			],
			POLICY_FIELD_WORDS.maxAgeDays
		)
	)
});
