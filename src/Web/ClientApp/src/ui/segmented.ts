import { h } from './dom';

export interface SegmentOption<T extends string> {
  value: T;
  label: string;
  title?: string;
}

/**
 * A row of buttons. Single choice (`radio`): a radio group, arrow keys move the choice.
 * Several (`toggle`): buttons with aria-pressed.
 */
export class Segmented<T extends string> {
  readonly element: HTMLElement;
  private readonly buttons = new Map<T, HTMLButtonElement>();

  constructor(
    label: string,
    private readonly mode: 'radio' | 'toggle',
    options: readonly SegmentOption<T>[],
    private readonly onPick: (value: T) => void,
  ) {
    this.element = h('div', { class: 'segmented', attrs: { role: mode === 'radio' ? 'radiogroup' : 'group', 'aria-label': label } });
    for (const option of options) {
      const button = h('button', {
        class: 'segment',
        text: option.label,
        attrs: { type: 'button', title: option.title ?? null, 'data-value': option.value },
        on: { click: () => this.onPick(option.value), keydown: (event) => this.onKey(event, option.value) },
      });
      if (mode === 'radio') {
        button.setAttribute('role', 'radio');
      }

      this.buttons.set(option.value, button);
      this.element.append(button);
    }
  }

  /** Marks the chosen values. */
  select(values: ReadonlySet<T> | T): void {
    const chosen = typeof values === 'string' ? new Set([values]) : values;
    for (const [value, button] of this.buttons) {
      const on = chosen.has(value);
      button.setAttribute(this.mode === 'radio' ? 'aria-checked' : 'aria-pressed', String(on));
      if (this.mode === 'radio') {
        button.tabIndex = on ? 0 : -1; // one tab stop for the group
      }
    }
  }

  private onKey(event: KeyboardEvent, value: T): void {
    if (this.mode !== 'radio' || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) {
      return;
    }

    event.preventDefault();
    const values = [...this.buttons.keys()];
    const next = values[(values.indexOf(value) + (event.key === 'ArrowRight' ? 1 : values.length - 1)) % values.length]!;
    this.onPick(next);
    this.buttons.get(next)!.focus();
  }
}
