// The envelope every change carries (S1): who made it, where, when and in which order. Split
// from the Change union so the union can live in one file per area.
import type { AccountId, ChangeId, DeviceId } from '../ids';

export interface Envelope<T extends string, P> {
	readonly id: ChangeId;
	readonly device: DeviceId;
	/** Hybrid logical clock text; compared as text only (S5). */
	readonly clock: string;
	/** Epoch ms from the same clock: the rules' only notion of time. */
	readonly at: number;
	readonly actor: AccountId | null;
	/** Hash of the previous change from the same device (X5), set by the store; rules ignore it. */
	readonly prev: string | null;
	readonly type: T;
	readonly payload: P;
}
