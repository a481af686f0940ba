// The register/edit person form: its values, the rules it checks before the server does,
// and the conversion to the body of POST /people or PATCH /people/{id}.
import dayjs, { type Dayjs } from 'dayjs';
import type { DocumentType, Gender, Person, PersonInput } from '../api/people';

export const JORDAN = 'JO';

export interface PersonFormValues {
  nationalNo?: string;
  documentType?: DocumentType;
  documentNo?: string;
  firstNameAr?: string;
  secondNameAr?: string;
  thirdNameAr?: string;
  lastNameAr?: string;
  firstNameEn?: string;
  secondNameEn?: string;
  thirdNameEn?: string;
  lastNameEn?: string;
  dateOfBirth?: Dayjs | null;
  gender?: Gender;
  nationalityCode?: string;
  address?: string;
  phone?: string;
  email?: string;
  deceased?: boolean;
}

/** Every form item; the server's `errors[].field` names are matched against these. */
export const PERSON_FIELDS = [
  'nationalNo',
  'documentType',
  'documentNo',
  'firstNameAr',
  'secondNameAr',
  'thirdNameAr',
  'lastNameAr',
  'firstNameEn',
  'secondNameEn',
  'thirdNameEn',
  'lastNameEn',
  'dateOfBirth',
  'gender',
  'nationalityCode',
  'address',
  'phone',
  'email',
  'deceased',
] as const;

// ---- client-side rules (the server checks the same and has the last word) ----
export const NATIONAL_NO = /^\d{10}$/;
export const DOCUMENT_NO = /^[A-Za-z0-9]{5,20}$/;
/** E.164: +, country code, subscriber number; 8 to 15 digits in all. */
export const PHONE = /^\+[1-9]\d{7,14}$/;
// Names as the server accepts them (domain/people/person.cpp): Arabic letters (with the Persian
// letters used in names, harakat and tatweel), space and hyphen; or ASCII Latin letters, space,
// hyphen, apostrophe and dot. At least one letter either way.
const AR_LETTER = '\u0621-\u063A\u0641-\u064A\u067E\u0686\u06A4\u06AF\u06CC\u0671';
const AR_MARK = '\u064B-\u0652\u0670\u0640';
export const ARABIC_NAME = new RegExp(`^(?=.*[${AR_LETTER}])[${AR_LETTER}${AR_MARK} -]+$`);
export const ENGLISH_NAME = /^(?=.*[A-Za-z])[A-Za-z '.-]+$/;
export const NAME_MAX = 50;
export const ADDRESS_MAX = 300;
/** The server refuses a date of birth more than this many years ago. */
export const MAX_AGE_YEARS = 120;

/**
 * A phone number as typed, in E.164, the way the server normalises it: spaces, dashes and
 * brackets dropped; 00 becomes +; a local Jordanian mobile (07XXXXXXXX) gets +962. Answers the
 * input unchanged (compacted) when it cannot be read, so the E.164 rule reports it.
 */
export function normalizePhone(phone: string): string {
  const compact = phone.replace(/[\s\-()]/g, '');
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  if (/^07\d{8}$/.test(compact)) return `+962${compact.slice(1)}`;
  return compact;
}

function text(v: string | undefined | null): string {
  return (v ?? '').trim().replace(/\s+/g, ' ');
}

function optional(v: string | undefined | null): string | null {
  const t = text(v);
  return t === '' ? null : t;
}

/** The request body for the form's values. Jordanians carry no foreign document. */
export function toPersonInput(values: PersonFormValues): PersonInput {
  const jordanian = values.nationalityCode === JORDAN;
  const phone = optional(values.phone);
  const input: PersonInput = {
    nationalNo: optional(values.nationalNo),
    documentType: jordanian ? null : (values.documentType ?? null),
    documentNo: jordanian ? null : optional(values.documentNo)?.toUpperCase() ?? null,
    firstNameAr: text(values.firstNameAr),
    secondNameAr: text(values.secondNameAr),
    thirdNameAr: optional(values.thirdNameAr),
    lastNameAr: text(values.lastNameAr),
    firstNameEn: text(values.firstNameEn),
    secondNameEn: text(values.secondNameEn),
    thirdNameEn: optional(values.thirdNameEn),
    lastNameEn: text(values.lastNameEn),
    dateOfBirth: values.dateOfBirth ? values.dateOfBirth.format('YYYY-MM-DD') : '',
    gender: values.gender ?? 'male',
    nationalityCode: values.nationalityCode ?? '',
    address: text(values.address),
    phone: phone === null ? null : normalizePhone(phone),
    email: optional(values.email),
  };
  if (values.deceased !== undefined) input.deceased = values.deceased;
  return input;
}

/** The form's starting values for an existing person. */
export function toFormValues(p: Person): PersonFormValues {
  return {
    nationalNo: p.nationalNo ?? '',
    documentType: p.documentType ?? undefined,
    documentNo: p.documentNo ?? '',
    firstNameAr: p.firstNameAr,
    secondNameAr: p.secondNameAr,
    thirdNameAr: p.thirdNameAr ?? '',
    lastNameAr: p.lastNameAr,
    firstNameEn: p.firstNameEn,
    secondNameEn: p.secondNameEn,
    thirdNameEn: p.thirdNameEn ?? '',
    lastNameEn: p.lastNameEn,
    dateOfBirth: p.dateOfBirth ? dayjs(p.dateOfBirth, 'YYYY-MM-DD') : null,
    gender: p.gender,
    nationalityCode: p.nationalityCode,
    address: p.address,
    phone: p.phone ?? '',
    email: p.email ?? '',
    deceased: p.deceased,
  };
}

/** The PATCH body: only the fields whose value differs from the stored person. */
export function changedFields(original: Person, input: PersonInput): Partial<PersonInput> {
  const out: Partial<PersonInput> = {};
  for (const key of Object.keys(input) as (keyof PersonInput)[]) {
    const before = (original as unknown as Record<string, unknown>)[key] ?? null;
    const after = input[key] ?? null;
    if (before !== after) (out as Record<string, unknown>)[key] = input[key];
  }
  return out;
}
