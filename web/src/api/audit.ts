// The audit trail (GET /audit?entity=&entityId=).
import { apiRequest } from './client';
import { buildQuery, type Page } from './query';

export const AUDIT_ENTITIES = [
  'person',
  'user',
  'branch',
  'license_class',
  'application_type',
  'test_type',
  'api_key',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

export interface AuditEntry {
  id: number;
  seq: number;
  at: string;
  actorType: 'user' | 'api-key' | 'system';
  actorId: number | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: number | string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  branchId: number | null;
  requestId: string | null;
  hash: string;
}

export interface AuditQuery {
  entity?: AuditEntity;
  entityId?: number;
  page: number;
  pageSize: number;
}

export const auditKeys = {
  list: (query: AuditQuery) => ['audit', query] as const,
};

export const fetchAudit = (query: AuditQuery, signal?: AbortSignal) =>
  apiRequest<Page<AuditEntry>>(`/audit${buildQuery({ ...query })}`, { signal });
