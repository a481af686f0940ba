// Partner API keys: list, create (the key is answered once), revoke.
import { apiRequest } from './client';

export const API_KEY_SCOPES = ['insurer', 'inspection', 'police', 'payment-gateway'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKey {
  id: number;
  name: string;
  scope: ApiKeyScope;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface CreatedApiKey extends ApiKey {
  key: string;
}

export const apiKeysKey = ['api-keys'] as const;

export const fetchApiKeys = (signal?: AbortSignal) => apiRequest<ApiKey[]>('/api-keys', { signal });
export const createApiKey = (input: { name: string; scope: ApiKeyScope }) =>
  apiRequest<CreatedApiKey>('/api-keys', { method: 'POST', body: input });
export const revokeApiKey = (id: number) => apiRequest<void>(`/api-keys/${id}/revoke`, { method: 'POST' });
