import { describe, expect, it } from 'vitest';
import { parseAllowedExternalUrl } from '../../security/external-url';
import { UserFacingError } from '../user-facing-error';
import {
  consoleDestination,
  consoleLoginUrl,
  consoleServices,
  federationEndpoint,
  parseFederationEndpoint,
  portalShortcutUrl,
} from './console-url';

describe('federationEndpoint', () => {
  it('follows the partition and region', () => {
    expect(federationEndpoint('us-east-1')).toBe('https://signin.aws.amazon.com/federation');
    expect(federationEndpoint('eu-west-2')).toBe('https://signin.aws.amazon.com/federation');
    expect(federationEndpoint('me-central-1')).toBe('https://me-central-1.signin.aws.amazon.com/federation');
    expect(federationEndpoint('ap-southeast-5')).toBe('https://ap-southeast-5.signin.aws.amazon.com/federation');
    expect(federationEndpoint('us-gov-west-1')).toBe('https://signin.amazonaws-us-gov.com/federation');
    expect(federationEndpoint('us-gov-east-1')).toBe('https://us-gov-east-1.signin.amazonaws-us-gov.com/federation');
    expect(federationEndpoint('cn-north-1')).toBe('https://signin.amazonaws.cn/federation');
  });

  it('an override replaces the endpoint entirely, and must be loopback', () => {
    expect(federationEndpoint('af-south-1', 'http://127.0.0.1:4566')).toBe('http://127.0.0.1:4566/federation');
    expect(federationEndpoint('us-east-1', 'http://localhost:8080/anything?x=1')).toBe('http://localhost:8080/federation');
    for (const bad of ['https://signin.evil.example', 'http://10.0.0.1:80', 'file:///etc/passwd', 'not a url']) {
      expect(() => federationEndpoint('us-east-1', bad), bad).toThrow(UserFacingError);
    }
  });

  it('every endpoint it builds passes the check used before sending credentials', () => {
    for (const region of ['us-east-1', 'il-central-1', 'us-gov-east-1', 'us-gov-west-1', 'cn-northwest-1']) {
      expect(parseFederationEndpoint(federationEndpoint(region)).pathname).toBe('/federation');
    }
  });

  it('the check refuses anything that is not an AWS sign-in endpoint', () => {
    const bad = [
      'http://signin.aws.amazon.com/federation',
      'https://signin.aws.amazon.com.evil.example/federation',
      'https://evil.example/federation',
      'https://evil.example.signin.aws.amazon.com/federation',
      'https://us-east-1.signin.aws.amazon.com:8443/federation',
      'https://signin.aws.amazon.com/federation?Session=x',
      'https://user@signin.aws.amazon.com/federation',
      'https://signin.aws.amazon.com/oauth',
    ];
    for (const endpoint of bad) expect(() => parseFederationEndpoint(endpoint), endpoint).toThrow(UserFacingError);
  });
});

describe('consoleDestination', () => {
  it('home and regional services in the commercial partition', () => {
    expect(consoleDestination('eu-west-1', { kind: 'home' })).toBe(
      'https://eu-west-1.console.aws.amazon.com/console/home?region=eu-west-1',
    );
    expect(consoleDestination('eu-west-1', { kind: 'service', service: 's3' })).toBe(
      'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
    );
    expect(consoleDestination('ap-east-2', { kind: 'service', service: 'ec2' })).toBe(
      'https://ap-east-2.console.aws.amazon.com/ec2/home?region=ap-east-2',
    );
    for (const service of ['cloudwatch', 'lambda', 'cloudformation'] as const) {
      expect(consoleDestination('us-west-2', { kind: 'service', service })).toBe(
        `https://us-west-2.console.aws.amazon.com/${service}/home?region=us-west-2`,
      );
    }
  });

  it('IAM and Billing are global consoles', () => {
    expect(consoleDestination('eu-west-1', { kind: 'service', service: 'iam' })).toBe('https://console.aws.amazon.com/iam/home');
    expect(consoleDestination('eu-west-1', { kind: 'service', service: 'billing' })).toBe(
      'https://console.aws.amazon.com/billing/home',
    );
    expect(consoleDestination('cn-north-1', { kind: 'service', service: 'iam' })).toBe('https://console.amazonaws.cn/iam/home');
  });

  it('GovCloud and China use their partition console with the region in the query', () => {
    expect(consoleDestination('us-gov-east-1', { kind: 'home' })).toBe(
      'https://console.amazonaws-us-gov.com/console/home?region=us-gov-east-1',
    );
    expect(consoleDestination('cn-northwest-1', { kind: 'service', service: 'lambda' })).toBe(
      'https://console.amazonaws.cn/lambda/home?region=cn-northwest-1',
    );
  });

  it('every destination is a URL the external opener accepts', () => {
    for (const region of ['us-east-1', 'il-central-1', 'us-gov-west-1', 'cn-north-1']) {
      for (const service of consoleServices) {
        const url = consoleDestination(region, { kind: 'service', service });
        expect(parseAllowedExternalUrl(url), url).not.toBeNull();
      }
    }
  });

  it('a free path lands on the console host', () => {
    expect(consoleDestination('eu-west-1', { kind: 'path', path: '/rds/home?region=eu-west-1#databases:' })).toBe(
      'https://eu-west-1.console.aws.amazon.com/rds/home?region=eu-west-1#databases:',
    );
    expect(consoleDestination('us-east-1', { kind: 'path', path: '/lambda/home#/functions?a=b//c' })).toBe(
      'https://us-east-1.console.aws.amazon.com/lambda/home#/functions?a=b//c',
    );
  });

  it('a free path that is not a path is refused', () => {
    const bad = [
      'https://evil.example/', '//evil.example/x', 'evil.example', '', 'rds/home', '/\\evil.example', '/a//b',
      '/ec2/home\n', '/ec2 home', '@evil.example', 'javascript:alert(1)', '/x\u0000',
    ];
    for (const path of bad) {
      expect(() => consoleDestination('us-east-1', { kind: 'path', path }), JSON.stringify(path)).toThrow(UserFacingError);
    }
  });

  it('refuses a region that is not one', () => {
    expect(() => consoleDestination('evil.example/', { kind: 'home' })).toThrow(UserFacingError);
  });
});

