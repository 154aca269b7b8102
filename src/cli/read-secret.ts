/** Reads a password from standard input: piped (up to the first line end), or typed at a terminal without echo. */
import { text } from 'node:stream/consumers';

const MAX_BYTES = 4096;

export async function readSecret(prompt: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const all = await text(stdin);
    if (all.length > MAX_BYTES) throw new Error(`the password on standard input is longer than ${MAX_BYTES} characters`);
    return all.split(/\r?\n/)[0] ?? '';
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      stdin.on('data', (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n') { process.stderr.write('\n'); resolve(typed); return; }
          if (ch === '\u0003') { reject(new Error('cancelled')); return; }
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else if (typed.length < MAX_BYTES) typed += ch;
        }
      });
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
