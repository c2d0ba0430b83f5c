// NIST SP 800-63B asks that a new password be checked against a list of passwords that are
// commonly used or easy to guess. zxcvbn's dictionaries are that list here: a password it
// scores 0 (fewer than about a thousand guesses) is refused, with its reason in words. The
// meter loads lazily; if it cannot load (offline before it was ever cached), the check is
// skipped rather than blocking the person: length is still enforced by the schema.
export async function tooGuessable(
	password: string,
	userInputs: readonly string[]
): Promise<string | null> {
	try {
		const { passwordStrength } = await import('$lib/security/strength');
		const result = await passwordStrength(password, [...userInputs]);
		if (result.score > 0) return null;
		const why = result.feedback ?? 'It is too easy to guess.';
		return `Choose a harder password. ${why} A few unrelated words work well.`;
	} catch {
		return null;
	}
}
