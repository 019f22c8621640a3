/**
 * `adb shell a b c` joins its arguments with spaces and the device's sh parses the line again. This splits such
 * a line into commands (`;`, `&&`, `||`, `|`) of words, honouring single/double quotes and backslashes:
 * enough for what appium-adb and a harness send; no expansion, no redirection beyond dropping `2>/dev/null`.
 */

export type Joiner = ';' | '&&' | '||' | '|';

export interface ShellCommand {
  words: string[];
  /** How this command joins the previous one (undefined for the first). */
  joiner?: Joiner;
}

/** Splits a shell line into commands of words. */
export function parseShellLine(line: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let joiner: Joiner | undefined;
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endCommand = (next: Joiner): void => {
    endWord();
    if (words.length) commands.push(joiner ? { words: dropRedirects(words), joiner } : { words: dropRedirects(words) });
    words = [];
    joiner = next;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      word += line.slice(i + 1, end < 0 ? line.length : end);
      inWord = true;
      i = end < 0 ? line.length : end;
    } else if (c === '"') {
      i += 1;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1]!)) i += 1;
        word += line[i];
        i += 1;
      }
      inWord = true;
    } else if (c === '\\' && i + 1 < line.length) {
      word += line[++i];
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n') {
      endWord();
    } else if (c === ';') {
      endCommand(';');
    } else if ((c === '&' || c === '|') && line[i + 1] === c) {
      endCommand(c === '&' ? '&&' : '||');
      i += 1;
    } else if (c === '|') {
      endCommand('|');
    } else {
      word += c;
      inWord = true;
    }
  }
  endCommand(';');
  return commands;
}

function dropRedirects(words: string[]): string[] {
  return words.filter((w) => !/^\d?>{1,2}(\/dev\/null|&\d)$/.test(w));
}
