/**
 * What a click in the tray panel does: each intent of the tray model maps onto one request.
 */
import type { RendererApi } from '../shared/ipc-contract';
import type { TrayIntent } from '../shared/tray-menu';

/** Where the panel sends the person for "Open Rolecall" (the window's own view in the preview). */
export interface TrayNavigation {
  openWindow(): void;
}

/** Runs one intent; failures come back as notices from main, so nothing is thrown here. */
export async function runTrayIntent(api: RendererApi, intent: TrayIntent, navigation: TrayNavigation): Promise<void> {
  switch (intent.kind) {
    case 'openConsole':
      await api.openConsole(intent.role);
      return;
    case 'copyCredentials':
      await api.copyCredentials(intent.role);
      return;
    case 'useInTerminal':
      await api.useProfile(intent.role);
      return;
    case 'signIn':
      await api.signIn({ id: intent.instanceId });
      return;
    case 'openWindow':
      navigation.openWindow();
      return;
    case 'quit':
      // The preview has no app of its own to quit; the Electron shell handles Quit natively.
      return;
  }
}
