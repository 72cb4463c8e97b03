import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

// Parses an SVG with a conforming XML parser (it throws on anything not well-formed), as a tree.
export function parseSvg(svg: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  parser.on('opentag', (tag) => {
    const element = { name: tag.name, attributes: { ...tag.attributes }, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('text', (text) => (stack[stack.length - 1].text += text));
  parser.on('closetag', () => void stack.pop());
  parser.write(svg).close();
  return root.children[0];
}

// Every element below (and including) `element` that matches.
export function findAll(element: XmlElement, match: (e: XmlElement) => boolean): XmlElement[] {
  return [...(match(element) ? [element] : []), ...element.children.flatMap((c) => findAll(c, match))];
}

export const byClass = (element: XmlElement, name: string) =>
  findAll(element, (e) => (e.attributes.class ?? '').split(' ').includes(name));
