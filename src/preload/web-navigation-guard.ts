/**
 * SECURITY: in the browser preview, cancels navigation away from the app, as `will-navigate` does in
 * Electron (checklist 13). `window.open` is blocked by the preview's CSP `sandbox` directive.
 */

interface NavigateEvent extends Event {
  readonly destination: { readonly url: string };
  readonly cancelable: boolean;
}

interface NavigationTarget {
  addEventListener(type: 'navigate', listener: (event: NavigateEvent) => void): void;
}

/** Cancels every navigation whose destination is not on `appOrigin`. */
export function guardNavigation(appOrigin: string): void {
  const navigation = (window as unknown as { navigation?: NavigationTarget }).navigation;
  navigation?.addEventListener('navigate', (event) => {
    if (new URL(event.destination.url).origin !== appOrigin && event.cancelable) event.preventDefault();
  });
}
