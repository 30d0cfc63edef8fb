/**
 * Debian's Chromium as the browser tests and the bench launch it (playwright-core,
 * no downloaded browser). The flags keep it off the network this machine does not have.
 */

/** `apt-get install chromium` puts it here; `CHROMIUM_PATH` picks another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** New headless mode (the one that runs extensions), no sandbox (root in CI), and no background traffic. */
export const HEADLESS_CHROMIUM_ARGS: readonly string[] = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
