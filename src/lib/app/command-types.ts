// The types of the command map (commands.ts): every command's name and input, declared once;
// what running one returns; and the hooks a runner (state/perform) gives a command so that it
// can ask the person to confirm and report progress without knowing about the UI.
import type { AccountId, ChangeId, HandoverReport, Refusal } from '$lib/core';
import type { AccountInputs, AccountOutputs } from './account-command-types';
import type { OrganizationInputs, OrganizationOutputs } from './organization-command-types';
import type { OrganizationProblem } from './organizations';
import type { LocalProblem } from './accounts/types';
import type {
	OrganizationAccountInputs,
	OrganizationAccountOutputs
} from './organization-account-command-types';
import type { Committed, ConflictRecord } from '$lib/store/types';
import type { AppContext } from './context';
import type {
	LiveConnectReport,
	LiveSecret,
	LiveStatus,
	LiveView,
	MadeKeyFile,
	ServerConfig
} from './live-commands';
import type { DemoResult } from './demo';
import type {
	ApplyReport,
	BuiltExport,
	CheckedFile,
	ExportReport,
	HistoryCheck,
	ImportCheck,
	SyncOverview
} from './sync';
import type {
	AddContactInput,
	ContactRef,
	CreateSiteInput,
	HandoverInput,
	StartLicenseInput,
	SupportRequestInput
} from './licenses';
import type { LicenseId, SiteId } from '$lib/core';
import type { BillingDetailsInput } from './billing';
import type { PasswordPolicyInput, TwoStepPolicyInput } from './policies';
import type { CustomerInput, CustomerRef } from './desk';
import type { ProductInputs, ProductOutputs } from './product-command-types';
import type { SupportInputs, SupportOutputs } from './support-command-types';

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
	/** C14: the primary billing contact sets the billing details. */
	'billing.setDetails': BillingDetailsInput;
	/** C14, always confirmed: one term on, an invoice issued and mailed. */
	'license.renew': { readonly licenseId: LicenseId };
	/** C9: renewal quotes for the licenses expiring within the renewal window. */
	'renewal.remind': NoInput;
	/** C11 */
	'handover.apply': HandoverInput;
	/** O3: an admin sets the organization's password policy. */
	'organization.setPasswordPolicy': PasswordPolicyInput;
	/** A9: a site admin adds a portal-only customer to the site's service desk. */
	'customer.add': CustomerInput;
	/** A9 */
	'customer.rename': CustomerInput;
	/** A9, always confirmed. */
	'customer.remove': CustomerRef;
	/** A9, always confirmed: the customer becomes an invited account (C4). */
	'customer.migrate': CustomerRef;
	/** O4: an admin requires two-step verification of managed accounts, or stops requiring it. */
	'organization.setTwoStepPolicy': TwoStepPolicyInput;
}

/** Commands that are not one change: a preview, bulk work, the device itself. */
export interface TaskInputs {
	/** C11: what the handover would do, per license, with nothing saved. */
	'handover.preview': HandoverInput;
	/** P3/P4: the demo organization, in one transaction, with progress. */
	'demo.load': { readonly extraLicenses: number };
	/** P3: removes every local record (the page reloads afterwards). */
	'device.reset': NoInput;
	/** S2, S3, X7: the queue, the history, what an export would hold, the held changes. */
	'sync.overview': { readonly whole: boolean };
	/** S5/S6: the conflict inbox, newest first. */
	'sync.conflicts': NoInput;
	/** S3: builds the change file (nothing leaves the queue yet: see `sync.kept`). */
	'sync.export': { readonly whole: boolean; readonly passphrase: string };
	/** S2 (fault 1): the person kept the exported file, so its changes leave the queue. */
	'sync.kept': { readonly report: BuiltExport };
	/** S4, S7, S9, X6: reads and checks a file and previews it; nothing is written. */
	'sync.check': { readonly file: Blob | string; readonly passphrase?: string };
	/** S4, X6, X7: applies a checked file in one transaction; `trust` is the person's tick. */
	'sync.apply': { readonly file: CheckedFile; readonly trust: boolean };
	/** S6: a conflict leaves the inbox (the change is kept). */
	'sync.dismiss': { readonly id: ChangeId };
	/** X5: checks the hash chains of the local log. */
	'sync.history': NoInput;
	/** S10: connects this device to a team's database (the passphrase or key file opens the team key). */
	'live.connect': {
		readonly server: ServerConfig;
		readonly secret: LiveSecret;
		readonly onStatus: (status: LiveStatus) => void;
	};
	/** S10: makes a new team key file (random; the person downloads it, nothing keeps it). */
	'live.makeKeyFile': NoInput;
	/** S10: resumes live sync with the settings kept on this device (silent). */
	'live.restore': { readonly onStatus: (status: LiveStatus) => void };
	'live.pause': NoInput;
	'live.resume': NoInput;
	/** S10: stops live sync and forgets the server, the credentials and the key. */
	'live.disconnect': NoInput;
}

