import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';

/** One message of the Nu HTML Checker's JSON output. */
export interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  message: string;
  lastLine?: number;
  firstColumn?: number;
  extract?: string;
}

const require = createRequire(import.meta.url);

/**
 * Checks every `.html` file under the given folders with the Nu HTML Checker (npm `vnu-jar`)
 * in one Java process, and returns all of its messages.
 */
export function validateHtml(paths: string[]): Promise<VnuMessage[]> {
  const jar: string = String(require('vnu-jar'));
  const java = process.env.JAVA_PATH || 'java';
  return new Promise((resolve, reject) => {
    execFile(
      java,
      ['-jar', jar, '--format', 'json', '--skip-non-html', ...paths],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new Error(
              'Java was not found. The HTML validity tests run the Nu HTML Checker (vnu.jar): install a JRE with `sudo apt-get install default-jre-headless`, or set JAVA_PATH.',
            ),
          );
          return;
        }
        // vnu exits non-zero when it finds errors; its JSON report is on stderr either way.
        try {
          resolve((JSON.parse(stderr) as { messages: VnuMessage[] }).messages);
        } catch {
          reject(new Error(`The Nu HTML Checker did not produce a report:\n${stderr || error?.message}`));
        }
      },
    );
  });
}

/** `file:line:column message` for a failing test's output. */
export function describeMessage(message: VnuMessage, root: string): string {
  const file = message.url?.replace(/^file:/, '').replace(root, '') ?? '';
  return `${file}:${message.lastLine ?? 0}:${message.firstColumn ?? 0} ${message.message}${message.extract ? ` «${message.extract.trim()}»` : ''}`;
}
