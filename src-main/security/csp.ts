// The station's Content Security Policy: nothing remote, no inline script, no eval. WebAssembly
// compilation is allowed because the label preview and barcode decoder are WebAssembly.
// Used for Electron's response headers, the web host's headers and the index.html meta tag.
export const STATION_CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');
