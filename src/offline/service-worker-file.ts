/** The service worker's file name, at the base path (its scope is the whole site). */
export const SERVICE_WORKER_FILE = 'sw.js';
