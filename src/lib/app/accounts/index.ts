// Account commands (A1–A5, A7, A8, A12; X1, X2): the only way the pages change
// accounts. Each builds a change from the person's input after doing the slow and random
// work (hashing, tokens, secrets, S1), commits it, and answers a result, never a throw.
export * from './types';
export { signUp, verifyEmail, resendVerification } from './signup';
export type { SignUpInput } from './signup';
export { logIn, verifySecondStep, reauthenticate, SECOND_STEP_MS } from './login';
export type { LoggedIn, LoginStep, PendingLogin, Reauth, SecondStep } from './login';
export { logInThroughProvider } from './provider-login';
export type { ProviderLogin } from './provider-login';
export {
	requestReset,
	inspectResetLink,
	resetNeedsRecoveryCode,
	resetPassword,
	changePassword
} from './password';
export type { ResetLink } from './password';
export {
	updateProfile,
	requestEmailChange,
	confirmEmailChange,
	deletionBlocker,
	deleteAccount
} from './profile';
export { startEnrolment, enableTwoStep, disableTwoStep, regenerateRecoveryCodes } from './two-step';
export type { Enrolment } from './two-step';
export { isAppCode } from './codes';
export { memoryKeyring } from './keyring';
export type { Keyring } from './keyring';
export type { Unsealed } from './login-keys';
