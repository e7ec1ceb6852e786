import { describe, expect, it } from 'vitest';
import { unsupportedNode } from './node-version';

describe('unsupportedNode', () => {
  it('accepts Node 22.12 and newer', () => {
    expect(unsupportedNode('22.12.0')).toBeNull();
    expect(unsupportedNode('22.23.3')).toBeNull();
    expect(unsupportedNode('24.1.0')).toBeNull();
  });

  it('refuses an end-of-life or too old Node with one line saying what to do', () => {
    expect(unsupportedNode('20.20.2')).toBe(
      'rolecall needs Node.js 22.12 or newer; this is Node 20.20.2. Install a current Node and try again.',
    );
    expect(unsupportedNode('22.11.0')).not.toBeNull();
  });
});
