// X1 in unit tests: the rules accept only hashes that say 600,000 iterations, and computing
// one costs about half a second of a busy CPU per test. Tests that never verify the password
// (demo data, views) use this record instead: well-formed, full iteration count, no work. The
// floor itself is tested once at full cost (tests/unit/security/password.test.ts) and here
// against the rules (demo.test.ts, "X1").
import { PBKDF2_ITERATIONS } from '$lib/security';
import type { PasswordHash } from '$lib/core';

export function unverifiableHash(seed = 'demo'): PasswordHash {
	const pad = (s: string, n: number) => (s.repeat(Math.ceil(n / s.length)) + '').slice(0, n);
	return {
		alg: 'PBKDF2-SHA256',
		iterations: PBKDF2_ITERATIONS,
		salt: pad(`salt${seed}`, 22),
		hash: pad(`hash${seed}`, 43),
		length: 32
	};
}

/** The `hash` option of loadDemo / createContext, at no cost. */
export const fakeHashPassword = (password: string): Promise<PasswordHash> =>
	Promise.resolve(unverifiableHash(password.replace(/[^A-Za-z0-9]/g, '') || 'x'));
