/**
 * Describes the running app for the About line.
 */
import type { AppInfo } from '../../shared/snapshot';

/** Builds the app info from the version and the platform it runs on. */
export function describeApp(version: string, platform: string, arch: string): AppInfo {
  return { name: 'Rolecall', version, platform: `${platform} ${arch}` };
}
