/** The portal's stylesheet, inlined in every page so the server has no static files to serve. */
export const PORTAL_CSS = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f3f5f8;color:#1d2733}
header.topbar{display:flex;align-items:center;gap:10px;padding:12px 24px;background:#0f2b46;color:#fff}
.mark{display:inline-grid;place-items:center;width:30px;height:30px;border-radius:8px;background:#2bb3a3;font-weight:700}
.brand{font-weight:600;letter-spacing:.2px}
.brand .sep{opacity:.6;margin:0 6px}
main{max-width:560px;margin:40px auto;padding:28px 32px;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(15,43,70,.08)}
main.wide{max-width:900px}
h1{font-size:22px;margin:0 0 18px}
label{display:block;font-weight:600;margin:14px 0 6px}
select{display:block;padding:8px 10px;border:1px solid #c6cfd9;border-radius:8px;font-size:15px;background:#fff}
input[type=text],input[type=email],input[type=password]{width:100%;padding:10px 12px;border:1px solid #c6cfd9;border-radius:8px;font-size:15px}
input:focus{outline:2px solid #2bb3a3;border-color:#2bb3a3}
button,.button{display:inline-block;margin-top:18px;padding:10px 18px;border:0;border-radius:8px;background:#1a73c9;color:#fff;font-size:15px;cursor:pointer;text-decoration:none}
button.secondary{background:#e7edf3;color:#1d2733}
button:disabled{background:#d7dde3;color:#7b8794;cursor:not-allowed}
.error{padding:10px 12px;border-radius:8px;background:#fdecec;color:#a11a1a;border:1px solid #f5c2c2}
.notice{padding:10px 12px;border-radius:8px;background:#e8f6f3;color:#14594f;border:1px solid #bfe6de}
.digits{display:flex;gap:8px;margin-top:8px}
.digits input{width:46px;height:54px;text-align:center;font-size:24px;border:1px solid #c6cfd9;border-radius:8px}
.qr{display:block;margin:16px auto 8px;width:220px;height:220px;image-rendering:pixelated}
.totp-key{display:block;text-align:center;font:600 18px/1.6 ui-monospace,Menlo,Consolas,monospace;letter-spacing:1px}
.methods{display:grid;gap:10px}
.methods button{width:100%;text-align:left;margin:0}
table{width:100%;border-collapse:collapse}
th,td{text-align:left;padding:8px;border-bottom:1px solid #e3e8ee;vertical-align:middle}
td form{margin:0}td button{margin:0}
.badge{display:inline-block;white-space:nowrap;padding:2px 8px;border-radius:10px;font-size:12px;background:#e7edf3}
.badge.on{background:#d9f2ec;color:#14594f}.badge.locked{background:#fdecec;color:#a11a1a}
.mail{border:1px solid #e3e8ee;border-radius:8px;padding:12px 16px;margin:12px 0}
.muted{color:#5b6b7b;font-size:13px}
.key-label{text-align:center;margin-bottom:0}
`;
