export type CredentialField = 'email' | 'password';

export type CredentialErrorKey =
  | 'signIn.errors.emailRequired'
  | 'signIn.errors.emailInvalid'
  | 'signIn.errors.passwordRequired';

export type CredentialErrors = Partial<Record<CredentialField, CredentialErrorKey>>;

// Deliberately loose: one "@" with something on each side and a dot in the domain.
// The server decides; this only catches the obvious slip before a round trip.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateCredentials(email: string, password: string): CredentialErrors {
  const errors: CredentialErrors = {};
  if (email.trim() === '') errors.email = 'signIn.errors.emailRequired';
  else if (!EMAIL_SHAPE.test(email.trim())) errors.email = 'signIn.errors.emailInvalid';
  if (password === '') errors.password = 'signIn.errors.passwordRequired';
  return errors;
}
