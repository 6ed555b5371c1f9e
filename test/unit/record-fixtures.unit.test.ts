import { describe, expect, it } from 'vitest';
import { type HttpFunctionSpec, httpFunctions } from '../../functions/manifest';
import { encodePathSegment } from '../support/raw-api';
import { collectionPathOf, pathParamNames, pathWith, recordKindOf } from '../support/record-fixtures';

const route = (method: HttpFunctionSpec['trigger']['method'], path: string): HttpFunctionSpec => ({
  name: 'Imaginary',
  handler: 'imaginary/handler',
  description: 'a route the manifest-driven tests have never seen',
  trigger: { kind: 'http', method, path, auth: 'jwt', roles: ['admin'] },
  access: {},
});

describe('record fixtures of the manifest-driven tests', () => {
  it('finds the record kind of every manifest route with path parameters', () => {
    for (const fn of httpFunctions.filter((candidate) => pathParamNames(candidate.trigger.path).length)) {
      expect(() => recordKindOf(fn), fn.name).not.toThrow();
    }
  });

  it('fails loudly, naming the route and the file to change, for a record kind without a factory', () => {
    expect(() => recordKindOf(route('GET', '/api/deals/{id}'))).toThrow(
      /GET \/api\/deals\/\{id\} \(Imaginary\): no record kind serves \/api\/deals.*test\/support\/record-fixtures\.ts/,
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
