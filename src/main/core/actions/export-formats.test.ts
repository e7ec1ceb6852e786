import { describe, expect, it } from 'vitest';
import { UserFacingError } from '../user-facing-error';
import type { RoleCredentials } from './credentials';
import { exportFormats, formatCredentials, formatExpiration, pythonJsonString, type ExportFormat } from './export-formats';

// The credentials of the reference's §5 example: AWS CLI 2.36.7 printed the fixtures below for them.
// 1795259125000 ms is 2026-11-21T11:05:25Z; the extra 999 ms must be dropped, not rounded up.
const reference: RoleCredentials = {
  accessKeyId: 'ASIAEMULATOR',
  secretAccessKey: 'SECRET',
  sessionToken: 'SESSIONTOKEN',
  expiration: 1_795_259_125_999,
};

// Realistic values: `/`, `+` and `=` must pass through unquoted and unescaped, as the CLI prints them.
const realistic: RoleCredentials = {
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE+tok/en==',
  expiration: Date.UTC(2027, 0, 2, 3, 4, 5),
};

/** What `aws configure export-credentials --format <format>` prints for `reference`. */
const referenceFixtures: Record<Exclude<ExportFormat, 'dotenv'>, string> = {
  env:
    'export AWS_ACCESS_KEY_ID=ASIAEMULATOR\n' +
    'export AWS_SECRET_ACCESS_KEY=SECRET\n' +
    'export AWS_SESSION_TOKEN=SESSIONTOKEN\n' +
    'export AWS_CREDENTIAL_EXPIRATION=2026-11-21T11:05:25+00:00\n',
  'env-no-export':
    'AWS_ACCESS_KEY_ID=ASIAEMULATOR\n' +
    'AWS_SECRET_ACCESS_KEY=SECRET\n' +
    'AWS_SESSION_TOKEN=SESSIONTOKEN\n' +
    'AWS_CREDENTIAL_EXPIRATION=2026-11-21T11:05:25+00:00\n',
  fish:
    'set -gx AWS_ACCESS_KEY_ID "ASIAEMULATOR"\n' +
    'set -gx AWS_SECRET_ACCESS_KEY "SECRET"\n' +
    'set -gx AWS_SESSION_TOKEN "SESSIONTOKEN"\n' +
    'set -gx AWS_CREDENTIAL_EXPIRATION "2026-11-21T11:05:25+00:00"\n',
  powershell:
    '$Env:AWS_ACCESS_KEY_ID="ASIAEMULATOR"\n' +
    '$Env:AWS_SECRET_ACCESS_KEY="SECRET"\n' +
    '$Env:AWS_SESSION_TOKEN="SESSIONTOKEN"\n' +
    '$Env:AWS_CREDENTIAL_EXPIRATION="2026-11-21T11:05:25+00:00"\n',
  'windows-cmd':
    'set AWS_ACCESS_KEY_ID=ASIAEMULATOR\n' +
    'set AWS_SECRET_ACCESS_KEY=SECRET\n' +
    'set AWS_SESSION_TOKEN=SESSIONTOKEN\n' +
    'set AWS_CREDENTIAL_EXPIRATION=2026-11-21T11:05:25+00:00\n',
  process:
    '{\n' +
    '  "Version": 1,\n' +
    '  "AccessKeyId": "ASIAEMULATOR",\n' +
    '  "SecretAccessKey": "SECRET",\n' +
    '  "SessionToken": "SESSIONTOKEN",\n' +
    '  "Expiration": "2026-11-21T11:05:25+00:00"\n' +
    '}\n',
};

