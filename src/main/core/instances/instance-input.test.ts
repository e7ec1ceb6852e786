import { describe, expect, it } from 'vitest';
import { deriveSessionName, validateInstanceInput, type InstanceInput } from '../../../shared/instance-input';

const good: InstanceInput = {
  startUrl: 'https://d-1234567890.awsapps.com/start',
  region: 'us-east-1',
  sessionName: 'my-sso',
  tokenStorage: 'aws-cli',
};

describe('validateInstanceInput', () => {
  it('accepts a good instance', () => {
    expect(validateInstanceInput(good, [])).toEqual({});
  });

  it.each([
    ['http://d-1234567890.awsapps.com/start', /must begin with https:\/\//],
    ['d-1234567890.awsapps.com/start', /not a URL/],
    ['', /Enter your AWS access portal URL/],
    ['https://user:pw@d-1.awsapps.com/start', /user name or password/],
  ])('explains a bad start URL %j', (startUrl, message) => {
    expect(validateInstanceInput({ ...good, startUrl }, []).startUrl).toMatch(message);
  });

  it('refuses a region the SDK does not know', () => {
    expect(validateInstanceInput({ ...good, region: 'us-middle-9' }, []).region).toBe('“us-middle-9” is not an AWS region. Choose one from the list.');
    expect(validateInstanceInput({ ...good, region: 'cn-north-1' }, []).region).toBeUndefined();
  });

  it.each(['has space', 'a]b', 'new\nline', 'x'.repeat(65), ''])('refuses the session name %j', (sessionName) => {
    expect(validateInstanceInput({ ...good, sessionName }, []).sessionName).toBeDefined();
  });

  it('refuses a name or start URL that is already added', () => {
    const existing = [{ sessionName: 'my-sso', startUrl: 'https://d-1234567890.awsapps.com/start' }];
    expect(validateInstanceInput(good, existing)).toEqual({
      startUrl: 'This start URL is already added as “my-sso”.',
      sessionName: 'You already have an instance named “my-sso”. Choose another name.',
    });
  });
});

describe('deriveSessionName', () => {
  it.each([
    ['https://d-1234567890.awsapps.com/start', 'd-1234567890'],
    ['https://mycompany.awsapps.com/start/#/', 'mycompany'],
    ['https://ssoins-1234.portal.us-east-1.app.aws/', 'ssoins-1234'],
    ['https://sso.example.org/start', 'sso.example.org'],
    ['not a url', ''],
  ])('%s → %s', (url, name) => {
    expect(deriveSessionName(url)).toBe(name);
  });
});
