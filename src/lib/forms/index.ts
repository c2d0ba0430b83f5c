// Form validation for the account pages: valibot schemas and the helper that turns their
// issues into field-level messages.
export * from './validate';
export * from './fields';
export * from './accounts';
export * from './organizations';
