import { describe, expect, it } from 'vitest';
import { type RegisteredRoute, registry } from '../../shared/registry/capability-registry';
import { encodePathSegment } from '../support/raw-api';
import { collectionPathOf, pathParamNames, pathWith, recordKindOf } from '../support/record-fixtures';

const route = (method: RegisteredRoute['method'], path: string): RegisteredRoute => ({
  name: 'Imaginary',
  method,
  path,
  roles: ['admin'],
  summary: 'a route the registry-driven tests have never seen',
  functionName: 'ImaginaryApi',
  capability: 'imaginary',
});

describe('record fixtures of the registry-driven tests', () => {
  it('finds the record kind of every registry route with path parameters', () => {
    for (const fn of registry.routes.filter((candidate) => pathParamNames(candidate.path).length)) {
      expect(() => recordKindOf(fn), fn.name).not.toThrow();
    }
  });

  it('fails loudly, naming the route and the file to change, for a record kind without a factory', () => {
    expect(() => recordKindOf(route('GET', '/api/invoices/{id}'))).toThrow(
      /GET \/api\/invoices\/\{id\} \(Imaginary\): no record kind serves \/api\/invoices.*test\/support\/record-fixtures\.ts/,
    );
  });

  it('files sub-resources under the record kind of their collection', () => {
    expect(recordKindOf(route('GET', '/api/contacts/{id}/notes')).name).toBe('contact');
    expect(collectionPathOf('/api/settings/fields/{entity}/{key}')).toBe('/api/settings/fields');
    expect(pathParamNames('/api/settings/fields/{entity}/{key}')).toEqual(['entity', 'key']);
  });

  it('fills path parameters, encoded, and fails loudly for one the fixture lacks', () => {
    const fn = route('PATCH', '/api/settings/fields/{entity}/{key}');
    expect(pathWith(fn, { entity: 'contact', key: 'a/b c' })).toBe('/api/settings/fields/contact/a%2Fb%20c');
    expect(() => pathWith(fn, { entity: 'contact' })).toThrow(/no value for path parameter \{key\}/);
  });

  it('encodes lone surrogates instead of throwing', () => {
    expect(decodeURIComponent(encodePathSegment('a\ud800'))).toBe('a\ufffd');
    expect(encodePathSegment('ü')).toBe('%C3%BC');
  });
});
