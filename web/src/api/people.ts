// People: search, register, edit, photo (GET/POST/PATCH /people, PUT/DELETE /people/{id}/photo).
import { apiRequest } from './client';
import { buildQuery, type Page } from './query';

export type Gender = 'male' | 'female';
export type DocumentType = 'passport' | 'residence-permit';
export const DOCUMENT_TYPES: readonly DocumentType[] = ['passport', 'residence-permit'];
export const GENDERS: readonly Gender[] = ['male', 'female'];

export interface Person {
  id: number;
  nationalNo: string | null;
  documentType: DocumentType | null;
  documentNo: string | null;
  firstNameAr: string;
  secondNameAr: string;
  thirdNameAr: string | null;
  lastNameAr: string;
  firstNameEn: string;
  secondNameEn: string;
  thirdNameEn: string | null;
  lastNameEn: string;
  fullNameAr: string;
  fullNameEn: string;
  dateOfBirth: string;
  gender: Gender;
  nationalityCode: string;
  address: string;
  phone: string | null;
  email: string | null;
  deceased: boolean;
  hasPhoto: boolean;
  photoUrl: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The fields a client sends (POST: all of them; PATCH: any subset). */
export interface PersonInput {
  nationalNo: string | null;
  documentType: DocumentType | null;
  documentNo: string | null;
  firstNameAr: string;
  secondNameAr: string;
  thirdNameAr: string | null;
  lastNameAr: string;
  firstNameEn: string;
  secondNameEn: string;
  thirdNameEn: string | null;
  lastNameEn: string;
  dateOfBirth: string;
  gender: Gender;
  nationalityCode: string;
  address: string;
  phone: string | null;
  email: string | null;
  deceased?: boolean;
}

export const PEOPLE_SORTS = ['name', '-name', 'dateOfBirth', '-dateOfBirth', 'createdAt', '-createdAt'] as const;
export type PeopleSort = (typeof PEOPLE_SORTS)[number];

export interface PeopleQuery {
  q?: string;
  page: number;
  pageSize: number;
  sort?: PeopleSort;
}

export const peopleKeys = {
  all: ['people'] as const,
  list: (query: PeopleQuery) => ['people', 'list', query] as const,
  one: (id: number) => ['people', 'one', id] as const,
};

export function searchPeople(query: PeopleQuery, signal?: AbortSignal): Promise<Page<Person>> {
  return apiRequest<Page<Person>>(`/people${buildQuery({ ...query })}`, { signal });
}

export function fetchPerson(id: number, signal?: AbortSignal): Promise<Person> {
  return apiRequest<Person>(`/people/${id}`, { signal });
}

export function createPerson(input: PersonInput): Promise<Person> {
  return apiRequest<Person>('/people', { method: 'POST', body: input });
}

export function updatePerson(id: number, changes: Partial<PersonInput>): Promise<Person> {
  return apiRequest<Person>(`/people/${id}`, { method: 'PATCH', body: changes });
}

export function uploadPersonPhoto(id: number, file: Blob): Promise<Person> {
  return apiRequest<Person>(`/people/${id}/photo`, { method: 'PUT', rawBody: file });
}

export function deletePersonPhoto(id: number): Promise<void> {
  return apiRequest<void>(`/people/${id}/photo`, { method: 'DELETE' });
}

/**
 * The photo URL for an <img>: the server's `photoUrl` with the wanted size, plus the record's
 * update time so that a new upload is not hidden by the browser cache.
 */
export function photoSrc(person: Pick<Person, 'photoUrl' | 'updatedAt'>, size: 'thumb' | 'full'): string | null {
  if (!person.photoUrl) return null;
  const sep = person.photoUrl.includes('?') ? '&' : '?';
  return `${person.photoUrl}${sep}size=${size}&v=${encodeURIComponent(person.updatedAt)}`;
}

export const PHOTO_TYPES = ['image/jpeg', 'image/png'] as const;
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/** Why a chosen file cannot be a photo, or null when it can. */
export function photoProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(PHOTO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > PHOTO_MAX_BYTES) return 'size';
  return null;
}
