// The one place that talks HTTP to the dvld server: same-origin JSON requests with the
// session cookie, and RFC 9457 problem+json errors turned into ApiError.

export const API_BASE = '/api/v1';

/** RFC 9457 problem details, as the server sends them (`code` is dvld's stable machine code). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: string;
  detail?: string;
  errors?: FieldProblem[];
  requestId?: string;
}

/** One offending field of a 422 (or a 409 that names its field). */
export interface FieldProblem {
  field: string;
  rule: string;
  message?: string;
}

/** A request the server answered with a non-2xx status, or could not answer at all (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** The stable code, or one derived from the status when the body carried none. */
  get code(): string | undefined {
    if (this.problem.code) return this.problem.code;
    if (this.status === 429) return 'too-many-requests';
    if (this.status === 0) return 'network';
    return undefined;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

export function isUnauthorized(e: unknown): boolean {
  return isApiError(e) && e.status === 401;
}

/** Reads a problem body if there is one; tolerates empty or non-JSON error bodies. */
export async function readProblem(res: Response): Promise<Problem> {
  const text = await res.text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object') return { status: res.status, ...(parsed as Problem) };
    } catch {
      // not JSON: fall through
    }
  }
  return { status: res.status, title: res.statusText || undefined };
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Sent as is (e.g. a photo), with its own Content-Type header; excludes `body`. */
  rawBody?: Blob;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** Calls `API_BASE + path`; resolves with the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: string | Blob | undefined;
  if (options.rawBody !== undefined) {
    headers['Content-Type'] = options.rawBody.type || 'application/octet-stream';
    body = options.rawBody;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin', // the HttpOnly session cookie; the token is never stored
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'network error', detail: String(e) });
  }
  if (!res.ok) throw new ApiError(res.status, await readProblem(res));
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The server has no such route (yet): 404 `route-not-found`, or 405 Method Not Allowed. */
export function isRouteMissing(e: unknown): boolean {
  return isApiError(e) && (e.status === 405 || (e.status === 404 && e.problem.code === 'route-not-found'));
}

/**
 * Waits for a request to a route that an older server may not have; such a refusal becomes the
 * problem code `feature-unavailable` (translated "not available on this server yet").
 */
export async function unlessRouteMissing<T>(request: Promise<T>): Promise<T> {
  try {
    return await request;
  } catch (e) {
    if (isApiError(e) && isRouteMissing(e)) throw new ApiError(e.status, { ...e.problem, code: 'feature-unavailable' });
    throw e;
  }
}