export type {
	AccountCommandName,
	AccountInputs,
	AccountOutputs,
	AsSession,
	LogInOutput,
	ResetLinkView
} from './account-command-types';
export type {
	ManagedTarget,
	OrganizationAccountCommandName,
	OrganizationAccountInputs
} from './organization-account-command-types';

/**
 * Why a command did nothing: a rule's refusal (core), or what only the app can know (a wrong
 * password or code, throttling, "Confirm it's you", a log in that ran out of time).
 */
export type CommandRefusal = Refusal | LocalProblem | OrganizationProblem;

export interface TaskOutputs {
	'handover.preview': HandoverReport;
	'demo.load': { readonly result: DemoResult; readonly ms: number };
	'device.reset': null;
	'sync.overview': SyncOverview;
	'sync.conflicts': readonly ConflictRecord[];
	'sync.export': ExportReport;
	'sync.kept': null;
	'sync.check': ImportCheck;
	'sync.apply': ApplyReport;
	'sync.dismiss': null;
	'sync.history': HistoryCheck;
	'live.connect': LiveConnectReport;
	'live.makeKeyFile': MadeKeyFile;
	'live.restore': LiveView;
	'live.pause': null;
	'live.resume': null;
	'live.disconnect': null;
}

/**
 * Commands that only read: they leave an error on screen alone, do not make buttons busy and
 * say nothing (a failure to read shows as the data problem in the shell).
 */
export const READ_COMMANDS: ReadonlySet<CommandName> = new Set<TaskName>([
	'sync.overview',
	'sync.conflicts',
	'audit.load',
	'audit.chains',
	'live.restore'
]);

export type ChangeName = keyof ChangeInputs;
export type TaskName =
	| keyof TaskInputs
	| keyof AccountInputs
	| keyof OrganizationInputs
	| keyof OrganizationAccountInputs
	| keyof ProductInputs
	| keyof SupportInputs;
export type CommandName = ChangeName | TaskName;

export interface CommandInputs
	extends
		ChangeInputs,
		TaskInputs,
		AccountInputs,
		OrganizationInputs,
		OrganizationAccountInputs,
		ProductInputs,
		SupportInputs {}
export interface CommandOutputs
	extends
		Record<ChangeName, Committed>,
		TaskOutputs,
		AccountOutputs,
		OrganizationOutputs,
		OrganizationAccountOutputs,
		ProductOutputs,
		SupportOutputs {}

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

// Types the Sync page and its components show, re-exported so that they need nothing from
// app/ or store/ but this declaration of the command map.
export type {
	ApplyReport,
	BuiltExport,
	CheckedFile,
	ExportReport,
	HistoryCheck,
	ImportCheck,
	SyncOverview
} from './sync';
export type {
	ConflictRecord,
	HeldSummary,
	ImportOutcome,
	ImportPreview,
	SensitiveChange
} from '$lib/store/types';
export type { SyncFileContents } from '$lib/sync/format';
export type {
	ConnectProblem,
	LiveConnectReport,
	LiveProblem,
	LiveSecret,
	LiveStatus,
	LiveView,
	MadeKeyFile,
	ServerConfig
} from './live-commands';
export type { PasswordPolicyInput, TwoStepPolicyInput } from './policies';
export type { GoogleSyncReport } from './organizations/sso';
