/** A small structured console logger shared by our processes; IINs are masked before anything is written. */
const LEVELS = { error: 0, warn: 1, info: 2, debug: 3 } as const;
export type LogLevel = keyof typeof LEVELS;

const IIN = /\b(\d{4})\d{6}(\d{2})\b/g;

export function maskPersonalData(text: string): string {
  return text.replace(IIN, '$1******$2');
}

export function consoleLogger(name: string, level: LogLevel = 'info') {
  const write = (at: LogLevel, msg: string, fields?: object) => {
    if (LEVELS[at] > LEVELS[level]) return;
    const line = `[${name}] ${at} ${msg}${fields ? ' ' + JSON.stringify(fields) : ''}`;
    (at === 'error' ? console.error : console.log)(maskPersonalData(line));
  };
  return {
    error: (m: string, f?: object) => write('error', m, f),
    warn: (m: string, f?: object) => write('warn', m, f),
    info: (m: string, f?: object) => write('info', m, f),
    debug: (m: string, f?: object) => write('debug', m, f),
  };
}
