/**
 * Which browser opens Rolecall's sign-in pages and consoles for an instance.
 *
 * `system` is the desktop's default browser. `installed` is one of the browsers Rolecall found on this
 * machine, optionally in one of its profiles. `executable` is a program the person picked with the main
 * process's own file dialog (the window never sends a path to run).
 */
import { z } from 'zod';

/** The browsers Rolecall knows how to find and to open in a profile. */
export const BROWSER_IDS = ['chrome', 'chromium', 'edge', 'brave', 'firefox'] as const;
export type BrowserId = (typeof BROWSER_IDS)[number];

/** A browser profile's folder name (`Profile 1`, or Firefox's profile name): one argument, never an option. */
export const browserProfileSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^-\p{Cc}][^\p{Cc}]*$/u, 'A profile name cannot start with "-" or hold control characters.');

export const browserChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('system') }),
  z.strictObject({ kind: z.literal('installed'), id: z.enum(BROWSER_IDS), profile: browserProfileSchema.optional() }),
  z.strictObject({ kind: z.literal('executable'), path: z.string().min(1).max(4096) }),
]);
export type BrowserChoice = z.infer<typeof browserChoiceSchema>;

/** The choice the window may send: an executable is chosen in main's file dialog, never sent as a path. */
export const requestedBrowserChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('system') }),
  z.strictObject({ kind: z.literal('installed'), id: z.enum(BROWSER_IDS), profile: browserProfileSchema.optional() }),
]);
export type RequestedBrowserChoice = z.infer<typeof requestedBrowserChoiceSchema>;

/** A browser found on this machine, with its profiles, for the window's picker (no paths it could run). */
export interface FoundBrowser {
  readonly id: BrowserId;
  readonly name: string;
  readonly profiles: readonly { readonly directory: string; readonly name: string }[];
}
