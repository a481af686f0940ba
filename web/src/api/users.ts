// Staff accounts (GET/POST/PATCH /users, reset password, unlock).
import { apiRequest } from './client';
import { buildQuery, type Page } from './query';

export const ROLES = ['administrator', 'clerk', 'examiner', 'officer', 'finance', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface StaffUser {
  id: number;
  username: string;
  role: Role;
  branchId: number;
  branchNameEn: string;
  branchNameAr: string;
  personId: number | null;
  personNameEn: string | null;
  personNameAr: string | null;
  active: boolean;
  lockedUntil: string | null;
  failedAttempts: number;
  createdAt: string;
  updatedAt: string;
}

export interface UsersQuery {
  q?: string;
  role?: Role;
  branchId?: number;
  active?: boolean;
  page: number;
  pageSize: number;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  branchId: number;
  personId?: number;
}

export type UserChanges = Partial<{ role: Role; branchId: number; active: boolean; personId: number | null }>;

export const usersKeys = {
  all: ['users'] as const,
  list: (query: UsersQuery) => ['users', 'list', query] as const,
};

export const fetchUsers = (query: UsersQuery, signal?: AbortSignal) =>
  apiRequest<Page<StaffUser>>(`/users${buildQuery({ ...query })}`, { signal });
export const createUser = (input: NewUser) => apiRequest<StaffUser>('/users', { method: 'POST', body: input });
export const updateUser = (id: number, changes: UserChanges) =>
  apiRequest<StaffUser>(`/users/${id}`, { method: 'PATCH', body: changes });
export const resetUserPassword = (id: number, password: string) =>
  apiRequest<void>(`/users/${id}/reset-password`, { method: 'POST', body: { password } });
export const unlockUser = (id: number) => apiRequest<void>(`/users/${id}/unlock`, { method: 'POST' });

/** Locked now: a lock time that has not passed yet. */
export function isLocked(user: Pick<StaffUser, 'lockedUntil'>, now: Date = new Date()): boolean {
  if (!user.lockedUntil) return false;
  const until = Date.parse(user.lockedUntil);
  return Number.isFinite(until) && until > now.getTime();
}
