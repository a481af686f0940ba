import { describe, expect, it } from 'vitest';
import { ApiError, type FieldProblem } from '../api/client';
import { matchField, problemFieldErrors } from './formErrors';

const FIELDS = ['nationalNo', 'firstNameAr', 'phone', 'dateOfBirth', 'currentPassword', 'newPassword'];
const describeRule = (fp: FieldProblem) => `${fp.rule}:${fp.message ?? ''}`;
const describeCode = (code: string) => `code:${code}`;

describe('matchField', () => {
  it('matches exact, pointer, path, snake_case and case variants', () => {
    expect(matchField('nationalNo', FIELDS)).toBe('nationalNo');
    expect(matchField('/nationalNo', FIELDS)).toBe('nationalNo');
    expect(matchField('body.phone', FIELDS)).toBe('phone');
    expect(matchField('$.dateOfBirth', FIELDS)).toBe('dateOfBirth');
    expect(matchField('national_no', FIELDS)).toBe('nationalNo');
    expect(matchField('first_name_ar', FIELDS)).toBe('firstNameAr');
    expect(matchField('PHONE', FIELDS)).toBe('phone');
  });
  it('answers undefined for unknown fields', () => {
    expect(matchField('licenseClassId', FIELDS)).toBeUndefined();
    expect(matchField('', FIELDS)).toBeUndefined();
  });
});

describe('problemFieldErrors', () => {
  it('puts each 422 entry on its field, in order, without duplicates', () => {
    const err = new ApiError(422, {
      code: 'validation-failed',
      errors: [
        { field: 'nationalNo', rule: 'format', message: 'Ten digits.' },
        { field: 'phone', rule: 'format', message: 'E.164' },
        { field: 'nationalNo', rule: 'required' },
        { field: 'nationalNo', rule: 'format', message: 'Ten digits.' },
      ],
    });
    const r = problemFieldErrors(err, FIELDS, describeRule, describeCode);
    expect(r.fields).toEqual([
      { name: 'nationalNo', errors: ['format:Ten digits.', 'required:'] },
      { name: 'phone', errors: ['format:E.164'] },
    ]);
    expect(r.other).toEqual([]);
    expect(r.placed).toBe(true);
  });
  it('keeps messages for fields the form does not have apart', () => {
    const err = new ApiError(422, { errors: [{ field: 'licenseClassId', rule: 'required', message: 'x' }] });
    const r = problemFieldErrors(err, FIELDS, describeRule, describeCode);
    expect(r.fields).toEqual([]);
    expect(r.other).toEqual(['required:x']);
    expect(r.placed).toBe(false);
  });
  it('puts a field-bound 409 code on its field', () => {
    const err = new ApiError(409, { code: 'national-no-taken', detail: 'taken' });
    expect(problemFieldErrors(err, FIELDS, describeRule, describeCode).fields).toEqual([
      { name: 'nationalNo', errors: ['code:national-no-taken'] },
    ]);
  });
  it('does not add the code message when errors[] already covers the field', () => {
    const err = new ApiError(409, { code: 'national-no-taken', errors: [{ field: 'nationalNo', rule: 'unique' }] });
    expect(problemFieldErrors(err, FIELDS, describeRule, describeCode).fields).toEqual([
      { name: 'nationalNo', errors: ['unique:'] },
    ]);
  });
  it('maps wrong-password to the current password field', () => {
    const err = new ApiError(401, { code: 'wrong-password' });
    expect(problemFieldErrors(err, FIELDS, describeRule, describeCode).fields[0]?.name).toBe('currentPassword');
  });
  it('places nothing for other errors', () => {
    expect(problemFieldErrors(new ApiError(500, {}), FIELDS, describeRule, describeCode).placed).toBe(false);
    expect(problemFieldErrors(new Error('x'), FIELDS, describeRule, describeCode).placed).toBe(false);
    // A code bound to a field this form lacks stays unplaced.
    const err = new ApiError(409, { code: 'username-taken' });
    expect(problemFieldErrors(err, FIELDS, describeRule, describeCode).placed).toBe(false);
  });
});
