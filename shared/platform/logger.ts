import { currentContext } from './invocation-context';

/**
 * The one logger: a JSON line per entry on stdout (CloudWatch keeps it as it is), stamped with the
 * invocation context. Deliberately small because it is in every bundle (decision 100).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in rank;
}

/** `LOG_LEVEL` (debug, info, warn, error; case-insensitive), info when unset or unknown. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const level = env.LOG_LEVEL?.toLowerCase();
  return isLogLevel(level) ? level : 'info';
}

/** An Error as fields a reader can use; anything else as it is. */
function serialisable(value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return { name: value.name, message: value.message, ...(code ? { code } : {}), stack: value.stack };
}

export function createLogger(
  options: { level?: LogLevel; write?: (line: string) => void; now?: () => Date } = {},
): Logger {
  const threshold = rank[options.level ?? 'info'];
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  const emit = (level: LogLevel, message: string, fields: LogFields = {}) => {
    if (rank[level] < threshold) return;
    const context = currentContext();
    const line: LogFields = {
      level,
      time: now().toISOString(),
      message,
      functionName: context?.functionName ?? process.env.AWS_LAMBDA_FUNCTION_NAME,
      workspaceId: context?.workspaceId,
      correlationId: context?.correlationId,
    };
    // a field never overwrites the line's own (a `level` field cannot hide an error)
    for (const [name, value] of Object.entries(fields)) if (!(name in line)) line[name] = serialisable(value);
    write(JSON.stringify(line));
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}

/** The process's logger, at the level of `LOG_LEVEL`. */
export const logger: Logger = createLogger({ level: logLevelFromEnv() });

/**
 * The `log` port of intake and form processing (an entry with `level` and `msg`), written by `logger`, so
 * those operations keep a port their unit tests can fake.
 */
export function logEntry(entry: Record<string, unknown>): void {
  const { level, msg, message, ...fields } = entry;
  const text = String(msg ?? message ?? '');
  logger[isLogLevel(level) ? level : 'info'](text, fields);
}
