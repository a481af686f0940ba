import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import type { Person } from '../api/people';
import {
  ARABIC_NAME,
  ENGLISH_NAME,
  PHONE,
  changedFields,
  normalizePhone,
  toFormValues,
  toPersonInput,
  type PersonFormValues,
} from './personForm';

const person: Person = {
  id: 7,
  nationalNo: '9901234567',
  documentType: null,
  documentNo: null,
  firstNameAr: 'عمر',
  secondNameAr: 'خالد',
  thirdNameAr: null,
  lastNameAr: 'الحسن',
  firstNameEn: 'Omar',
  secondNameEn: 'Khaled',
  thirdNameEn: null,
  lastNameEn: 'Al-Hasan',
  fullNameAr: 'عمر خالد الحسن',
  fullNameEn: 'Omar Khaled Al-Hasan',
  dateOfBirth: '1990-05-01',
  gender: 'male',
  nationalityCode: 'JO',
  address: 'Amman',
  phone: '+962791234567',
  email: null,
  deceased: false,
  hasPhoto: false,
  photoUrl: null,
  createdAt: '2026-11-28T10:00:00Z',
  updatedAt: '2026-11-28T10:00:00Z',
};

describe('toPersonInput', () => {
  const values: PersonFormValues = {
    nationalNo: ' 9901234567 ',
    documentType: 'passport',
    documentNo: 'x1',
    firstNameAr: ' عمر ',
    secondNameAr: 'خالد',
    thirdNameAr: '',
    lastNameAr: 'الحسن',
    firstNameEn: 'Omar',
    secondNameEn: 'Khaled',
    thirdNameEn: '  ',
    lastNameEn: 'Al-Hasan',
    dateOfBirth: dayjs('1990-05-01'),
    gender: 'male',
    nationalityCode: 'JO',
    address: 'Amman',
    phone: '+962 79 123-4567',
    email: '',
  };
  it('trims, sends empty optionals as null, the date as YYYY-MM-DD and E.164 phones', () => {
    const input = toPersonInput(values);
    expect(input.nationalNo).toBe('9901234567');
    expect(input.firstNameAr).toBe('عمر');
    expect(input.thirdNameAr).toBeNull();
    expect(input.thirdNameEn).toBeNull();
    expect(input.email).toBeNull();
    expect(input.dateOfBirth).toBe('1990-05-01');
    expect(input.phone).toBe('+962791234567');
    expect('deceased' in input).toBe(false);
  });
  it('drops the foreign document of a Jordanian and keeps it for others', () => {
    expect(toPersonInput(values)).toMatchObject({ documentType: null, documentNo: null });
    expect(toPersonInput({ ...values, nationalityCode: 'EG', nationalNo: '', documentNo: 'a123456' })).toMatchObject({
      nationalNo: null,
      documentType: 'passport',
      documentNo: 'A123456',
    });
  });
  it('round-trips a stored person without changes', () => {
    expect(changedFields(person, toPersonInput(toFormValues(person)))).toEqual({});
  });
  it('lists only changed fields for PATCH', () => {
    const input = toPersonInput({ ...toFormValues(person), phone: '+962781111111', thirdNameEn: 'Ali' });
    expect(changedFields(person, input)).toEqual({ phone: '+962781111111', thirdNameEn: 'Ali' });
  });
});

describe('field rules', () => {
  it('accepts names in their own script only', () => {
    expect(ARABIC_NAME.test('عبد الله')).toBe(true);
    expect(ARABIC_NAME.test('Omar')).toBe(false);
    expect(ARABIC_NAME.test('   ')).toBe(false);
    expect(ENGLISH_NAME.test("O'Neil-Smith")).toBe(true);
    expect(ENGLISH_NAME.test('Abd Al-Rahman Jr.')).toBe(true);
    expect(ENGLISH_NAME.test('José')).toBe(false); // the server takes ASCII letters only
    expect(ARABIC_NAME.test('عبدُ الرَّحمن')).toBe(true);
    expect(ARABIC_NAME.test('أحمد-علي')).toBe(true);
    expect(ARABIC_NAME.test('٣عمر')).toBe(false);
    expect(ENGLISH_NAME.test('عمر')).toBe(false);
  });
  it('checks phones in E.164 after normalising', () => {
    expect(normalizePhone('00962 79 123 4567')).toBe('+962791234567');
    expect(normalizePhone('079 123-4567')).toBe('+962791234567');
    expect(normalizePhone('(+962) 79 1234567')).toBe('+962791234567');
    expect(PHONE.test(normalizePhone('0791234567'))).toBe(true);
    expect(PHONE.test(normalizePhone('12345'))).toBe(false);
    expect(PHONE.test(normalizePhone('+0123456789'))).toBe(false);
  });
});
