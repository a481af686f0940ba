// Server refusals shown where they belong: each `errors[]` entry of a problem (422, or a 409
// that names a field) on the form item of the same name; a 409 whose code is about one field
// (e.g. national-no-taken) on that field; everything else in one message above the form.
import { isApiError, type FieldProblem } from '../api/client';

/** Problem codes that are about one field although the server may not list it in errors[]. */
export const CODE_FIELDS: Readonly<Record<string, string>> = {
  'national-no-taken': 'nationalNo',
  'document-no-taken': 'documentNo',
  'document-taken': 'documentNo',
  'branch-code-taken': 'code',
  'username-taken': 'username',
  'wrong-password': 'currentPassword',
  'person-has-account': 'personId',
  'person-deceased': 'personId',
  'deceased-is-final': 'deceased',
  'vin-taken': 'vin',
  'policy-taken': 'policyNumber',
};

function camelCase(s: string): string {
  return s.replace(/[_-]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/**
 * The form field a server field name refers to, or undefined. Accepts the name itself, a JSON
 * pointer (`/nationalNo`), a path (`body.nationalNo`, `$.nationalNo`), snake_case
 * (`national_no`) and any case (`NATIONALNO`).
 */
export function matchField(serverField: string, fields: readonly string[]): string | undefined {
  if (!serverField) return undefined;
  if (fields.includes(serverField)) return serverField;
  const last = serverField.split(/[./]/).filter(Boolean).pop() ?? '';
  for (const candidate of [last, camelCase(last)]) {
    if (fields.includes(candidate)) return candidate;
    const lower = candidate.toLowerCase();
    const found = fields.find((f) => f.toLowerCase() === lower);
    if (found) return found;
  }
  return undefined;
}

export interface FieldErrors {
  /** For Form.setFields: one entry per form field, its messages in server order. */
  fields: { name: string; errors: string[] }[];
  /** Messages that belong to no field of this form. */
  other: string[];
  /** True when the error was an ApiError with at least one message placed on a field. */
  placed: boolean;
}

/**
 * Splits an error into per-field messages for `fields`. `describe` turns one field problem into
 * a sentence (translation of the rule, or the server's own message); `describeCode` turns a
 * field-bound problem code into one (e.g. "This national number is already registered.").
 */
export function problemFieldErrors(
  error: unknown,
  fields: readonly string[],
  describe: (problem: FieldProblem, field: string | undefined) => string,
  describeCode: (code: string) => string,
): FieldErrors {
  const byField = new Map<string, string[]>();
  const other: string[] = [];
  const add = (field: string, message: string) => {
    const list = byField.get(field) ?? [];
    if (!list.includes(message)) list.push(message);
    byField.set(field, list);
  };
  if (isApiError(error)) {
    for (const fp of error.problem.errors ?? []) {
      if (!fp || typeof fp.field !== 'string') continue;
      const field = matchField(fp.field, fields);
      const message = describe(fp, field);
      if (field) add(field, message);
      else other.push(message);
    }
    const code = error.code;
    const codeField = code ? CODE_FIELDS[code] : undefined;
    if (code && codeField && fields.includes(codeField) && !byField.has(codeField)) {
      add(codeField, describeCode(code));
    }
  }
  const result = [...byField].map(([name, errors]) => ({ name, errors }));
  return { fields: result, other, placed: result.length > 0 };
}
