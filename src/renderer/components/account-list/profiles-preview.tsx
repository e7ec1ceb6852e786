import type { ProfileChange, ProfilesPreview } from '../../../shared/profiles';

const SHOWN = 40;

/** What "Generate profiles for all" would change: counts, the names, and the block as it will be written. */
export function ProfilesPreviewView({ preview }: { readonly preview: ProfilesPreview }) {
  const { added, removed, renamed, changed, unchanged, skipped } = preview;
  return (
    <div className="profiles-preview" role="region" aria-label="Preview of the generated profiles">
      <p>
        <strong>{preview.total}</strong> profiles: {added.length} added, {removed.length} removed, {renamed.length} renamed, {changed.length} changed, {unchanged} unchanged
        {skipped.length > 0 && `, ${skipped.length} already in your config`}.
      </p>
      <ChangeList title="Added" items={added.map(describe)} />
      <ChangeList title="Removed" items={removed.map((p) => p.name)} />
      <ChangeList title="Renamed" items={renamed.map((p) => `${p.from} → ${p.name}`)} />
      <ChangeList title="Changed" items={changed.map(describe)} />
      <details>
        <summary>The block as it will be written</summary>
        <pre className="config-excerpt">{preview.blockText}</pre>
      </details>
    </div>
  );
}

function describe(change: ProfileChange): string {
  return `${change.name} (${change.accountName || change.accountId} · ${change.roleName})`;
}

function ChangeList({ title, items }: { readonly title: string; readonly items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <details open={items.length <= 8}>
      <summary>
        {title} ({items.length})
      </summary>
      <ul className="change-list mono">
        {items.slice(0, SHOWN).map((item) => (
          <li key={item}>{item}</li>
        ))}
        {items.length > SHOWN && <li className="muted">…and {items.length - SHOWN} more</li>}
      </ul>
    </details>
  );
}
