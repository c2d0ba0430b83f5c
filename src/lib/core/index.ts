// The public face of the pure core: the store, sync, app commands and UI import from here.
export * from './ids';
export * from './result';
export * from './model';
export * from './catalog';
export * from './domains';
export * from './errors';
export * from './state';
export { stateFromRecords } from './commit';
export * from './roles';
export * from './capabilities';
export * from './changes/types';
export { apply, applyInPlace } from './changes/apply';
export { SENSITIVITY, sensitiveTopic } from './changes/sensitivity';
export type { SensitiveTopic } from './changes/sensitivity';
export { handoverLicenses, touchedBetween } from './touched';
export type * from './touched';
export type { Applied, ApplyResult } from './changes/apply';
export { compareChanges, replay, replaySteps } from './changes/order';
export type { Conflict, Replayed } from './changes/order';
export { RENEWAL_WINDOW_MS } from './changes/rules/licenses';
export { siteBillingEstimate, mailbox, mailboxes } from './queries';
export { describeLicense } from './mail';
export { requiredActions } from './required-actions';
export type { AccountPolicy, RequiredAction } from './required-actions';
export { MAX_AVATAR } from './changes/account-guards';
export type { MailContent } from './mail';
export { authorityOf } from './changes/authority';
export type { Authority } from './changes/authority';
export { deviceKeyIn, isEnrolled } from './changes/rules/devices';
export {
	RENEWAL_WINDOW_DAYS,
	daysLeft,
	filterLicenses,
	createLicenseIndex,
	licenseIndex,
	manageablePeople,
	renewalState,
	renewalsDue
} from './license-queries';
export type {
	IndexVersions,
	IndexedLicense,
	LicenseFilter,
	Person,
	RenewalState
} from './license-queries';
export {
	TXT_RECORD_PREFIX,
	isOrganizationAdmin,
	managedBy,
	organizationsOf,
	txtRecordOf
} from './organization-queries';
export { customersOf, deskSitesOf, helpCenterOf } from './desk-queries';
export { productAccess, yourProducts } from './your-products';
export type { ProductAccess, YourProduct } from './your-products';
export { filterManagedRows, managedAccountRows } from './managed-queries';
export type { ManagedFilter, ManagedRow } from './managed-queries';
export type { AdminAction } from './mail-managed';
export { auditEntries, filterAudit, subjectOf } from './audit';
export type { AccountText, AuditEntry, AuditFilter } from './audit';
export {
	POLICY_LIMITS,
	accountPolicy,
	invalidPolicyField,
	passwordPolicyProblem,
	passwordRulesFor,
	passwordRulesForEmail
} from './policy';
export type { PasswordPolicyProblem, PasswordRules } from './policy';
export {
	directoryPerson,
	groupMembers,
	isPrimaryContact,
	planGoogleSync,
	signInProviderOf,
	signInRoute,
	signsInThroughProvider
} from './sso';
export type { GoogleSyncPlan, SignInRoute } from './sso';
export { minute as utcMinute } from './mail-accounts';
export {
	appPasswordsOf,
	basicAuthTarget,
	flaggedBotSites,
	isFlaggedBot,
	productUserSites,
	productUsersOf,
	waitingUsers
} from './product-queries';
export type { BasicAuthTarget, ProductUserSite } from './product-queries';
