/**
 * Which AWS partition a region belongs to, and the sign-in and console hosts of the partitions that have a
 * public console (reference §4.1).
 */
import { awsRegions } from '../../../shared/aws-regions.generated';
import { UserFacingError } from '../user-facing-error';

/** The partitions whose console Rolecall can sign in to. */
export type ConsolePartition = 'aws' | 'aws-us-gov' | 'aws-cn';

/** The sign-in and console hosts of one partition. */
export interface PartitionHosts {
  /** The global federation host, e.g. `signin.aws.amazon.com`. */
  readonly signin: string;
  /** The global console host, e.g. `console.aws.amazon.com`. */
  readonly console: string;
}

/** The hosts of each console partition. */
export const partitionHosts: Readonly<Record<ConsolePartition, PartitionHosts>> = {
  aws: { signin: 'signin.aws.amazon.com', console: 'console.aws.amazon.com' },
  'aws-us-gov': { signin: 'signin.amazonaws-us-gov.com', console: 'console.amazonaws-us-gov.com' },
  'aws-cn': { signin: 'signin.amazonaws.cn', console: 'console.amazonaws.cn' },
};

/**
 * The commercial regions that are enabled in every account: the ones AWS launched before 20 March 2019.
 *
 * The SDK's region metadata (`aws-regions.generated.ts`) does not say which regions are opt-in, so the
 * list is kept here. It is the stable side of the split: AWS has made every region launched since then
 * opt-in, so listing the closed default set means a region new to the SDK is treated as opt-in (and gets
 * its regional sign-in host, which works for every region) rather than wrongly sent to the global host,
 * which refuses sign-ins to regions that need their regional domain.
 */
export const defaultEnabledRegions: ReadonlySet<string> = new Set([
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1',
]);

// SECURITY: the region becomes part of a host name, so it must be a plain region id and nothing else
// (`evil.example/`, `x@y` or a dot would change which host receives the credentials).
const regionPattern = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

/** Whether the text is shaped like an AWS region id (`us-east-1`, `us-gov-west-1`, `eusc-de-east-1`). */
export function isRegionName(text: string): boolean {
  return regionPattern.test(text);
}

// The SDK's partition regexes, for regions newer than the generated metadata.
const partitionPatterns: readonly (readonly [RegExp, string])[] = [
  [/^us-gov-\w+-\d+$/, 'aws-us-gov'],
  [/^cn-\w+-\d+$/, 'aws-cn'],
  [/^us-iso-\w+-\d+$/, 'aws-iso'],
  [/^us-isob-\w+-\d+$/, 'aws-iso-b'],
  [/^us-isof-\w+-\d+$/, 'aws-iso-f'],
  [/^eu-isoe-\w+-\d+$/, 'aws-iso-e'],
  [/^eusc-\w+-\w+-\d+$/, 'aws-eusc'],
  [/^(us|eu|ap|sa|ca|me|af|il|mx)-\w+-\d+$/, 'aws'],
];

/** The partition of a region: from the SDK's metadata, else by the SDK's naming rules; `undefined` if neither knows it. */
export function partitionOf(region: string): string | undefined {
  const known = awsRegions.find((r) => r.id === region);
  if (known !== undefined) return known.partition;
  return partitionPatterns.find(([pattern]) => pattern.test(region))?.[1];
}

function isConsolePartition(partition: string | undefined): partition is ConsolePartition {
  return partition === 'aws' || partition === 'aws-us-gov' || partition === 'aws-cn';
}

/**
 * The console partition of a region, or a `UserFacingError` saying why there is none.
 *
 * ISO partitions and the European Sovereign Cloud have no public console federation endpoint that
 * Rolecall could reach (reference §4.1: "not yet available"), so they are refused rather than guessed.
 */
export function consolePartitionOf(region: string): ConsolePartition {
  if (!isRegionName(region)) {
    throw new UserFacingError(`"${region}" is not an AWS region name. Choose a region such as us-east-1.`);
  }
  const partition = partitionOf(region);
  if (!isConsolePartition(partition)) {
    throw new UserFacingError(
      `Rolecall cannot open the console for ${region}: its partition has no console sign-in Rolecall can use. Choose another region.`,
    );
  }
  return partition;
}

/** Whether a commercial region needs its regional sign-in host (it is opt-in). */
export function isOptInRegion(region: string): boolean {
  return partitionOf(region) === 'aws' && !defaultEnabledRegions.has(region);
}

/** The federation host for a region: global, or regional where the partition requires it. */
export function federationHost(region: string): string {
  const partition = consolePartitionOf(region);
  const { signin } = partitionHosts[partition];
  switch (partition) {
    case 'aws':
      return isOptInRegion(region) ? `${region}.${signin}` : signin;
    case 'aws-us-gov':
      // us-gov-west-1 is served by the partition's global host; the other GovCloud regions by their own.
      return region === 'us-gov-west-1' ? signin : `${region}.${signin}`;
    case 'aws-cn':
      return signin;
  }
}

/** The origin of the console in a region, e.g. `https://eu-west-1.console.aws.amazon.com`. */
export function regionalConsoleOrigin(region: string): string {
  const partition = consolePartitionOf(region);
  const host = partitionHosts[partition].console;
  // Only the commercial partition has per-region console hosts; GovCloud and China pick the region by query.
  return partition === 'aws' ? `https://${region}.${host}` : `https://${host}`;
}

/** The origin of the partition's global console (IAM, Billing), e.g. `https://console.aws.amazon.com`. */
export function globalConsoleOrigin(region: string): string {
  return `https://${partitionHosts[consolePartitionOf(region)].console}`;
}
