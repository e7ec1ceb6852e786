/**
 * A JSON value as `JSON.parse` produces it.
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/**
 * Serializes a string the way Python's `json.dumps` does with its defaults (`ensure_ascii=True`).
 *
 * Everything outside printable ASCII (space to `~`) becomes `\uXXXX` with lower-case hex, characters
 * beyond the BMP as a surrogate pair; `/` is not escaped. JavaScript strings are UTF-16 already, so
 * escaping each code unit yields exactly Python's surrogate pairs.
 */
export function pythonJsonString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i += 1) {
    const ch = value.charAt(i);
    const code = value.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += short;
    else if (code >= 0x20 && code <= 0x7e) out += ch;
    else out += `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return `${out}"`;
}

/**
 * Serializes a value like Python's `json.dumps(value)` with default arguments.
 *
 * Separators are `", "` and `": "`, on one line, keys in insertion order. Numbers are written as
 * JavaScript writes them, which matches Python for the integers and simple decimals found in AWS cache
 * files (Python would print `1.0` where `JSON.parse` has already turned it into `1`).
 */
export function pythonJsonDumps(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : pythonNonFinite(value);
  if (typeof value === 'string') return pythonJsonString(value);
  if (isJsonArray(value)) return `[${value.map((item) => pythonJsonDumps(item)).join(', ')}]`;
  const parts = Object.entries(value).map(([key, item]) => `${pythonJsonString(key)}: ${pythonJsonDumps(item)}`);
  return `{${parts.join(', ')}}`;
}

function isJsonArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}

function pythonNonFinite(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  return value > 0 ? 'Infinity' : '-Infinity';
}
