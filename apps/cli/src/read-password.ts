/**
 * A password from standard input, so it never sits in the shell history or the process list:
 * the first line of a pipe, or typed at a terminal with echo off.
 */
export const readPassword = async (
  input: NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown },
  prompt: NodeJS.WritableStream,
): Promise<string> => {
  if (input.isTTY && input.setRawMode) return readMuted(input as NodeJS.ReadStream, prompt);
  let text = '';
  for await (const chunk of input) {
    text += chunk.toString();
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0];
};

const readMuted = (input: NodeJS.ReadStream, prompt: NodeJS.WritableStream): Promise<string> =>
  new Promise((resolve, reject) => {
    prompt.write('Password: ');
    let typed = '';
    input.setRawMode(true);
    input.resume();
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n') return done(() => resolve(typed));
        if (ch === '\u0003') return done(() => reject(new Error('cancelled')));
        typed = ch === '\u007f' || ch === '\b' ? [...typed].slice(0, -1).join('') : typed + ch;
      }
    };
    const done = (settle: () => void) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      prompt.write('\n');
      settle();
    };
    input.on('data', onData);
  });
