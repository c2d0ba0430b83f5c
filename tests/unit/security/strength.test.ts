/**
 * The lazily loaded strength meter: it must call a common or personal password weak, with
 * words a person can read, and a long random passphrase strong.
 */
import { describe, expect, it } from 'vitest';
import { passwordStrength } from '$lib/security/strength';

describe('passwordStrength', () => {
	it('rates a common password 0 and explains why in words', async () => {
		const result = await passwordStrength('password', []);
		expect(result.score).toBe(0);
		expect(result.feedback).toBe('This is one of the most used passwords.');
	});

	it('rates a password built from the person\u2019s own details as weak', async () => {
		const result = await passwordStrength('adalovelace', [
			'ada.lovelace@example.com',
			'Ada Lovelace'
		]);
		expect(result.score).toBeLessThanOrEqual(1);
		expect(result.feedback).not.toBeNull();
	});

	it('rates a long unusual passphrase 4 with no feedback', async () => {
		const result = await passwordStrength('violet-quartz-harbor-mantis-91', ['ada@example.com']);
		expect(result).toEqual({ score: 4, feedback: null });
	});
});
