/** The stylesheet for every emulator page, served at `/assets/emulator.css` (CSP forbids inline styles). */
export const STYLESHEET = `
:root {
  --ink: #16191f; --muted: #5f6b7a; --line: #d5dbdb; --bg: #f2f3f3; --card: #ffffff;
  --accent: #0972d3; --accent-dark: #065299; --accent-soft: #f1f7fd; --top: #232f3e;
  --ok: #037f0c; --ok-soft: #e9f6ea; --bad: #d91515; --bad-soft: #fdf0f0; --info-soft: #eef2f6;
  color-scheme: light;
}
* { box-sizing: border-box; }
html, body { margin: 0; }
body {
  min-height: 100vh; display: flex; flex-direction: column; background: var(--bg); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
code, .code, .code-input, .snippet { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; }
.topbar {
  display: flex; align-items: center; justify-content: space-between; padding: 12px 24px;
  background: var(--top); color: #fff;
}
.brand { display: flex; align-items: center; gap: 10px; font-weight: 600; letter-spacing: .01em; }
.brand .muted { color: #aab7b8; font-weight: 400; }
.logo {
  width: 22px; height: 22px; border-radius: 6px;
  background: linear-gradient(135deg, #ff9900 0%, #ff9900 45%, #ec7211 46%, #ec7211 100%);
  box-shadow: inset 0 0 0 2px rgba(255,255,255,.18);
}
.badge {
  display: inline-flex; align-items: center; line-height: 1; font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .08em; padding: 3px 8px;
  border: 1px solid #5f6b7a; border-radius: 999px; color: #d1d5db;
}
.shell { flex: 1; display: flex; align-items: flex-start; justify-content: center; padding: 56px 16px 32px; }
.card {
  width: 100%; max-width: 440px; background: var(--card); border-radius: 16px; padding: 32px;
  box-shadow: 0 1px 2px rgba(0,7,22,.08), 0 8px 24px rgba(0,7,22,.08); border: 1px solid #e9ebed;
}
.card.wide { max-width: 600px; }
.eyebrow { margin: 0 0 6px; font-size: 12px; font-weight: 700; text-transform: uppercase; letter-spacing: .08em; color: var(--accent); }
h1 { margin: 0 0 10px; font-size: 26px; line-height: 1.2; font-weight: 700; }
.lead { margin: 0 0 22px; color: var(--muted); overflow-wrap: anywhere; }
.lead strong { color: var(--ink); font-weight: 600; }
.label { display: block; margin: 0 0 6px; font-size: 13px; font-weight: 600; color: var(--muted); }
.hint { color: var(--muted); font-size: 13px; overflow-wrap: anywhere; }
.code {
  margin: 0 0 22px; padding: 18px 12px; text-align: center; font-size: 34px; font-weight: 700;
  letter-spacing: .14em; color: var(--ink); background: var(--accent-soft); border: 2px dashed #9ec5ee;
  border-radius: 12px;
}
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 0 0 26px; font-size: 14px; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.actions { display: flex; gap: 12px; justify-content: flex-end; }
.actions .button { flex: 1; }
.stack { display: flex; flex-direction: column; gap: 4px; }
.button {
  appearance: none; border-radius: 999px; padding: 11px 20px; font: inherit; font-weight: 700; cursor: pointer;
  border: 2px solid transparent; transition: background-color .15s, border-color .15s, box-shadow .15s;
}
.button.block { width: 100%; margin-top: 14px; }
.button.primary { background: var(--accent); color: #fff; }
.button.primary:hover { background: var(--accent-dark); }
.button.secondary { background: #fff; color: var(--accent); border-color: var(--accent); }
.button.secondary:hover { background: var(--accent-soft); }
.button:focus-visible, .code-input:focus-visible { outline: none; box-shadow: 0 0 0 3px rgba(9,114,211,.35); }
.code-input {
  width: 100%; padding: 12px 14px; font-size: 22px; letter-spacing: .12em; text-transform: uppercase;
  border: 2px solid var(--line); border-radius: 10px; color: var(--ink);
}
.code-input:focus { border-color: var(--accent); }
.alert { margin: 0 0 16px; padding: 10px 14px; border-radius: 10px; background: var(--bad-soft); color: var(--bad); font-weight: 600; }
.status {
  width: 52px; height: 52px; border-radius: 50%; display: grid; place-items: center; margin: 0 0 18px;
  font-size: 26px; font-weight: 800;
}
.status-success { background: var(--ok-soft); color: var(--ok); }
.status-error { background: var(--bad-soft); color: var(--bad); }
.status-info { background: var(--info-soft); color: var(--accent); }
.scopes { margin: 0 0 18px; padding-left: 20px; }
.snippet {
  margin: 0; padding: 14px 16px; border-radius: 10px; background: #0f1b2a; color: #e6edf3; font-size: 13px;
  overflow-x: auto; white-space: pre;
}
.detail { margin: 0 0 8px; padding: 12px 14px; border-radius: 10px; background: var(--info-soft); overflow-wrap: anywhere; }
.footer {
  display: flex; flex-direction: column; align-items: center; gap: 2px; padding: 18px 16px 26px;
  color: var(--muted); font-size: 12px; text-align: center; overflow-wrap: anywhere;
}
a { color: var(--accent); }
.nowrap { white-space: nowrap; }
`;
