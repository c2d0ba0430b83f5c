// A13: the recovery codes as a text file the holder keeps. Made on this device from the codes
// on screen; the codes never travel in a change, only their hashes (X1).

/** `tessera-recovery-codes-<address>.txt`, with the address made safe for a file name. */
export function recoveryFileName(email: string): string {
	const safe = email.toLowerCase().replace(/[^a-z0-9@._-]+/g, '_');
	return `tessera-recovery-codes-${safe}.txt`;
}

/** Plain text: what the codes are, for which account, when made, one code per line. */
export function recoveryFileText(email: string, codes: readonly string[], at: Date): string {
	return [
		`Tessera recovery codes for ${email}`,
		`Made ${at.toISOString().slice(0, 16).replace('T', ' ')} UTC. Each code works once, instead of a code from your authenticator app.`,
		'Making new codes makes these stop working. Keep this file somewhere safe.',
		'',
		...codes,
		''
	].join('\n');
}
