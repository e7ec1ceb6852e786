/**
 * Which view of the renderer this page is: the window, the tray menu's panel (the browser preview shows
 * the tray menu this way) or the quick switcher. Chosen by `?view=` in the page's address.
 */
export type ViewMode = 'window' | 'tray' | 'switcher';

/** The view named by a query string such as `?view=tray`; the window for anything else. */
export function viewModeFrom(search: string): ViewMode {
  const view = new URLSearchParams(search).get('view');
  return view === 'tray' || view === 'switcher' ? view : 'window';
}

/**
 * Whether the desktop app opened this page as its own window (`&desktop` in the address): the quick
 * switcher then closes its window (main hides it), where the preview goes back to the window's view.
 */
export function inDesktopWindow(search: string): boolean {
  return new URLSearchParams(search).has('desktop');
}
