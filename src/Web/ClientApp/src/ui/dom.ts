// A small element builder and text setters that write to the DOM only when something changed.

type Child = Node | string | number | null | undefined | false;

export interface Props {
  class?: string;
  text?: string;
  title?: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  dataset?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props) {
    if (props.class) {
      element.className = props.class;
    }

    if (props.text !== undefined) {
      element.textContent = props.text;
    }

    if (props.title !== undefined) {
      element.title = props.title;
    }

    for (const [name, value] of Object.entries(props.attrs ?? {})) {
      if (value === true) {
        element.setAttribute(name, '');
      } else if (value !== false && value !== null && value !== undefined) {
        element.setAttribute(name, String(value));
      }
    }

    Object.assign(element.dataset, props.dataset ?? {});
    for (const [type, listener] of Object.entries(props.on ?? {})) {
      element.addEventListener(type, listener as EventListener);
    }
  }

  for (const child of children) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(typeof child === 'number' ? String(child) : child);
    }
  }

  return element;
}

/** Sets an element's text through its one text node; no DOM write when unchanged. */
export function setText(element: Element, text: string): void {
  const node = element.firstChild;
  if (node && node.nodeType === Node.TEXT_NODE && !node.nextSibling) {
    if (node.nodeValue !== text) {
      node.nodeValue = text;
    }
  } else if (element.textContent !== text) {
    element.textContent = text;
  }
}

/** Sets a class among a group (up/down/flat, say) without touching the others. */
export function setTone(element: Element, tone: 'up' | 'down' | 'flat'): void {
  const list = element.classList;
  if (!list.contains(tone)) {
    list.remove('up', 'down', 'flat');
    list.add(tone);
  }
}

export function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}
