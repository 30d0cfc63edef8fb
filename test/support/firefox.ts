/**
 * Debian's Firefox ESR as the browser tests launch it (puppeteer-core over
 * WebDriver BiDi, no downloaded browser).
 */

/** `apt-get install firefox-esr` puts it here; `FIREFOX_PATH` picks another. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Keeps Firefox's own background traffic (updates, telemetry, remote settings) off a network this machine does not have. */
export const OFFLINE_FIREFOX_PREFS: Readonly<Record<string, unknown>> = {
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'extensions.getAddons.cache.enabled': false,
  'extensions.update.enabled': false,
  'messaging-system.rsexperimentloader.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'services.settings.server': 'data:,',
  'toolkit.telemetry.enabled': false,
};
