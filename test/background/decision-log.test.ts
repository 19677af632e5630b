import { describe, expect, it } from 'vitest';
import { cleanDecisionReport, createDecisionLog } from '../../src/background/decision-log';

function memoryArea() {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key: string | null) => (key === null ? { ...data } : key in data ? { [key]: data[key] } : {}),
    set: async (items: Record<string, unknown>) => void Object.assign(data, items),
  };
}

const WHERE = { url: 'https://portal.example.com/login', tabId: 4, frameId: 0 };

describe('the diagnostics log of fill decisions', () => {
  it('records nothing until recording is switched on, and forgets the log when it is switched off', async () => {
    const local = memoryArea();
    const log = createDecisionLog(local, memoryArea(), () => 1000);
    await log.record(WHERE, { outcome: 'refused', reason: 'no-otp-field', detail: 'x' });
    expect(await log.list()).toEqual([]);
    await log.setRecording(true);
    await log.record(WHERE, { outcome: 'refused', reason: 'no-otp-field', detail: 'x' });
    expect(await log.list()).toEqual([{ outcome: 'refused', reason: 'no-otp-field', detail: 'x', ...WHERE, at: 1000 }]);
    await log.setRecording(false);
    expect(await log.list()).toEqual([]);
    expect(await log.isRecording()).toBe(false);
  });

  it('keeps only the known fields of a report, cut to size, and drops a report with an unknown outcome', () => {
    expect(cleanDecisionReport({ outcome: 'stolen', reason: 'x', detail: 'y' })).toBeUndefined();
    expect(cleanDecisionReport(null)).toBeUndefined();
    const cleaned = cleanDecisionReport({ outcome: 'filled', reason: 'r'.repeat(500), detail: 42, field: 'input#otp', secret: 'JBSWY3DP' });
    expect(cleaned).toEqual({ outcome: 'filled', reason: 'r'.repeat(60), detail: '', field: 'input#otp' });
  });

  it('keeps the newest 200 decisions, losing none of frames that report at once', async () => {
    const local = memoryArea();
    const log = createDecisionLog(local, memoryArea());
    await log.setRecording(true);
    await Promise.all(Array.from({ length: 230 }, (_, i) => log.record({ ...WHERE, frameId: i }, { outcome: 'refused', reason: 'r', detail: '' })));
    const kept = await log.list();
    expect(kept).toHaveLength(200);
    expect(kept[0]!.frameId).toBe(30);
    expect(kept.at(-1)!.frameId).toBe(229);
  });
});
