// S10 + X6: what has been pulled from the server and not applied yet. A change goes on only
// with a signature over it or over a later change of its run (the run links to that head by
// hash: X5), exactly as in a file; a pusher sends each batch's head signature with it, so a
// change whose signature has not arrived yet simply waits for it here.
import type { Change } from '$lib/core';
import { changeHash } from '$lib/log/digest';
import { segmentsOf } from '$lib/log/evidence';
import type { HeadSignature } from '$lib/log/evidence';

export class PullPool {
	readonly #changes = new Map<string, Change>();
	/** Each pooled change's X5 hash, taken once when it arrives. */
	readonly #hashes = new Map<string, string>();
	readonly #signatures = new Map<string, HeadSignature>();

	get size(): number {
		return this.#changes.size;
	}

	has(changeId: string): boolean {
		return this.#changes.has(changeId);
	}

	addChange(change: Change): void {
		this.#changes.set(change.id, change);
		this.#hashes.set(change.id, changeHash(change));
	}

	addSignature(signature: HeadSignature): void {
		this.#signatures.set(signature.changeId, signature);
	}

	/** The signature kept for this head, if any arrived. */
	signature(device: string, changeId: string): HeadSignature | undefined {
		const found = this.#signatures.get(changeId);
		return found?.device === device ? found : undefined;
	}

	/**
	 * The changes a signature covers: each run of one device's changes up to its last signed
	 * change. The rest wait (a forged change with no signature waits for ever, never applied).
	 */
	ready(): Change[] {
		const changes = [...this.#changes.values()];
		const hashes = changes.map((c) => this.#hashes.get(c.id) ?? changeHash(c));
		const byId = new Map<string, Change>(changes.map((c) => [c.id, c]));
		const out: Change[] = [];
		for (const segment of segmentsOf(changes, hashes)) {
			let last = -1;
			segment.ids.forEach((id, i) => {
				if (this.signature(segment.device, id) !== undefined) last = i;
			});
			for (const id of segment.ids.slice(0, last + 1)) {
				const change = byId.get(id);
				if (change !== undefined) out.push(change);
			}
		}
		return out;
	}

	/** These changes went through the import (applied, duplicates or held by the store). */
	done(changes: readonly Change[]): void {
		for (const change of changes) {
			this.#changes.delete(change.id);
			this.#hashes.delete(change.id);
			this.#signatures.delete(change.id);
		}
	}

	clear(): void {
		this.#changes.clear();
		this.#hashes.clear();
		this.#signatures.clear();
	}
}
