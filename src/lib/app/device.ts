// P3 "Reset": this device's whole database goes (change log, projection, conflicts, device
// id). The store module is loaded only when someone resets.
export async function resetDevice(): Promise<void> {
	const { resetDatabase } = await import('$lib/store/reset');
	await resetDatabase();
}
