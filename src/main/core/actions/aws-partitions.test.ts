import { describe, expect, it } from 'vitest';
import { awsRegions } from '../../../shared/aws-regions.generated';
import { UserFacingError } from '../user-facing-error';
import {
  consolePartitionOf,
  defaultEnabledRegions,
  federationHost,
  globalConsoleOrigin,
  isOptInRegion,
  isRegionName,
  partitionOf,
  regionalConsoleOrigin,
} from './aws-partitions';

describe('partitions and opt-in regions', () => {
  it('knows every region in the SDK metadata, and the naming rules for newer ones', () => {
    for (const region of awsRegions) expect(partitionOf(region.id)).toBe(region.partition);
    expect(partitionOf('ap-northeast-9')).toBe('aws');
    expect(partitionOf('us-gov-central-1')).toBe('aws-us-gov');
    expect(partitionOf('cn-south-1')).toBe('aws-cn');
    expect(partitionOf('zz-nowhere-1')).toBeUndefined();
  });

  it('every default-enabled region is a commercial region the SDK knows', () => {
    for (const region of defaultEnabledRegions) expect(partitionOf(region)).toBe('aws');
  });

  it('treats the regions launched since March 2019 as opt-in, and new ones too', () => {
    const optIn = [
      'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
      'ap-southeast-6', 'ap-southeast-7', 'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1',
      'me-central-1', 'me-south-1', 'mx-central-1',
    ];
    for (const region of optIn) expect(isOptInRegion(region), region).toBe(true);
    expect(isOptInRegion('ap-northeast-9')).toBe(true);
    for (const region of ['us-east-1', 'eu-west-1', 'ap-northeast-3', 'sa-east-1']) expect(isOptInRegion(region)).toBe(false);
    expect(isOptInRegion('us-gov-east-1')).toBe(false);
  });

  it('accepts only plain region ids', () => {
    for (const good of ['us-east-1', 'us-gov-west-1', 'eusc-de-east-1', 'ap-southeast-7']) expect(isRegionName(good)).toBe(true);
    for (const bad of ['', 'US-EAST-1', 'us-east-1.evil.example', 'evil.example/', 'us-east-1 ', 'x@y-z-1', 'us-east']) {
      expect(isRegionName(bad), bad).toBe(false);
    }
  });

  it('refuses partitions without a console sign-in, and non-regions, with a message for a person', () => {
    expect(consolePartitionOf('us-gov-east-1')).toBe('aws-us-gov');
    expect(() => consolePartitionOf('us-iso-east-1')).toThrow(UserFacingError);
    expect(() => consolePartitionOf('eusc-de-east-1')).toThrow(/cannot open the console/);
    expect(() => consolePartitionOf('signin.evil.example')).toThrow(/not an AWS region name/);
  });
});

describe('hosts', () => {
  it('federation hosts per partition and region', () => {
    expect(federationHost('us-east-1')).toBe('signin.aws.amazon.com');
    expect(federationHost('eu-central-1')).toBe('signin.aws.amazon.com');
    expect(federationHost('af-south-1')).toBe('af-south-1.signin.aws.amazon.com');
    expect(federationHost('us-gov-west-1')).toBe('signin.amazonaws-us-gov.com');
    expect(federationHost('us-gov-east-1')).toBe('us-gov-east-1.signin.amazonaws-us-gov.com');
    expect(federationHost('cn-north-1')).toBe('signin.amazonaws.cn');
    expect(federationHost('cn-northwest-1')).toBe('signin.amazonaws.cn');
  });

  it('console origins per partition', () => {
    expect(regionalConsoleOrigin('eu-west-1')).toBe('https://eu-west-1.console.aws.amazon.com');
    expect(regionalConsoleOrigin('us-gov-west-1')).toBe('https://console.amazonaws-us-gov.com');
    expect(regionalConsoleOrigin('cn-north-1')).toBe('https://console.amazonaws.cn');
    expect(globalConsoleOrigin('ap-south-2')).toBe('https://console.aws.amazon.com');
    expect(globalConsoleOrigin('us-gov-east-1')).toBe('https://console.amazonaws-us-gov.com');
    expect(globalConsoleOrigin('cn-northwest-1')).toBe('https://console.amazonaws.cn');
  });
});
