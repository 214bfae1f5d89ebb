import { SingleBar } from 'cli-progress';

/**
 * A progress bar on stderr, so stdout stays clean for data (export, reports). Without a TTY
 * (CI, pipes) it prints a line every few seconds instead of redrawing.
 */
export const progressBar = (label: string, unit: string) =>
  new SingleBar({
    format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {duration_formatted} elapsed, ETA {eta_formatted}`,
    stream: process.stderr,
    noTTYOutput: true,
    notTTYSchedule: 5000,
    hideCursor: true,
    etaBuffer: 50,
  });
