/**
 * The import flow as a state machine: which phase may follow which. The page and the controller
 * (import-controller.ts) only move through `step`, so an out-of-order event (a confirm while
 * reading, a second file while adding) is ignored instead of corrupting the state.
 *
 *   idle ──pick──▶ reading ──read──▶ parsing ──parsed──▶ preview ──confirm──▶ adding ──added──▶ done
 *     ▲               │                 │                 │  ▲ remap            │
 *     └──failed/cancel┴─────────────────┴─────────────────┘  └─────────────────── failed (back to preview)
 */
export type Phase = 'idle' | 'reading' | 'parsing' | 'preview' | 'adding' | 'done';
export type FlowEvent = 'pick' | 'read' | 'parsed' | 'remap' | 'confirm' | 'added' | 'failed' | 'cancel';

const TRANSITIONS: Record<Phase, Partial<Record<FlowEvent, Phase>>> = {
  idle: { pick: 'reading' },
  reading: { read: 'parsing', failed: 'idle', cancel: 'idle' },
  parsing: { parsed: 'preview', failed: 'idle', cancel: 'idle', read: 'parsing' },
  preview: { remap: 'preview', confirm: 'adding', cancel: 'idle', pick: 'reading', failed: 'preview' },
  adding: { added: 'done', failed: 'preview' },
  done: { pick: 'reading', cancel: 'done' },
};

/** The phase after `event`, or null when the event is not allowed in `phase`. */
export function step(phase: Phase, event: FlowEvent): Phase | null {
  return TRANSITIONS[phase][event] ?? null;
}

/** Phases in which the file input and other actions are disabled. */
export const isBusy = (phase: Phase) => phase === 'reading' || phase === 'parsing' || phase === 'adding';
