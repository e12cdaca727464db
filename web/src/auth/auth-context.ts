import { createContext } from 'react';
import type { Credentials, User } from '../api/auth.ts';

/** Why the user is signed out, so the sign-in page can say so. */
export type SignOutReason = 'signed-out' | 'signed-out-everywhere' | 'expired';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason?: SignOutReason }
  | { status: 'signed-in'; user: User };

export interface AuthContextValue {
  state: AuthState;
  signIn(credentials: Credentials): Promise<User>;
  signOut(): Promise<void>;
  signOutEverywhere(): Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);
