import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { STATION_CSP } from '../security/csp';
import { installNavigationGuards, isAppUrl, stationWindowOptions } from './window-options';

describe('the packing station window is locked down', () => {
  it('isolates the renderer: context isolation, sandbox, no Node, web security on', () => {
    const prefs = stationWindowOptions('/app/out/preload/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('has a CSP that allows nothing remote, no inline script and no eval', () => {
    const directives = new Map(
      STATION_CSP.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(STATION_CSP).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|\*/);
  });

  it('blocks navigation away from the app and every new window', () => {
    const contents = new EventEmitter() as EventEmitter & {
      setWindowOpenHandler(h: () => { action: string }): void;
    };
    let openHandler: (() => { action: string }) | undefined;
    contents.setWindowOpenHandler = (h) => (openHandler = h);
    installNavigationGuards(contents as never, 'file://');

    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://attacker.example/')).toBe(true);
    expect(navigate('file:///app/out/renderer/index.html')).toBe(false);

    let webviewPrevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });

  it('treats only the dev server origin as the app in development', () => {
    expect(isAppUrl('http://localhost:5173/picking', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('not a url', 'file://')).toBe(false);
  });
});
