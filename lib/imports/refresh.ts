/** The daily check of the dataset URL (chrome.alarms: survives worker restarts and browser restarts). */

export const REFRESH_ALARM = 'refresh-dataset';
export const REFRESH_PERIOD_MINUTES = 24 * 60;
