// Starts the sayso WebAssembly app. A separate file because the page's Content-Security-Policy
// allows no inline script; Trunk's `pattern_script` (Trunk.toml) puts the hashed file names on
// the <script id="sayso-boot"> tag that loads this module.
const boot = document.getElementById("sayso-boot");
const bindings = await import(boot.dataset.js);
await bindings.default({ module_or_path: boot.dataset.wasm });
// The engine for the console and other scripts: sayso.analyze(text) returns the report that
// `sayso-cli analyze` prints (src/web/api.rs).
window.sayso = Object.freeze({ analyze: bindings.analyze });
