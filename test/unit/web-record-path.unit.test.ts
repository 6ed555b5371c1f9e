import { describe, expect, it } from 'vitest';
import { recordPath } from '../../web/src/records/record-path';

describe('recordPath', () => {
  it('writes the dot of an id as %2E, so the last segment never looks like a file name', () => {
    expect(recordPath('/settings/forms', 'acme.01J0Z7M2Q4V8S6T1R3P5N7B9XC')).toBe(
      '/settings/forms/acme%2E01J0Z7M2Q4V8S6T1R3P5N7B9XC',
    );
    expect(decodeURIComponent('acme%2E01J0Z7M2Q4V8S6T1R3P5N7B9XC')).toBe('acme.01J0Z7M2Q4V8S6T1R3P5N7B9XC');
  });

  it('encodes what else a path cannot hold, and appends an action', () => {
    expect(recordPath('/settings/forms', 'a/b c', 'edit')).toBe('/settings/forms/a%2Fb%20c/edit');
  });
});