describe('formatCredentials: the AWS CLI export-credentials formats', () => {
  for (const [format, expected] of Object.entries(referenceFixtures)) {
    it(`--format ${format} is byte for byte the CLI output`, () => {
      expect(formatCredentials(reference, format as ExportFormat)).toBe(expected);
    });
  }

  it('dotenv is env-no-export, byte for byte', () => {
    expect(formatCredentials(reference, 'dotenv')).toBe(referenceFixtures['env-no-export']);
    expect(formatCredentials(realistic, 'dotenv', 'eu-west-1')).toBe(formatCredentials(realistic, 'env-no-export', 'eu-west-1'));
  });

  it('passes base64 values through unquoted and unescaped', () => {
    expect(formatCredentials(realistic, 'env')).toBe(
      'export AWS_ACCESS_KEY_ID=ASIAIOSFODNN7EXAMPLE\n' +
        'export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' +
        'export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEXAMPLE+tok/en==\n' +
        'export AWS_CREDENTIAL_EXPIRATION=2027-01-02T03:04:05+00:00\n',
    );
    expect(formatCredentials(realistic, 'process')).toBe(
      '{\n' +
        '  "Version": 1,\n' +
        '  "AccessKeyId": "ASIAIOSFODNN7EXAMPLE",\n' +
        '  "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",\n' +
        '  "SessionToken": "IQoJb3JpZ2luX2VjEXAMPLE+tok/en==",\n' +
        '  "Expiration": "2027-01-02T03:04:05+00:00"\n' +
        '}\n',
    );
  });
});

describe('formatCredentials: without a session token or expiry (the CLI leaves the lines out)', () => {
  const longTerm: RoleCredentials = { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'SECRET' };
  const fixtures: Record<ExportFormat, string> = {
    env: 'export AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nexport AWS_SECRET_ACCESS_KEY=SECRET\n',
    'env-no-export': 'AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nAWS_SECRET_ACCESS_KEY=SECRET\n',
    dotenv: 'AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nAWS_SECRET_ACCESS_KEY=SECRET\n',
    fish: 'set -gx AWS_ACCESS_KEY_ID "AKIAEXAMPLE"\nset -gx AWS_SECRET_ACCESS_KEY "SECRET"\n',
    powershell: '$Env:AWS_ACCESS_KEY_ID="AKIAEXAMPLE"\n$Env:AWS_SECRET_ACCESS_KEY="SECRET"\n',
    'windows-cmd': 'set AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nset AWS_SECRET_ACCESS_KEY=SECRET\n',
    process: '{\n  "Version": 1,\n  "AccessKeyId": "AKIAEXAMPLE",\n  "SecretAccessKey": "SECRET"\n}\n',
  };
  for (const format of exportFormats) {
    it(format, () => {
      expect(formatCredentials(longTerm, format)).toBe(fixtures[format]);
    });
  }

  it('a session token without an expiry, and an expiry without a session token', () => {
    expect(formatCredentials({ ...longTerm, sessionToken: 'TOKEN' }, 'windows-cmd')).toBe(
      'set AWS_ACCESS_KEY_ID=AKIAEXAMPLE\nset AWS_SECRET_ACCESS_KEY=SECRET\nset AWS_SESSION_TOKEN=TOKEN\n',
    );
    expect(formatCredentials({ ...longTerm, expiration: 1_795_259_125_000 }, 'process')).toBe(
      '{\n  "Version": 1,\n  "AccessKeyId": "AKIAEXAMPLE",\n  "SecretAccessKey": "SECRET",\n' +
        '  "Expiration": "2026-11-21T11:05:25+00:00"\n}\n',
    );
  });
});

