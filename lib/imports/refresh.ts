/** The extension's alarms (chrome.alarms: they survive worker restarts and browser restarts). */

export const REFRESH_ALARM = 'refresh-dataset';
export const REFRESH_PERIOD_MINUTES = 24 * 60;
