// Starts the sayso WebAssembly app. A separate file because the page's Content-Security-Policy
// allows no inline script; Trunk's `pattern_script` (Trunk.toml) puts the hashed file names on
// the <script id="sayso-boot"> tag that loads this module.
const boot = document.getElementById("sayso-boot");
const { default: init } = await import(boot.dataset.js);
await init({ module_or_path: boot.dataset.wasm });
