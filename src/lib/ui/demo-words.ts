// Words for the Demo page (P3, P4): what a load did, its progress, and the reset.
import type { Progress } from '$lib/app/command-types';
import type { DemoResult } from '$lib/app/demo';
import type { Announcement } from './announcement';
import { formatCount } from './format';
import { describeRefusal } from './refusals';

export function demoLoadedWords(result: DemoResult, ms: number): Announcement {
	switch (result.kind) {
		case 'already-loaded':
			return {
				text: 'The demo data is loaded already. Reset first to load it again.',
				tone: 'info'
			};
		case 'emails-taken':
			return {
				text: `Accounts made outside the demo use ${result.emails.join(', ')}. Reset first.`,
				tone: 'error'
			};
		case 'loaded': {
			const [first] = result.refused;
			if (first !== undefined) {
				return {
					text:
						`Demo data loaded with problems: ${formatCount(result.refused.length)} changes ` +
						`were refused (${describeRefusal(first)}).`,
					tone: 'error'
				};
			}
			return {
				text:
					`Demo data loaded in ${(ms / 1000).toFixed(1)} s (${formatCount(result.changes)} ` +
					'changes). Log in as one of the demo accounts below.',
				tone: 'success'
			};
		}
	}
}

/** P4: the demo load's two phases (app/demo.ts DemoPhase): hashing, then writing. */
export function demoProgressWords(p: Progress): string {
	return p.phase === 'password'
		? 'Hashing the demo password…'
		: `Writing changes: ${formatCount(p.done)} of ${formatCount(p.total)}`;
}

export const RESET_DONE_WORDS = 'Everything Tessera stored on this device was removed.';
