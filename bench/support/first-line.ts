/** The first line a child process prints: the benches' started servers announce themselves on it. */
export async function firstLine(stdout: NodeJS.ReadableStream, what: string): Promise<string> {
  let text = '';
  for await (const chunk of stdout) {
    text += String(chunk);
    const end = text.indexOf('\n');
    if (end >= 0) return text.slice(0, end);
  }
  throw new Error(`${what} closed stdout before printing its first line`);
}
