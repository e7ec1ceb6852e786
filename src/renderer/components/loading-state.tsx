/** Shown for the moment before the first snapshot arrives. */
export function LoadingState() {
  return (
    <div className="loading-state" role="status" aria-live="polite">
      Starting Rolecall…
    </div>
  );
}
