/**
 * Styles of in-page panels, light and dark following the user's theme. Written compactly: it is part of the
 * always-on content script, which every page loads.
 */
export const PANEL_CSS = `.panel{box-sizing:border-box;width:320px;padding:12px 14px;border-radius:10px;font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;letter-spacing:normal;word-spacing:normal;color:#1d2433;background:#fff;border:1px solid #d0d7e2;box-shadow:0 6px 24px rgba(15,23,42,.18)}
.panel.compact{width:240px}
.brand{margin:0 0 6px;font-weight:600;font-size:12px;color:#2f5bd3;letter-spacing:.02em}
.text{margin:0 0 10px}
.muted{margin:0 0 10px;color:#5b6578;font-size:12px}
.row{display:flex;gap:8px;justify-content:flex-end;flex-wrap:wrap}
.list{display:flex;flex-direction:column;gap:6px;margin-bottom:10px}
.list button{text-align:start}
button{font:inherit;padding:6px 12px;border-radius:6px;border:1px solid #c4ccd8;background:#f4f6fa;color:inherit;cursor:pointer}
button:focus-visible{outline:2px solid #2f5bd3;outline-offset:2px}
button.primary{background:#2f5bd3;border-color:#2f5bd3;color:#fff}
@media (prefers-color-scheme:dark){
.panel{color:#e6e9ef;background:#1f2430;border-color:#3a4252;box-shadow:0 6px 24px rgba(0,0,0,.5)}
.brand{color:#8fb0ff}
.muted{color:#a4adbd}
button{background:#2a3140;border-color:#465066}
button.primary{background:#2f5bd3;border-color:#6f8ff0}
}`;
