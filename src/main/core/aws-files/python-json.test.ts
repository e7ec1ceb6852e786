import { describe, expect, it } from 'vitest';
import { pythonJsonDumps, pythonJsonString } from './python-json';

describe('pythonJsonString (json.dumps, ensure_ascii=True)', () => {
  it.each([
    ['plain', '"plain"'],
    ['a/b', '"a/b"'],
    ['quote " and \\ backslash', '"quote \\" and \\\\ backslash"'],
    ['\n\r\t\b\f', '"\\n\\r\\t\\b\\f"'],
    ['\u0001\u001f\u007f', '"\\u0001\\u001f\\u007f"'],
    ['café', '"caf\\u00e9"'],
    ['日本', '"\\u65e5\\u672c"'],
    ['😀', '"\\ud83d\\ude00"'],
  ])('escapes %j as Python does', (input, expected) => {
    expect(pythonJsonString(input)).toBe(expected);
  });
});

describe('pythonJsonDumps', () => {
  it('uses Python default separators on one line', () => {
    expect(pythonJsonDumps({ a: [1, 'x', null, true, false], b: {}, c: [] })).toBe(
      '{"a": [1, "x", null, true, false], "b": {}, "c": []}',
    );
  });
});
