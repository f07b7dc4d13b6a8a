import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

/** Converts a file with LibreOffice without a window, with a profile of its own so that runs do not collide. */
export function soffice(format: string, file: string, outdir: string, profile: string): void {
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      outdir,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
}

export function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'pipe', timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}
