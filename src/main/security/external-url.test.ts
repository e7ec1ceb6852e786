import { describe, expect, it } from 'vitest';
import { parseAllowedExternalUrl } from './external-url';

describe('the openExternal allowlist', () => {
  it.each([
    'https://signin.aws.amazon.com/federation?Action=login',
    'https://us-east-1.signin.aws.amazon.com/federation',
    'https://eu-west-1.console.aws.amazon.com/console/home',
    'https://d-1234567890.awsapps.com/start/#/console?account_id=1',
    'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
    'https://oidc.eu-west-1.amazonaws.com/authorize?response_type=code&client_id=c&state=s',
    'https://signin.amazonaws-us-gov.com/federation',
    'https://console.amazonaws.cn/console/home',
    'https://docs.aws.amazon.com/singlesignon/latest/userguide/what-is.html',
  ])('opens %s', (url) => {
    expect(parseAllowedExternalUrl(url)?.href).toBe(new URL(url).href);
  });

  it.each([
    ['javascript:alert(1)', 'a script URL'],
    ['file:///etc/passwd', 'a local file'],
    ['http://signin.aws.amazon.com/federation', 'plain http'],
    ['https://signin.aws.amazon.com.evil.example/', 'a look-alike host'],
    ['https://evilawsapps.com/start', 'a host that only ends like an allowed suffix'],
    ['https://user:pass@signin.aws.amazon.com/', 'credentials in the URL'],
    ['https://example.com/', 'an unrelated host'],
    ['not a url', 'garbage'],
    ['', 'an empty string'],
    ['data:text/html,<script>alert(1)</script>', 'a data URL'],
  ])('refuses %s (%s)', (url) => {
    expect(parseAllowedExternalUrl(url)).toBeNull();
  });

  it('refuses other amazonaws.com hosts, such as S3 buckets anyone can create', () => {
    expect(parseAllowedExternalUrl('https://evil.s3.amazonaws.com/login.html')).toBeNull();
    expect(parseAllowedExternalUrl('https://device.sso.us-east-1.amazonaws.com.evil.example/')).toBeNull();
    expect(parseAllowedExternalUrl('https://oidc.us-east-1.amazonaws.com.evil.example/authorize')).toBeNull();
  });

  it('opens a loopback emulator only at the exact origin the caller names', () => {
    const emulator = 'http://127.0.0.1:4566';
    expect(parseAllowedExternalUrl(`${emulator}/device?user_code=A`)).toBeNull();
    expect(parseAllowedExternalUrl(`${emulator}/device?user_code=A`, [emulator])?.origin).toBe(emulator);
    expect(parseAllowedExternalUrl('http://127.0.0.1:9999/device', [emulator])).toBeNull();
    expect(parseAllowedExternalUrl('http://example.com/', ['http://example.com'])).toBeNull();
  });

  it('opens a loopback emulator served over TLS at its exact origin only', () => {
    const emulator = 'https://127.0.0.1:4443';
    expect(parseAllowedExternalUrl(`${emulator}/authorize?x=1`)).toBeNull();
    expect(parseAllowedExternalUrl(`${emulator}/authorize?x=1`, [emulator])?.origin).toBe(emulator);
    expect(parseAllowedExternalUrl(`${emulator}/authorize`, ['http://127.0.0.1:4443'])).toBeNull();
    expect(parseAllowedExternalUrl('https://example.com:4443/', ['https://example.com:4443'])).toBeNull();
  });
});
