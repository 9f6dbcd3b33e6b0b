import { describeState, type ConnectionState } from '../live/connection-state';
import { h, setAttr, setText } from './dom';

/** The header's live/offline pill; counts down to the next retry while offline. */
export class ConnectionIndicator {
  readonly element: HTMLElement;
  private readonly label = h('span', { class: 'connection-label' });
  private state: ConnectionState = { kind: 'stopped' };
  private timer: number | null = null;

  constructor() {
    this.element = h('div', { class: 'connection', attrs: { role: 'status', 'aria-live': 'polite', 'data-tone': 'pending' } }, h('span', { class: 'connection-dot', attrs: { 'aria-hidden': 'true' } }), this.label);
  }

  show(state: ConnectionState): void {
    this.state = state;
    this.render();
    if (this.timer !== null) {
      window.clearInterval(this.timer);
      this.timer = null;
    }

    if (state.kind === 'waiting') {
      this.timer = window.setInterval(() => this.render(), 1_000);
    }
  }

  private render(): void {
    const description = describeState(this.state, Date.now());
    setText(this.label, description.label);
    setAttr(this.element, 'data-tone', description.tone);
    setAttr(this.element, 'data-state', this.state.kind);
    setAttr(this.element, 'title', description.detail);
    // Pages dim their live figures while the data is not live (see base.css).
    setAttr(document.body, 'data-connection', description.tone);
  }
}
