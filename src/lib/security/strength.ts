/**
 * Password-strength meter for the sign-up and change-password forms. zxcvbn's dictionaries
 * are several hundred kilobytes, so nothing here loads until the first check, and this file
 * is kept out of the security barrel: forms import it with `import()`. The meter only advises;
 * the rule that a password is acceptable lives in the core, not here.
 */
import type { Score, ZxcvbnFactory } from '@zxcvbn-ts/core';

export type PasswordStrength = { score: Score; feedback: string | null };

let factory: Promise<ZxcvbnFactory> | null = null;

function loadFactory(): Promise<ZxcvbnFactory> {
	factory ??= (async () => {
		const [core, common, { strengthMessages }] = await Promise.all([
			import('@zxcvbn-ts/core'),
			import('@zxcvbn-ts/language-common'),
			import('./strength-messages')
		]);
		return new core.ZxcvbnFactory({
			dictionary: common.dictionary,
			graphs: common.adjacencyGraphs,
			translations: strengthMessages
		});
	})().catch((error: unknown) => {
		// A failed chunk download (offline before the first visit) may succeed later.
		factory = null;
		throw error;
	});
	return factory;
}

/**
 * `userInputs` are the person's own details (email, full name); zxcvbn penalises passwords
 * built from them. Emails and names are also split into their parts, since "alice2024" is
 * weak for alice@example.com even though the whole address does not appear in it.
 */
export async function passwordStrength(
	password: string,
	userInputs: string[]
): Promise<PasswordStrength> {
	const zxcvbn = await loadFactory();
	const result = zxcvbn.check(password, expandUserInputs(userInputs));
	const feedback = result.feedback.warning ?? result.feedback.suggestions[0] ?? null;
	return { score: result.score, feedback: feedback === '' ? null : feedback };
}

function expandUserInputs(inputs: readonly string[]): string[] {
	const words = new Set<string>();
	for (const input of inputs) {
		const trimmed = input.trim().toLowerCase();
		if (trimmed === '') continue;
		words.add(trimmed);
		for (const part of trimmed.split(/[\s@._+-]+/)) if (part.length >= 3) words.add(part);
	}
	return [...words];
}
