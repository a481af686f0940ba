// Server liveness (no sign-in needed).
import { apiRequest } from './client';

export interface Health {
  status: string;
  version: string;
}

export const healthQueryKey = ['health'] as const;

export function fetchHealth(signal?: AbortSignal): Promise<Health> {
  return apiRequest<Health>('/health', { signal });
}
