import { describe, expect, it } from 'vitest';
import { isConsoleWindowUrl } from './console-navigation';

const emulator = 'http://127.0.0.1:4566';

describe('where a console window may go', () => {
  it.each([
    // aws
    'https://signin.aws.amazon.com/federation?Action=login&SigninToken=x',
    'https://console.aws.amazon.com/console/home',
    'https://us-east-1.console.aws.amazon.com/console/home?region=us-east-1',
    'https://eu-west-1.signin.aws.amazon.com/federation',
    'https://123456789012-abcdefgh.us-east-1.console.aws.amazon.com/s3/home',
    'https://console.aws.amazon.com:443/console/home',
    'https://CONSOLE.AWS.AMAZON.COM/console/home',
    // aws-us-gov
    'https://signin.amazonaws-us-gov.com/federation',
    'https://console.amazonaws-us-gov.com/console/home',
    'https://us-gov-west-1.console.amazonaws-us-gov.com/console/home',
    'https://us-gov-east-1.signin.amazonaws-us-gov.com/federation',
    // aws-cn
    'https://signin.amazonaws.cn/federation',
    'https://console.amazonaws.cn/console/home',
    'https://cn-north-1.console.amazonaws.cn/console/home',
    'https://cn-northwest-1.signin.amazonaws.cn/federation',
  ])('allows %s', (url) => {
    expect(isConsoleWindowUrl(url)).toBe(true);
    expect(isConsoleWindowUrl(url, [emulator])).toBe(true);
  });

  it('allows the exact loopback origins it is given, and only those', () => {
    expect(isConsoleWindowUrl('http://127.0.0.1:4566/federation?Action=login', [emulator])).toBe(true);
    expect(isConsoleWindowUrl('http://localhost:9000/console', [emulator, 'http://localhost:9000'])).toBe(true);
    expect(isConsoleWindowUrl('http://127.0.0.1:4566/federation')).toBe(false);
    expect(isConsoleWindowUrl('http://127.0.0.1:4567/federation', [emulator])).toBe(false);
    expect(isConsoleWindowUrl('http://localhost:4566/federation', [emulator])).toBe(false);
    expect(isConsoleWindowUrl('http://127.0.0.1/federation', [emulator])).toBe(false);
    expect(isConsoleWindowUrl('https://127.0.0.1:4566/federation', [emulator])).toBe(false);
    expect(isConsoleWindowUrl('http://user@127.0.0.1:4566/federation', [emulator])).toBe(false);
    expect(isConsoleWindowUrl('http://u:p@127.0.0.1:4566/federation', [emulator])).toBe(false);
  });

  it.each([
    ['https://console.aws.amazon.com.evil.example/', 'a look-alike with the console host as a prefix'],
    ['https://signin.aws.amazon.com.evil.example/federation', 'a look-alike with the sign-in host as a prefix'],
    ['https://evilconsole.aws.amazon.com/', 'a host that only ends like the console host'],
    ['https://evilsignin.aws.amazon.com/', 'a host that only ends like the sign-in host'],
    ['https://evilconsole.amazonaws-us-gov.com/', 'a GovCloud look-alike without the dot'],
    ['https://evilconsole.amazonaws.cn/', 'a China look-alike without the dot'],
    ['https://aws.amazon.com/', 'the parent domain'],
    ['https://amazon.com/', 'the grandparent domain'],
    ['http://console.aws.amazon.com/console/home', 'plain http to the console'],
    ['http://signin.aws.amazon.com/federation', 'plain http to sign-in'],
    ['javascript:alert(1)', 'a script URL'],
    ['file:///etc/passwd', 'a local file'],
    ['data:text/html,<script>alert(1)</script>', 'a data URL'],
    ['https://user@console.aws.amazon.com/', 'a user name in the URL'],
    ['https://user:pass@signin.aws.amazon.com/', 'credentials in the URL'],
    ['https://:pass@console.aws.amazon.com/', 'a password alone in the URL'],
    ['https://console.aws.amazon.com:8443/', 'an explicit port'],
    ['https://us-east-1.console.aws.amazon.com:444/', 'an explicit port on a regional host'],
    ['not a url', 'garbage'],
    ['', 'an empty string'],
    ['//console.aws.amazon.com/', 'a scheme-relative URL'],
    ['https://docs.aws.amazon.com/singlesignon/latest/userguide/', 'the AWS documentation'],
    ['https://d-1234567890.awsapps.com/start/', 'the access portal'],
    ['https://example.com/', 'an unrelated host'],
    ['ftp://console.aws.amazon.com/', 'another scheme'],
  ])('refuses %s (%s)', (url) => {
    expect(isConsoleWindowUrl(url)).toBe(false);
    expect(isConsoleWindowUrl(url, [emulator])).toBe(false);
  });
});
