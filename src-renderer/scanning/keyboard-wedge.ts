// Wires keyboard-wedge scanners to the scan detector: one keydown listener on the window, in the
// capture phase, so a scan is caught wherever focus is and never reaches a text field. Keys the
// detector held that turn out to be typing are put back where focus is (scan-detector.ts header).
import {
  createScanDetector,
  type ScanDetectorConfig,
  type ScanDetectorOutput,
} from './scan-detector';

export interface KeyboardWedgeOptions {
  config: ScanDetectorConfig;
  onScan(value: string, keyTime: number): void;
}

/** Text inputs whose value setRangeText can edit (it throws on email and number inputs). */
const editableInputTypes = new Set(['text', 'search', 'password', 'tel', 'url']);

type TextField = HTMLInputElement | HTMLTextAreaElement;

function textField(element: Element | null): TextField | null {
  if (element instanceof HTMLTextAreaElement)
    return element.readOnly || element.disabled ? null : element;
  if (element instanceof HTMLInputElement && editableInputTypes.has(element.type)) {
    return element.readOnly || element.disabled ? null : element;
  }
  return null;
}

/** Starts listening; returns the function that stops (and gives back any held keys as typing). */
export function installKeyboardWedge(target: Window, options: KeyboardWedgeOptions): () => void {
  const detector = createScanDetector(options.config);
  const replayed = new WeakSet<Event>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  // Typing goes back as if typed: into a text field at the caret (firing `input` so React sees
  // it), or as keydown events on whatever has focus, so keyboard shortcuts still work.
  function retype(keys: string[]): void {
    const focused = target.document.activeElement;
    const field = textField(focused);
    if (field) {
      const start = field.selectionStart ?? field.value.length;
      const end = field.selectionEnd ?? start;
      field.setRangeText(keys.join(''), start, end, 'end');
      field.dispatchEvent(new Event('input', { bubbles: true }));
      return;
    }
    for (const key of keys) {
      // Untrusted events have no default action: a held Space must still press a focused button.
      if (key === ' ' && focused instanceof HTMLButtonElement) {
        focused.click();
        continue;
      }
      const replay = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
      replayed.add(replay);
      (focused ?? target.document.body).dispatchEvent(replay);
    }
  }

  function apply(outputs: ScanDetectorOutput[], keyTime: number): void {
    for (const output of outputs) {
      if (output.type === 'scan') options.onScan(output.value, keyTime);
      else retype(output.keys);
    }
  }

  function scheduleFlush(): void {
    clearTimeout(timer);
    const deadline = detector.deadline;
    if (deadline === undefined) return;
    timer = setTimeout(
      () => {
        const now = performance.now();
        apply(detector.flush(now), now);
        scheduleFlush();
      },
      Math.max(0, deadline - performance.now()) + 1,
    );
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (replayed.has(event) || event.isComposing) return;
    const step = detector.push({
      key: event.key,
      time: event.timeStamp,
      ctrl: event.ctrlKey,
      alt: event.altKey,
    });
    if (step.hold) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
    apply(step.outputs, event.timeStamp);
    scheduleFlush();
  }

  function onBlur(): void {
    clearTimeout(timer);
    apply(detector.reset(), performance.now());
  }

  target.addEventListener('keydown', onKeyDown, { capture: true });
  target.addEventListener('blur', onBlur);
  return () => {
    target.removeEventListener('keydown', onKeyDown, { capture: true });
    target.removeEventListener('blur', onBlur);
    onBlur();
  };
}
