// Sign-in, sign-out and the current user (GET /auth/me).
import { syncServerClock, type ServerClock } from '../lib/clock';
import { apiRequest, isUnauthorized } from './client';

export interface User {
  id: number;
  username: string;
  role: string;
  branchId: number | null;
  permissions: string[];
  personId: number | null;
}

export interface LoginResponse {
  token: string;
  user: User;
  clock?: ServerClock;
}

export const meQueryKey = ['auth', 'me'] as const;

export async function login(username: string, password: string): Promise<User> {
  // The token in the body is for non-browser clients; the browser relies on the cookie.
  const res = await apiRequest<LoginResponse>('/auth/login', { method: 'POST', body: { username, password } });
  syncServerClock(res.clock);
  return res.user;
}

export async function logout(): Promise<void> {
  await apiRequest<void>('/auth/logout', { method: 'POST' });
}

/** The signed-in user, or null when the session is missing or expired (401). */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    const res = await apiRequest<{ user: User; clock?: ServerClock }>('/auth/me', { signal });
    syncServerClock(res.clock);
    return res.user;
  } catch (e) {
    if (isUnauthorized(e)) return null;
    throw e;
  }
}

export function hasPermission(user: User | null | undefined, permission: string): boolean {
  return !!user && user.permissions.includes(permission);
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiRequest<void>('/auth/change-password', { method: 'POST', body: { currentPassword, newPassword } });
}

/** True when the user holds at least one of the permissions. */
export function hasAnyPermission(user: User | null | undefined, permissions: readonly string[]): boolean {
  return !!user && permissions.some((p) => user.permissions.includes(p));
}
