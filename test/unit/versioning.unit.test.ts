import { describe, expect, it } from 'vitest';
import { PreconditionRequiredError, ValidationError } from '../../shared/platform/errors';
import { etagOf, versionFromIfMatch } from '../../shared/platform/versioning';

function failure(header: string | undefined): unknown {
  try {
    versionFromIfMatch(header);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('record versions in ETag / If-Match', () => {
  it('sends the version as a strong ETag', () => {
    expect(etagOf(1)).toBe('"1"');
    expect(etagOf(42)).toBe('"42"');
  });

  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"3"', 3],
    ['  "12"  ', 12],
    ['"999999999"', 999_999_999],
  ])('reads If-Match %j as version %i', (header, version) => {
    expect(versionFromIfMatch(header)).toBe(version);
  });

  it('round-trips the ETag it sends', () => {
    expect(versionFromIfMatch(etagOf(7))).toBe(7);
  });

  it.each([undefined, '', '   '])('answers 428 when If-Match is %j', (header) => {
    const error = failure(header);
    expect(error).toBeInstanceOf(PreconditionRequiredError);
    expect((error as PreconditionRequiredError).statusCode).toBe(428);
  });

  it.each(['abc', '"-1"', '"1.5"', '*', '"1", "2"', '"1234567890"', 'W/x', '"3" x'])(
    'answers 400 naming If-Match for %j',
    (header) => {
      const error = failure(header);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).extra.fields).toEqual({
        'If-Match': 'Send the version as If-Match: "<version>".',
      });
    },
  );
});
