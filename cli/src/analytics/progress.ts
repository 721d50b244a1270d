/** A progress bar on stderr for long runs; silent when stderr is not a terminal (pipes, CI, tests). */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): { update: (done: number, total: number) => void; finish: () => void } {
  if (!stream.isTTY) return { update: () => {}, finish: () => {} };
  let drawn = false;
  return {
    update(done, total) {
      const width = 30;
      const filled = Math.round((width * done) / Math.max(total, 1));
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
      );
      drawn = true;
    },
    finish() {
      if (drawn) stream.write('\n');
    },
  };
}