describe('consoleLoginUrl', () => {
  it('builds Action=login with the parameters URL-encoded, in the documented order', () => {
    const url = consoleLoginUrl({
      endpoint: 'https://signin.aws.amazon.com/federation',
      signinToken: 'tok+en/with=chars',
      destination: 'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1',
      issuer: 'Rolecall',
    });
    expect(url).toBe(
      'https://signin.aws.amazon.com/federation?Action=login&Issuer=Rolecall' +
        '&Destination=https%3A%2F%2Feu-west-1.console.aws.amazon.com%2Fs3%2Fhome%3Fregion%3Deu-west-1' +
        '&SigninToken=tok%2Ben%2Fwith%3Dchars',
    );
    const parsed = new URL(url);
    expect(parsed.searchParams.get('SigninToken')).toBe('tok+en/with=chars');
    expect(parsed.searchParams.get('Destination')).toBe('https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1');
  });

  it('refuses a foreign endpoint or a non-https destination', () => {
    const input = { endpoint: 'https://signin.aws.amazon.com/federation', signinToken: 't', destination: 'https://x.console.aws.amazon.com/', issuer: 'i' };
    expect(() => consoleLoginUrl({ ...input, endpoint: 'https://evil.example/federation' })).toThrow(UserFacingError);
    expect(() => consoleLoginUrl({ ...input, destination: 'http://console.aws.amazon.com/' })).toThrow(UserFacingError);
    expect(() => consoleLoginUrl({ ...input, destination: 'javascript:alert(1)' })).toThrow(UserFacingError);
  });
});

describe('portalShortcutUrl', () => {
  const destination = 'https://us-east-1.console.aws.amazon.com/ec2/home?region=us-east-1';
  const expected =
    'https://d-1234567890.awsapps.com/start/#/console?account_id=427812963091&role_name=AWSAdministratorAccess' +
    '&destination=https%3A%2F%2Fus-east-1.console.aws.amazon.com%2Fec2%2Fhome%3Fregion%3Dus-east-1';

  it('matches the shape AWS "Create shortcut" builds, whatever the start URL ends with', () => {
    for (const start of [
      'https://d-1234567890.awsapps.com/start',
      'https://d-1234567890.awsapps.com/start/',
      'https://d-1234567890.awsapps.com/start/#/',
      'https://d-1234567890.awsapps.com/start#/',
      'https://d-1234567890.awsapps.com/start//#/?x',
    ]) {
      expect(portalShortcutUrl(start, '427812963091', 'AWSAdministratorAccess', destination), start).toBe(expected);
    }
  });

  it('leaves out the role and destination when not given, and encodes permission-set names', () => {
    expect(portalShortcutUrl('https://my.awsapps.com/start', '111111111111')).toBe(
      'https://my.awsapps.com/start/#/console?account_id=111111111111',
    );
    expect(portalShortcutUrl('https://my.awsapps.com/start', '111111111111', 'Ops+Admin@team=1,2')).toBe(
      'https://my.awsapps.com/start/#/console?account_id=111111111111&role_name=Ops%2BAdmin%40team%3D1%2C2',
    );
  });

  it('refuses what it must not open', () => {
    expect(() => portalShortcutUrl('http://my.awsapps.com/start', '111111111111')).toThrow(UserFacingError);
    expect(() => portalShortcutUrl('https://u:p@my.awsapps.com/start', '111111111111')).toThrow(UserFacingError);
    expect(() => portalShortcutUrl('https://my.awsapps.com/start', '1111&x=1')).toThrow(UserFacingError);
    expect(() => portalShortcutUrl('https://my.awsapps.com/start', '111111111111', 'R', 'javascript:x')).toThrow(UserFacingError);
  });
});
