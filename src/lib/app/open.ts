// Opens this device's data for the app: the IndexedDB store and the context around it. The
// state layer loads this lazily (a first visit to `/` loads no storage code) and never builds
// a store itself.
import { createContext } from './context';
import type { AppContext } from './context';

export async function openDeviceContext(): Promise<AppContext> {
	const { IdbStore } = await import('$lib/store/idb-store');
	return createContext(await IdbStore.open());
}
