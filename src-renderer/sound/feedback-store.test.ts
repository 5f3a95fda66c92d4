import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('./feedback-sounds', () => ({ playTone: () => undefined }));
const { feedback, useFeedback } = await import('./feedback-store');

beforeEach(() => {
  useFeedback.setState({ current: null, screen: '', seq: 0 });
  useFeedback.getState().showScreen('printers');
});

describe('a message belongs to the screen that raised it', () => {
  it('is gone once the packer moves to another screen', () => {
    feedback.warning('scan.notExpected');
    expect(useFeedback.getState().current?.key).toBe('scan.notExpected');
    useFeedback.getState().showScreen('queue');
    expect(useFeedback.getState().current).toBeNull();
  });

  it('stays while the same screen is shown again', () => {
    feedback.error('pack.weighedOff');
    useFeedback.getState().showScreen('printers');
    expect(useFeedback.getState().current?.key).toBe('pack.weighedOff');
  });

  it('follows the move it announces, once', () => {
    feedback.success('queue.starting', { order: '#1' }, { carry: true });
    useFeedback.getState().showScreen('work:f1');
    expect(useFeedback.getState().current).toMatchObject({
      key: 'queue.starting',
      screen: 'work:f1',
    });
    useFeedback.getState().showScreen('queue');
    expect(useFeedback.getState().current).toBeNull();
  });

  it('numbers every message anew, also after one was cleared', () => {
    feedback.success('a');
    useFeedback.getState().showScreen('queue');
    feedback.success('a');
    expect(useFeedback.getState().current?.seq).toBe(2);
  });
});
