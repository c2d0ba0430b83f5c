// P3 with A10/C15: the demo's simulated support system has legacy support accounts sharing an
// address, and an open support thread the desk answered, waiting for the customer.
import { describe, expect, it } from 'vitest';
import { licenseId } from '$lib/core';
import { createContext } from '$lib/app/context';
import { loadDemo } from '$lib/app/demo';
import { DEMO_SUPPORT } from '$lib/core/demo-support';
import { MemoryStore } from '$lib/store';
import { fakeHashPassword } from './fake-hash';

describe('demo support (P3, A10, C15)', () => {
	it('P3/A10/C15: two legacy support accounts share Sam’s address; his request waits for him with the desk’s answer mailed', async () => {
		const store = new MemoryStore();
		const ctx = createContext(store, () => Date.UTC(2030, 5, 1));
		const result = await loadDemo(ctx, { hash: fakeHashPassword });
		expect(result).toMatchObject({ kind: 'loaded', refused: [] });
		const state = store.state;
		const shared = state.supportAccountIdsByEmailKey.get(DEMO_SUPPORT.email);
		// Two legacy ones, and the one his first request made and linked (C15).
		expect([...(shared ?? [])].filter((id) => id.startsWith('sa_demo_'))).toHaveLength(2);
		expect(shared?.size).toBe(3);
		const request = state.licenses
			.get(licenseId(DEMO_SUPPORT.license))
			?.supportRequests.find((r) => r.subject === DEMO_SUPPORT.subject);
		expect(request?.status).toBe('waiting');
		expect(request?.thread?.[0]?.by).toBeNull();
		const mail = [...state.mail.values()].filter((m) => m.kind === 'support-answer');
		expect(mail.map((m) => m.toKey)).toEqual([DEMO_SUPPORT.email]);
	});
});
