import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsRegions } from '../../../shared/aws-regions.generated';

const root = path.join(import.meta.dirname, '..', '..', '..', '..');

describe('the region list', () => {
  it('is what the installed AWS SDK’s partition metadata says (regenerate with scripts/generate-regions.mjs)', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'rolecall-regions-')), 'regions.ts');
    execFileSync(process.execPath, [path.join(root, 'scripts/generate-regions.mjs'), out]);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(path.join(root, 'src/shared/aws-regions.generated.ts'), 'utf8'));
  });

  it('covers the commercial, China and GovCloud partitions', () => {
    const ids = awsRegions.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['us-east-1', 'eu-west-1', 'cn-north-1', 'us-gov-west-1']));
    expect(ids).not.toContain('aws-global');
  });
});
