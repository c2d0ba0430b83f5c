// The account forms' schemas (A1, A2, A4, A5, A12), one object per form. Field names match
// the `name` attributes of the inputs, so checkForm's messages land under the right input.
import * as v from 'valibot';
import {
	currentPasswordField,
	emailField,
	nameField,
	newPasswordField,
	recoveryCodeField,
	totpCodeField,
	verificationCodeField
} from './fields';

export const signUpSchema = v.object({
	email: emailField,
	name: nameField,
	password: newPasswordField
});

export const logInSchema = v.object({ email: emailField, password: currentPasswordField });

export const secondStepSchema = v.object({ code: verificationCodeField });

export const resetRequestSchema = v.object({ email: emailField });

export const newPasswordSchema = v.object({ password: newPasswordField });

/** X6/A4: a reset of an account with two-step verification on. */
export const recoveryResetSchema = v.object({
	recoveryCode: recoveryCodeField,
	password: newPasswordField
});

export const reauthSchema = v.object({ password: currentPasswordField });

export const nameSchema = v.object({ name: nameField });

export const emailChangeSchema = v.object({ email: emailField });

export const enrolSchema = v.object({ code: totpCodeField });

export const disableTwoStepSchema = v.object({ code: verificationCodeField });