describe('formatCredentials: region lines', () => {
  const fixtures: Record<Exclude<ExportFormat, 'process'>, string> = {
    env: `${referenceFixtures.env}export AWS_REGION=eu-central-2\nexport AWS_DEFAULT_REGION=eu-central-2\n`,
    'env-no-export': `${referenceFixtures['env-no-export']}AWS_REGION=eu-central-2\nAWS_DEFAULT_REGION=eu-central-2\n`,
    dotenv: `${referenceFixtures['env-no-export']}AWS_REGION=eu-central-2\nAWS_DEFAULT_REGION=eu-central-2\n`,
    fish: `${referenceFixtures.fish}set -gx AWS_REGION "eu-central-2"\nset -gx AWS_DEFAULT_REGION "eu-central-2"\n`,
    powershell: `${referenceFixtures.powershell}$Env:AWS_REGION="eu-central-2"\n$Env:AWS_DEFAULT_REGION="eu-central-2"\n`,
    'windows-cmd': `${referenceFixtures['windows-cmd']}set AWS_REGION=eu-central-2\nset AWS_DEFAULT_REGION=eu-central-2\n`,
  };
  for (const [format, expected] of Object.entries(fixtures)) {
    it(`${format} appends AWS_REGION then AWS_DEFAULT_REGION in the same syntax`, () => {
      expect(formatCredentials(reference, format as ExportFormat, 'eu-central-2')).toBe(expected);
    });
  }

  it('process has no region (the credential_process schema has none)', () => {
    expect(formatCredentials(reference, 'process', 'eu-central-2')).toBe(referenceFixtures.process);
  });

  it('an empty region counts as no region', () => {
    expect(formatCredentials(reference, 'env', '')).toBe(referenceFixtures.env);
  });

  it('refuses a region that is not a region id, instead of pasting it into a shell', () => {
    expect(() => formatCredentials(reference, 'env', 'us-east-1; rm -rf ~')).toThrow(UserFacingError);
    expect(() => formatCredentials(reference, 'powershell', 'us-east-1"\n$x')).toThrow(/not an AWS region name/);
  });
});

describe('formatCredentials: values a shell would misread', () => {
  const hostile = ['SECRET"; rm -rf ~; "', 'a b', 'line\nexport X=1', '$(id)', '`id`', 'a#b', 'x\r', ''];
  for (const secretAccessKey of hostile) {
    it(`refuses ${JSON.stringify(secretAccessKey)} in line formats, naming the variable but not the value`, () => {
      const credentials = { ...reference, secretAccessKey };
      for (const format of exportFormats.filter((f) => f !== 'process')) {
        let message = '';
        try {
          formatCredentials(credentials, format);
        } catch (error) {
          message = error instanceof Error ? error.message : '';
        }
        expect(message).toMatch(/^AWS_SECRET_ACCESS_KEY holds characters/);
        if (secretAccessKey !== '') expect(message).not.toContain(secretAccessKey);
      }
    });
  }

  it('process escapes as Python json.dumps does (ensure_ascii), instead of refusing', () => {
    // Expected output produced by CPython 3.11: json.dumps(o, indent=2, separators=(',', ': ')).
    const credentials = { accessKeyId: 'ASIAEMULATOR', secretAccessKey: 'a\u007f\u00e9\u{1F600}"\\/\n\u0001<>&\'', sessionToken: 'SESSIONTOKEN' };
    expect(formatCredentials(credentials, 'process')).toBe(
      '{\n  "Version": 1,\n  "AccessKeyId": "ASIAEMULATOR",\n' +
        '  "SecretAccessKey": "a\\u007f\\u00e9\\ud83d\\ude00\\"\\\\/\\n\\u0001<>&\'",\n' +
        '  "SessionToken": "SESSIONTOKEN"\n}\n',
    );
  });
});

describe('formatExpiration and pythonJsonString', () => {
  it('writes Python isoformat() of the UTC second, truncating milliseconds', () => {
    expect(formatExpiration(Date.UTC(2026, 10, 21, 11, 5, 25, 0))).toBe('2026-11-21T11:05:25+00:00');
    expect(formatExpiration(Date.UTC(2026, 10, 21, 11, 5, 25, 999))).toBe('2026-11-21T11:05:25+00:00');
    expect(formatExpiration(Date.UTC(2026, 11, 31, 23, 59, 59, 500))).toBe('2026-12-31T23:59:59+00:00');
  });

  it('refuses an expiry that is not a date', () => {
    expect(() => formatExpiration(Number.NaN)).toThrow(RangeError);
    expect(() => formatExpiration(Date.UTC(10_000, 0, 1))).toThrow(RangeError);
  });

  it('escapes control characters with the short forms Python uses', () => {
    expect(pythonJsonString('\b\f\t\r\u001f ~')).toBe('"\\b\\f\\t\\r\\u001f ~"');
  });
});
