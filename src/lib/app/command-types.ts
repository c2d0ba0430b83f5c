// The types of the command map (commands.ts): every command's name and input, declared once;
// what running one returns; and the hooks a runner (state/perform) gives a command so that it
// can ask the person to confirm and report progress without knowing about the UI.
import type { AccountId, HandoverReport, Refusal } from '$lib/core';
import type { AccountInputs, AccountOutputs } from './account-command-types';
import type { LocalProblem } from './accounts/types';
import type { Committed } from '$lib/store/types';
import type { AppContext } from './context';
import type { DemoResult } from './demo';
import type {
	AddContactInput,
	ContactRef,
	CreateSiteInput,
	HandoverInput,
	StartLicenseInput,
	SupportRequestInput
} from './licenses';
import type { SiteId } from '$lib/core';

/** A command that takes no input. */
export type NoInput = Readonly<Record<string, never>>;

/** Commands that record one change (S1): their output is what the store committed. */
export interface ChangeInputs {
	/** C0: a simulated purchase; the actor becomes its first billing and technical contact. */
	'license.start': StartLicenseInput;
	/** C0: a cloud site; its creator becomes its site admin. */
	'site.create': CreateSiteInput;
	/** C4 (C8 mails the added person). */
	'contact.add': AddContactInput;
	/** C5/C6; undone by making the previous primary primary again, where C5 allows it. */
	'contact.makePrimary': ContactRef;
	/** C7; undone by adding the person back, where the actor can still manage the license. */
	'contact.delete': ContactRef;
	/** C10, always confirmed: only the replaced contacts can take it back (C6). */
	'billing.makeMe': { readonly siteId: SiteId };
	/** C9 */
	'support.request': SupportRequestInput;
	/** C9: renewal quotes for the licenses expiring within the renewal window. */
	'renewal.remind': NoInput;
	/** C11 */
	'handover.apply': HandoverInput;
}

/** Commands that are not one change: a preview, bulk work, the device itself. */
export interface TaskInputs {
	/** C11: what the handover would do, per license, with nothing saved. */
	'handover.preview': HandoverInput;
	/** P3/P4: the demo organization, in one transaction, with progress. */
	'demo.load': { readonly extraLicenses: number };
	/** P3: removes every local record (the page reloads afterwards). */
	'device.reset': NoInput;
}

export type {
	AccountCommandName,
	AccountInputs,
	AccountOutputs,
	AsSession,
	LogInOutput,
	ResetLinkView
} from './account-command-types';

/**
 * Why a command did nothing: a rule's refusal (core), or what only the app can know (a wrong
 * password or code, throttling, "Confirm it's you", a log in that ran out of time).
 */
export type CommandRefusal = Refusal | LocalProblem;

export interface TaskOutputs {
	'handover.preview': HandoverReport;
	'demo.load': { readonly result: DemoResult; readonly ms: number };
	'device.reset': null;
}

export type ChangeName = keyof ChangeInputs;
export type TaskName = keyof TaskInputs | keyof AccountInputs;
export type CommandName = ChangeName | TaskName;

export interface CommandInputs extends ChangeInputs, TaskInputs, AccountInputs {}
export interface CommandOutputs
	extends Record<ChangeName, Committed>, TaskOutputs, AccountOutputs {}

/** A command and its input: what undoes a change, run later as a new change. */
export type Step = {
	readonly [N in ChangeName]: { readonly command: N; readonly input: ChangeInputs[N] };
}[ChangeName];

/** Long work reports how far it is (P4). */
export interface Progress {
	readonly phase: string;
	readonly done: number;
	readonly total: number;
}

/**
 * Why a command wants a yes before it runs: it always does (C10), or this time its change
 * could not be undone by the same person (the rules would refuse the undo).
 */
export type ConfirmReason = 'always' | 'no-undo';

export interface Hooks {
	confirm(reason: ConfirmReason): Promise<boolean>;
	progress(p: Progress): void;
}

export type Ran<O> =
	| {
			readonly kind: 'done';
			readonly value: O;
			/** The change the store committed, when the command made one. */
			readonly committed: Committed | null;
			/** How to take it back as a new change, when the rules allow it. */
			readonly undo: Step | null;
	  }
	| { readonly kind: 'refused'; readonly refusal: CommandRefusal }
	| { readonly kind: 'cancelled' };

export interface Command<I, O> {
	/** Every change has an actor: only a logged-in person runs these. */
	readonly needsActor: boolean;
	run(ctx: AppContext, actor: AccountId | null, input: I, hooks: Hooks): Promise<Ran<O>>;
}

export type CommandMap = {
	readonly [N in CommandName]: Command<CommandInputs[N], CommandOutputs[N]>;
};
