// The log in as the page runs it (A2, A3, A12): each submit runs one command through
// `perform` and moves to the next step (login-steps.ts); when nothing more is required the
// session begins at once and the answer says `finished`, so the page navigates right after
// the command returned, never later (a quick click or typed text is not undone).
import type { CommandName } from '$lib/app/command-types';
import { person, phrase } from '$lib/ui/phrase';
import {
	CREDENTIALS,
	actionDone,
	afterPassword,
	codesSaved,
	enrolled,
	loggedIn,
	provisional
} from './login-steps';
import type { LoginStep } from './login-steps';
import { perform } from './perform.svelte';
import type { Performed } from './perform.svelte';
import { session } from './session.svelte';
import { status } from './status.svelte';

/** What a submit did: the command's result, and whether the session has begun. */
export interface FlowAnswer {
	readonly performed: Performed<CommandName> | null;
	readonly finished: boolean;
}

export class LoginFlow {
	// Raw: the pending log in holds CryptoKeys (X6), which must not be proxied.
	step = $state.raw<LoginStep>(CREDENTIALS);

	/** The record required actions run with (A12), before the session begins. */
	get record() {
		return provisional(this.step);
	}

	async password(values: { email: string; password: string }): Promise<FlowAnswer> {
		const performed = await perform('account.logIn', values);
		if (!performed.ok) return { performed, finished: false };
		if (performed.value.kind === 'second-step') status.clear();
		return this.#go(afterPassword(performed.value), performed);
	}

	/** O5/A7: the simulated provider's page: the provider password, then as a log in. */
	async provider(values: { email: string; password: string }): Promise<FlowAnswer> {
		const performed = await perform('account.providerLogIn', values);
		if (!performed.ok) return { performed, finished: false };
		return this.#go(loggedIn(performed.value), performed);
	}

	async code(code: string): Promise<FlowAnswer> {
		const step = this.step;
		if (step.kind !== 'second-step') return { performed: null, finished: false };
		const performed = await perform('account.secondStep', { pending: step.pending, code });
		if (!performed.ok) {
			if (performed.reason === 'refused' && performed.refusal.code === 'login-expired') {
				this.step = CREDENTIALS;
			}
			return { performed, finished: false };
		}
		return this.#go(loggedIn(performed.value), performed);
	}

	/** A12 "new-password": the required new password. */
	async newPassword(password: string): Promise<FlowAnswer> {
		const record = this.record;
		if (this.step.kind !== 'required' || record === null) {
			return { performed: null, finished: false };
		}
		const performed = await perform('account.changePassword', { session: record, password });
		if (!performed.ok) return { performed, finished: false };
		status.announce('Your new password is saved.', 'success');
		return this.#go(actionDone(this.step), performed);
	}

	/** A12 "two-step": enrolled; its recovery codes are shown next. */
	enrolled(codes: readonly string[]): void {
		this.step = enrolled(this.step, codes);
	}

	codesSaved(): FlowAnswer {
		return this.#go(codesSaved(this.step), null);
	}

	startOver(): void {
		this.step = CREDENTIALS;
	}

	#go(step: LoginStep, performed: Performed<CommandName> | null): FlowAnswer {
		this.step = step;
		if (step.kind !== 'finished') return { performed, finished: false };
		session.begin(step.record);
		const { name, email } = step.account;
		status.announce(phrase('Logged in as ', person(name, email), `.${step.note}`), 'success');
		return { performed, finished: true };
	}
}
