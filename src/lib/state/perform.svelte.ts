/**
 * `perform(command, input)`: the one way from a click to the store and back
 * (docs/architecture.md). Pages and components call it, never `app/` or `store/`. It
 *
 * 1. resolves the actor (the logged-in account) and the app context;
 * 2. tracks busy (buttons that would start another command are disabled);
 * 3. runs the command from the command map (app/commands.ts), answering its confirmations
 *    through the shell's dialog and passing its progress on;
 * 4. updates the runes state from what the commit returned (data.committed: the change, its
 *    effects, the queue count) instead of rereading;
 * 5. turns the outcome into words from ui/: a result is announced (with Undo when the change
 *    can be taken back), a refusal about one field is handed to the form to show on that field,
 *    any other refusal or failure is announced as an error;
 * 6. moves focus somewhere sensible when the change removed what had it.
 *
 * The result tells the form what happened, so it can keep or clear what was typed.
 */
import { tick } from 'svelte';
import { SvelteSet } from 'svelte/reactivity';
import { parseId } from '$lib/core';
import type { AccountId } from '$lib/core';
import { READ_COMMANDS } from '$lib/app/command-types';
import type {
	Command,
	CommandInputs,
	CommandMap,
	CommandName,
	CommandOutputs,
	CommandRefusal,
	Progress,
	Step
} from '$lib/app/command-types';
import type { Committed } from '$lib/store/types';
import { unsavedInput } from '$lib/pwa/unsaved';
import {
	confirmWords,
	doneWords,
	failedWords,
	fieldProblem,
	refusalWords,
	undoneWords
} from '$lib/ui/command-words';
import type { FieldProblem } from '$lib/ui/command-words';
import { LOGGED_OUT_WORDS } from '$lib/ui/errors';
import { updateSession } from './account-session';
import { focusAfter } from './command-focus';
import { confirmation } from './confirm.svelte';
import { data } from './data.svelte';
import { withDevice } from './device-context';
import { restoreFocus } from './focus';
import { session } from './session.svelte';
import { status } from './status.svelte';

export type Performed<N extends CommandName> =
	| { readonly ok: true; readonly value: CommandOutputs[N] }
	| {
			readonly ok: false;
			readonly reason: 'refused';
			readonly refusal: CommandRefusal;
			/** The refusal belongs on this field of the form (it was not announced). */
			readonly field: FieldProblem | null;
	  }
	| { readonly ok: false; readonly reason: 'failed' | 'logged-out' | 'cancelled' };

export interface PerformOptions {
	/** Long work (P4) reports its progress here. */
	readonly onProgress?: (p: Progress) => void;
	/** This run takes back an earlier change (the announcement's Undo). */
	readonly undo?: boolean;
}

class Activity {
	readonly #running = new SvelteSet<CommandName>();
	#count = $state(0);

	/** True while any command runs: buttons that would start another are disabled. */
	get busy(): boolean {
		return this.#count > 0;
	}

	running(name: CommandName): boolean {
		return this.#running.has(name);
	}

	begin(name: CommandName): void {
		this.#count++;
		this.#running.add(name);
	}

	end(name: CommandName): void {
		this.#count--;
		this.#running.delete(name);
	}
}

export const activity = new Activity();

/** The logged-in account as the core names it, or null (no session, or a malformed one). */
export function currentActor(): AccountId | null {
	const id = session.current?.accountId;
	if (id === undefined) return null;
	const parsed = parseId('account', id);
	return parsed.ok ? parsed.value : null;
}

/** The command map, loaded with the first command (it pulls in the app layer). */
let map: Promise<CommandMap> | null = null;

async function commandOf<N extends CommandName>(
	name: N
): Promise<Command<CommandInputs[N], CommandOutputs[N]>> {
	map ??= import('$lib/app/commands').then((m) => m.commands);
	const commands = await map;
	return commands[name];
}

function focusedElement(): Element | null {
	return typeof document === 'undefined' ? null : document.activeElement;
}

/** After the caller has handled the result (it may close its form): then where focus went. */
async function settleFocus(keys: readonly string[]): Promise<void> {
	if (typeof document === 'undefined') return;
	await new Promise((resolve) => setTimeout(resolve, 0));
	await tick();
	restoreFocus(keys);
}

export async function perform<N extends CommandName>(
	name: N,
	input: CommandInputs[N],
	options: PerformOptions = {}
): Promise<Performed<N>> {
	const origin = focusedElement();
	const actor = currentActor();
	// A read (READ_COMMANDS) neither makes buttons busy nor clears an error on screen.
	const reads = READ_COMMANDS.has(name);
	if (!reads) {
		activity.begin(name);
		status.supersede();
	}
	try {
		const command = await commandOf(name);
		if (command.needsActor && actor === null) {
			status.announce(LOGGED_OUT_WORDS, 'error');
			return { ok: false, reason: 'logged-out' };
		}
		const ctx = withDevice(await data.ctx());
		data.claim();
		let committed: Committed | null = null;
		try {
			const ran = await command.run(ctx, actor, input, {
				confirm: (reason) => confirmation.ask(confirmWords(name, input, reason, data.state, actor)),
				progress: (p) => options.onProgress?.(p)
			});
			if (ran.kind === 'done') committed = ran.committed;
			if (ran.kind === 'cancelled') return { ok: false, reason: 'cancelled' };
			if (ran.kind === 'refused') {
				unsavedInput.keep(origin);
				const field = fieldProblem(name, ran.refusal);
				if (field === null) status.announce(refusalWords(name, ran.refusal), 'error');
				return { ok: false, reason: 'refused', refusal: ran.refusal, field };
			}
			updateSession(name, ran.value, input);
			announce(doneWords(name, ran.value, input), options.undo === true, ran.undo);
			if (!reads) void settleFocus(focusAfter(name, input, ran.value));
			return { ok: true, value: ran.value };
		} finally {
			data.release(committed);
		}
	} catch (error) {
		if (reads) return { ok: false, reason: 'failed' }; // the shell shows data.problem
		unsavedInput.keep(origin);
		status.announce(failedWords(name, error), 'error');
		return { ok: false, reason: 'failed' };
	} finally {
		if (!reads) activity.end(name);
	}
}

function announce(words: ReturnType<typeof doneWords>, undone: boolean, undo: Step | null): void {
	const said = undone ? undoneWords(words) : words;
	if (said === null) return;
	if (undo === null) {
		status.announce(said.phrase ?? said.text, said.tone);
		return;
	}
	status.announce(said.phrase ?? said.text, said.tone, {
		action: { label: 'Undo', run: () => void perform(undo.command, undo.input, { undo: true }) }
	});
}
