import { CombinedGraphQLErrors } from '@apollo/client';
import { describe, expect, it } from 'vitest';
import { messageBesideField } from './field-refusal';
import { formFieldPaths, formPathOf, placeServerError } from './form-errors';

const badInput = (field: string, message: string) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', field } }] });

function fakeForm(values: object) {
  const errors: Record<string, string> = {};
  return { errors, getValues: () => values, setFieldError: (path: string, error: string) => void (errors[path] = error) };
}

const clinicValues = { name: '', address: { line1: '', city: '' }, location: { latitude: '', longitude: '' }, languages: [] };

describe('formFieldPaths', () => {
  it('lists nested fields and keeps lists whole', () => {
    expect(formFieldPaths(clinicValues)).toEqual(['name', 'address', 'address.line1', 'address.city', 'location', 'location.latitude', 'location.longitude', 'languages']);
  });

  it('lists the items of a list the form shows item by item', () => {
    expect(formFieldPaths({ rows: [{ joint: '' }], goals: ['a', 'b'], tags: ['x'] }, ['rows', 'goals'])).toEqual(['rows', 'rows.0', 'rows.0.joint', 'goals', 'goals.0', 'goals.1', 'tags']);
  });
});

describe('formPathOf', () => {
  const paths = formFieldPaths(clinicValues);
  it('maps the API path to the form path', () => {
    expect(formPathOf('input.name', paths)).toBe('name');
    expect(formPathOf('input.address.city', paths)).toBe('address.city');
    expect(formPathOf('input.languages.2', paths)).toBe('languages');
    expect(formPathOf('input.clinicId', paths)).toBeNull();
  });

  it('looks up the form’s own name for a path the form calls otherwise', () => {
    const renames = [[/^site\.(\w+)$/, 'address.$1']] as const;
    expect(formPathOf('input.site.city', paths, renames)).toBe('address.city');
    expect(formPathOf('input.site.postalCode', paths, renames)).toBe('address');
  });
});

describe('messageBesideField', () => {
  it('drops the path the message starts with', () => {
    expect(messageBesideField('input.email: email must be an email address', 'input.email')).toBe('Email must be an email address');
    expect(messageBesideField('email is already in use', 'input.email')).toBe('Email is already in use');
    expect(messageBesideField('input.address.postalCode: postalCode should not be blank', 'input.address.postalCode')).toBe('Postal code should not be blank');
    expect(messageBesideField('languages must be two-letter codes', 'input.languages.1')).toBe('Languages must be two-letter codes');
    expect(messageBesideField('This user already has a provider profile', 'input.userId')).toBe('This user already has a provider profile');
  });
});

describe('placeServerError', () => {
  it('puts a refused field’s message beside it and returns nothing to show elsewhere', () => {
    const form = fakeForm(clinicValues);
    expect(placeServerError(form, badInput('input.address.city', 'input.address.city: city should not be blank'))).toBeNull();
    expect(form.errors).toEqual({ 'address.city': 'City should not be blank' });
  });

  it('returns the message of a refusal it cannot place', () => {
    const form = fakeForm(clinicValues);
    expect(placeServerError(form, badInput('input.clinicId', 'clinicId is required for a COORDINATOR'))).toBe('clinicId is required for a COORDINATOR');
    const forbidden = new CombinedGraphQLErrors({ errors: [{ message: 'Only platform admins onboard clinics', extensions: { code: 'FORBIDDEN', reason: 'NOT_YOUR_ROLE' } }] });
    expect(placeServerError(form, forbidden)).toBe('Only platform admins onboard clinics');
    expect(form.errors).toEqual({});
  });
});
