/**
 * Holds back the loading of the whole project while the researcher waits for a coding change to
 * be written: the load's reads wait until every hold is released, so that the change's few reads
 * and writes are not each kept waiting behind the parsing of other transcripts. A hold ends by
 * itself after a while, so that a change waiting long for a lock does not stop the load.
 */
export class LoadingHold {
  constructor(private readonly longestMs = 2000) {}

  private holds = 0;
  private released: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  /** Holds the load back; returns the function that releases this hold (calling it again does nothing). */
  hold(): () => void {
    if (this.holds++ === 0) this.released = new Promise((resolve) => (this.release = resolve));
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (--this.holds === 0) this.release?.();
    };
    const timer = setTimeout(release, this.longestMs);
    return release;
  }

  /** Resolves when nothing holds the load back. */
  idle(): Promise<void> {
    return this.released;
  }
}
