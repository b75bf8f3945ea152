import { describe, expect, it } from 'vitest';
import { createLogger, hclogTimestamp, levelFromEnv } from '../../src/provider/plugin/logger.js';

function capture(level: Parameters<typeof createLogger>[0]['level']): { lines: string[]; log: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const log = createLogger({
    module: 'provider.test',
    level,
    sink: (line) => lines.push(line),
    now: () => new Date('2025-03-04T05:06:07.089Z'),
  });
  return { lines, log };
}

describe('hclog lines', () => {
  it('writes one JSON object per line with the keys go-plugin parses', () => {
    const { lines, log } = capture('trace');
    log.info('creating image', { image_id: 'm-1', size: 20 });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      '@level': 'info',
      '@message': 'creating image',
      '@module': 'provider.test',
      '@timestamp': '2025-03-04T05:06:07.089000Z',
      image_id: 'm-1',
      size: 20,
    });
  });

  it('uses the exact timestamp layout go-plugin parses (six fractional digits)', () => {
    expect(hclogTimestamp(new Date('2025-12-31T23:59:59.5Z'))).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it('drops lines below the level and adds context fields from with()', () => {
    const { lines, log } = capture('warn');
    const scoped = log.with({ tf_rpc: 'PlanResourceChange' });
    scoped.debug('hidden');
    scoped.warn('shown', { path: 'name' });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ '@level': 'warn', '@message': 'shown', tf_rpc: 'PlanResourceChange', path: 'name' }),
    ]);
    expect(log.enabled('debug')).toBe(false);
    expect(log.enabled('error')).toBe(true);
  });

  it('never throws on awkward fields', () => {
    const { lines, log } = capture('trace');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    log.error('failed', { error: new Error('boom'), big: 10n, bytes: Buffer.from('abc') });
    log.error('cyclic', { cyclic });
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ error: 'boom', big: '10', bytes: '<3 bytes>' });
    expect(JSON.parse(lines[1] ?? '')['@message']).toContain('cyclic');
  });

  it('writes nothing when off', () => {
    const { lines, log } = capture('off');
    log.error('x');
    expect(lines).toEqual([]);
  });
});

describe('level from the environment', () => {
  it.each([
    [{}, 'off'],
    [{ TF_LOG: 'DEBUG' }, 'debug'],
    [{ TF_LOG: 'json' }, 'trace'],
    [{ TF_LOG: 'bogus' }, 'trace'],
    [{ TF_LOG: 'trace', TF_LOG_PROVIDER: 'warn' }, 'warn'],
    [{ TF_LOG_PROVIDER: 'off', TF_LOG: 'debug' }, 'off'],
  ])('%j → %s', (env, level) => {
    expect(levelFromEnv(env)).toBe(level);
  });
});
